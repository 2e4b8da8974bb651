package dev.orderpay.application.port.out;

import org.junit.jupiter.api.BeforeEach;

/**
 * The same promises from a provider that answers captures, refunds and voids with "accepted" and carries them out
 * later: this runs the contract's path for {@link OperationOutcome.Accepted}.
 */
class DeferringFakePaymentGatewayContractTest extends FakePaymentGatewayContractTest {

    @BeforeEach
    void operationsAreCarriedOutLater() {
        fake.acceptOperationsForLater();
    }
}
