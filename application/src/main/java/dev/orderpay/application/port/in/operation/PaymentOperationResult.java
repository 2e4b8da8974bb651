package dev.orderpay.application.port.in.operation;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.contents.LineShortfall;

import java.util.Objects;
import java.util.Optional;

/**
 * How a capture, refund or cancellation ended, with the order as the use case left it: the caller answers from
 * this alone and never reads the order again to guess what happened.
 */
public sealed interface PaymentOperationResult {

    Order order();

    /** The provider did it. */
    record Completed(Order order) implements PaymentOperationResult {
        public Completed {
            Objects.requireNonNull(order, "order");
        }
    }

    /** The provider accepted it for later: the order shows it pending until a notification or reconciliation. */
    record Accepted(Order order) implements PaymentOperationResult {
        public Accepted {
            Objects.requireNonNull(order, "order");
        }
    }

    /**
     * Nothing happened and the order is as it was; {@code order().status()} is the status that stood.
     *
     * @param shortfall with {@link Reason#NOT_ALLOWED}, the line of which more was asked for than is left, if that
     *                  was why
     */
    record Refused(Order order, Reason reason, Optional<LineShortfall> shortfall) implements PaymentOperationResult {
        public Refused {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(shortfall, "shortfall");
        }

        /** For a reason other than a line's shortfall. */
        public Refused(Order order, Reason reason) {
            this(order, reason, Optional.empty());
        }
    }

    /**
     * The provider's answer was lost and the payment could not be read since: the operation may have happened. It
     * stays pending on the order, so no other can start, until a notification or reconciliation settles it.
     *
     * @param timedOut whether the provider did not answer in time, rather than answering with a failure
     */
    record OutcomeUnknown(Order order, boolean timedOut) implements PaymentOperationResult {
        public OutcomeUnknown {
            Objects.requireNonNull(order, "order");
        }
    }

    /** Why an operation was refused. */
    enum Reason {
        /** The order's status, the amount left, or an operation under way does not allow it; the provider was not asked. */
        NOT_ALLOWED,
        /** The order changed while the operation was being recorded; the provider was not asked. */
        CHANGED_CONCURRENTLY,
        /** The provider refused it. */
        PROVIDER_REFUSED,
        /** The provider could not be reached, so nothing was done. */
        PROVIDER_UNAVAILABLE,
        /** The provider did not answer in time to a request that is safe to repeat, so nothing was done. */
        PROVIDER_TIMEOUT,
        /**
         * An earlier request with the same idempotency key started it, and the provider never showed it done: it did
         * not happen, and it was let go.
         */
        NOT_CARRIED_OUT
    }
}
