package dev.orderpay.bootstrap;

import dev.orderpay.application.service.OrderLogRecord;
import org.slf4j.MDC;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.logging.LogRecord;

/**
 * Sends the framework-free core's java.util.logging lines to logback, as {@link SLF4JBridgeHandler} does, and puts
 * the order a line is about ({@link OrderLogRecord}) in the log context as {@code order_id} while it is written.
 */
final class OrderLogBridge extends SLF4JBridgeHandler {

    static final String ORDER_ID = "order_id";

    @Override
    public void publish(LogRecord record) {
        if (!(record instanceof OrderLogRecord aboutAnOrder)) {
            super.publish(record);
            return;
        }
        String outer = MDC.get(ORDER_ID);
        MDC.put(ORDER_ID, aboutAnOrder.orderId());
        try {
            super.publish(record);
        } finally {
            if (outer == null) {
                MDC.remove(ORDER_ID);
            } else {
                MDC.put(ORDER_ID, outer);
            }
        }
    }
}
