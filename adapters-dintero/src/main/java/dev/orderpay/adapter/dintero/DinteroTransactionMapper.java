package dev.orderpay.adapter.dintero;

import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.PaymentId;

import java.util.List;
import java.util.Set;

/**
 * Reads a Dintero transaction as a payment: its status through {@link DinteroStatusMapper}, and how much of it has
 * been captured and refunded. Those amounts are the sums of the successful {@code CAPTURE} and {@code REFUND}
 * events; failed attempts moved no money. When the events show no successful capture (or refund), the status
 * stands in: {@code CAPTURED}, {@code PARTIALLY_REFUNDED} and {@code REFUNDED} come only after the whole amount
 * was captured, and {@code REFUNDED} means all of it was given back. What neither tells (how much a partial
 * status moved) counts as nothing: an order only ever raises its amounts, so a later read corrects too little,
 * whereas too much could never be taken back.
 */
final class DinteroTransactionMapper {

    private static final Set<String> WHOLLY_CAPTURED = Set.of("CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED");

    private DinteroTransactionMapper() {
    }

    /**
     * The transaction must have a readable id. A {@code session_id} that cannot be a Dintero id reads as none, so the
     * payment matches no order's checkout.
     */
    static ProviderPayment toProviderPayment(DinteroTransaction transaction) {
        List<DinteroTransaction.Event> events = transaction.events() == null ? List.of() : transaction.events();
        long captured = successful(events, "CAPTURE")
                ? sum(events, "CAPTURE")
                : wholly(transaction.status()) ? transaction.amount() : 0;
        long refunded = successful(events, "REFUND")
                ? sum(events, "REFUND")
                : "REFUNDED".equals(transaction.status()) ? captured : 0;
        return new ProviderPayment(new PaymentId(transaction.id()), DinteroIds.sessionId(transaction.sessionId()),
                transaction.merchantReference(), transaction.amount(), transaction.currency(),
                DinteroStatusMapper.toOrderStatus(transaction.status()), captured, refunded);
    }

    private static boolean wholly(String status) {
        return status != null && WHOLLY_CAPTURED.contains(status);
    }

    private static boolean successful(List<DinteroTransaction.Event> events, String kind) {
        return events.stream().anyMatch(event -> counts(event, kind));
    }

    private static long sum(List<DinteroTransaction.Event> events, String kind) {
        return events.stream()
                .filter(event -> counts(event, kind))
                .mapToLong(event -> event.amount() == null ? 0 : event.amount())
                .sum();
    }

    private static boolean counts(DinteroTransaction.Event event, String kind) {
        return event != null && kind.equals(event.event()) && Boolean.TRUE.equals(event.success());
    }
}
