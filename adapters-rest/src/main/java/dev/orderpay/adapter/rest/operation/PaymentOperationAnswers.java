package dev.orderpay.adapter.rest.operation;

import dev.orderpay.adapter.rest.order.OrderResponse;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import dev.orderpay.application.port.in.operation.PaymentOperationResult;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Accepted;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Completed;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.OutcomeUnknown;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Refused;
import dev.orderpay.domain.contents.LineShortfall;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * How a capture, refund or cancellation is answered: 200 when the provider did it, 202 when it accepted it for
 * later, a problem otherwise. The routes answer with this, and a request with an idempotency key is recorded with it.
 */
public final class PaymentOperationAnswers {

    private static final String AS_BEFORE =
            "The payment provider refused the operation or could not be asked. The order is as before.";

    private PaymentOperationAnswers() {
    }

    public static MutableHttpResponse<?> of(PaymentOperationResult result) {
        String orderId = result.order().id().toString();
        // Java 17 has no pattern switch; the result is sealed, so these four are all there are.
        if (result instanceof Completed done) {
            return HttpResponse.ok(OrderResponse.from(done.order()));
        }
        if (result instanceof Accepted later) {
            return HttpResponse.accepted().body(OrderResponse.from(later.order()));
        }
        if (result instanceof Refused refused) {
            return refusal(refused).aboutOrder(orderId).toResponse();
        }
        OutcomeUnknown unknown = (OutcomeUnknown) result;
        return Problem.ofProvider(unknown.timedOut(), "The payment provider's answer was lost, so it is not known yet"
                + " whether the operation happened. The outcome is being confirmed with the provider, and the order"
                + " shows the operation as pending until then. Do not retry blindly: read the order first, or send"
                + " this request again with the same Idempotency-Key, which asks the provider before it answers and"
                + " never repeats the operation.")
                .aboutOrder(orderId).toResponse();
    }

    private static Problem refusal(Refused refused) {
        String status = refused.order().status().name();
        if (refused.shortfall().isPresent()) {
            LineShortfall line = refused.shortfall().get();
            return Problem.of(HttpStatus.CONFLICT, ProblemCode.OPERATION_NOT_ALLOWED, "Operation not allowed",
                            "Line '" + line.lineId() + "': " + line.asked() + " asked for, but only " + line.left()
                                    + " is left to " + line.operation() + ".")
                    .withCurrentStatus(status)
                    .withLineId(line.lineId());
        }
        return switch (refused.reason()) {
            case NOT_ALLOWED -> Problem.of(HttpStatus.CONFLICT, ProblemCode.OPERATION_NOT_ALLOWED,
                            "Operation not allowed", "The order is " + status + ": it does not allow this now, not"
                                    + " for this amount, or not while another operation is under way.")
                    .withCurrentStatus(status);
            case CHANGED_CONCURRENTLY -> Problem.concurrentUpdate();
            case PROVIDER_REFUSED, PROVIDER_UNAVAILABLE -> Problem.ofProvider(false, AS_BEFORE);
            case PROVIDER_TIMEOUT -> Problem.ofProvider(true, AS_BEFORE);
            case NOT_CARRIED_OUT -> Problem.ofProvider(false, "The operation did not happen: the payment provider"
                    + " never showed it done, so it was let go. Send a new request, with a new Idempotency-Key, to"
                    + " try again.");
        };
    }
}
