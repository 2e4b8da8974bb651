package dev.orderpay.adapter.dintero;

import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.PaymentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads how a Dintero checkout session stands. Deliberately cautious, because an order closed without payment
 * is only reopened if a payment turns up later:
 * <ul>
 *   <li>A {@code transaction_id} is the payment, whatever else the session says: the transaction's own status
 *       decides (a session cancelled after authorization voids its transaction, which then reads as cancelled).</li>
 *   <li>Without one, {@code cancelled_at} means the session was cancelled: CANCELLED.</li>
 *   <li>Otherwise the last of the session's events that concern the outcome decides: {@code CANCELLED} (the buyer
 *       cancelled), {@code DECLINED} or {@code FAILED} end the checkout that way; {@code AUTHORIZED},
 *       {@code COMPLETED} or {@code UNKNOWN} coming last mean a payment may still appear, so nothing has ended.
 *       {@code PAY_FAILED} is one failed attempt the buyer may follow with another, and other events (visits,
 *       callbacks sent, address changes) say nothing about the outcome; both are passed over.</li>
 * </ul>
 */
final class DinteroSessionMapper {

    private static final Logger LOG = LoggerFactory.getLogger(DinteroSessionMapper.class);

    private DinteroSessionMapper() {
    }

    static CheckoutStatus toCheckoutStatus(DinteroSession session) {
        Optional<PaymentId> transactionId = DinteroIds.paymentId(session.transactionId());
        Optional<CheckoutEnding> ended = transactionId.isPresent() ? Optional.empty() : endedWithoutPayment(session);
        return new CheckoutStatus(transactionId, ended, instant(session.expiresAt(), "expires_at"));
    }

    private static Optional<CheckoutEnding> endedWithoutPayment(DinteroSession session) {
        if (session.cancelledAt() != null && !session.cancelledAt().isBlank()) {
            return Optional.of(CheckoutEnding.CANCELLED);
        }
        List<DinteroSession.Event> events = session.events() == null ? List.of() : session.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            String name = events.get(i) == null ? null : events.get(i).name();
            if (name == null) {
                continue;
            }
            switch (name) {
                case "CANCELLED":
                    return Optional.of(CheckoutEnding.CANCELLED);
                case "DECLINED":
                    return Optional.of(CheckoutEnding.DECLINED);
                case "FAILED":
                    return Optional.of(CheckoutEnding.FAILED);
                case "AUTHORIZED", "COMPLETED", "UNKNOWN":
                    return Optional.empty();
                default:
                    // Not about the outcome: look further back.
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException unreadable) {
            // Without a deadline the checkout is never taken as lapsed; reconciliation keeps asking instead.
            LOG.warn("unreadable {} in a Dintero session: '{}'", field, DinteroStatusMapper.printable(value));
            return Optional.empty();
        }
    }
}
