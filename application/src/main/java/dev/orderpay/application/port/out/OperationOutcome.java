package dev.orderpay.application.port.out;

import java.util.Objects;

/** What the provider said to a capture, refund or void it accepted. */
public sealed interface OperationOutcome {

    /** Done: the payment as it now stands. */
    record Completed(ProviderPayment payment) implements OperationOutcome {
        public Completed {
            Objects.requireNonNull(payment, "payment");
        }
    }

    /** Accepted, to be carried out later; a notification or reconciliation will show the result. */
    record Accepted() implements OperationOutcome {
    }
}
