package dev.orderpay.application.service;

import dev.orderpay.domain.OrderId;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A log line about one order that carries the order's id beside its text, so that the logging set-up can index it
 * (bootstrap puts it in the log context as {@code order_id}) while the core stays free of any logging library.
 */
public final class OrderLogRecord extends LogRecord {

    private final String orderId;

    private OrderLogRecord(Level level, String message, OrderId orderId) {
        super(level, message);
        this.orderId = orderId.toString();
    }

    public String orderId() {
        return orderId;
    }

    /** Logs a warning about the order; the message is only built when warnings are logged. */
    public static void warning(Logger log, OrderId orderId, Supplier<String> message) {
        if (log.isLoggable(Level.WARNING)) {
            OrderLogRecord record = new OrderLogRecord(Level.WARNING, message.get(), orderId);
            record.setLoggerName(log.getName());
            log.log(record);
        }
    }
}
