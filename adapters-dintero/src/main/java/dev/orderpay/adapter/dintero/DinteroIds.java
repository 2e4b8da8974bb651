package dev.orderpay.adapter.dintero;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.SessionId;

import java.util.Optional;
import java.util.function.Function;

/**
 * Dintero's transaction and session ids as this service's {@link PaymentId} and {@link SessionId}. An id that breaks
 * their rule (blank, control characters, absurdly long) cannot be one Dintero issued, so it is read as no id at all.
 */
final class DinteroIds {

    private DinteroIds() {
    }

    static Optional<PaymentId> paymentId(String transactionId) {
        return readable(transactionId, PaymentId::new);
    }

    static Optional<SessionId> sessionId(String sessionId) {
        return readable(sessionId, SessionId::new);
    }

    private static <T> Optional<T> readable(String id, Function<String, T> type) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(type.apply(id));
        } catch (InvalidValueException notAnId) {
            return Optional.empty();
        }
    }
}
