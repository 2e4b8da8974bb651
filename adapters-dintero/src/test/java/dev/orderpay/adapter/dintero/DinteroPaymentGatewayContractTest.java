package dev.orderpay.adapter.dintero;

import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentGatewayContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Dintero adapter keeps every promise of a payment gateway, against WireMock playing Dintero with state
 * ({@link DinteroCheckoutDouble}), and with a callback secret so that its callbacks are signed.
 */
class DinteroPaymentGatewayContractTest extends PaymentGatewayContract {

    private static final String CALLBACK_SECRET = "contract-callback-s3cret";
    private static final DinteroCheckoutDouble DINTERO =
            new DinteroCheckoutDouble(DinteroSandbox.ACCOUNT_ID, CALLBACK_SECRET);

    @RegisterExtension
    static final DinteroSandbox sandbox = DinteroSandbox.forTheGateway()
            .withProperty("dintero.callback-secret", CALLBACK_SECRET).grantingTokens().playing(DINTERO);

    private DinteroPaymentGateway gateway;

    @BeforeEach
    void freshGateway() {
        gateway = sandbox.newGateway();
    }

    @Override
    protected PaymentGateway gateway() {
        return gateway;
    }

    @Override
    protected ProviderDouble provider() {
        return DINTERO;
    }
}
