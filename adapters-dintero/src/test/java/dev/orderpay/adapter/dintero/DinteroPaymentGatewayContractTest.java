package dev.orderpay.adapter.dintero;

import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentGatewayContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

import static dev.orderpay.adapter.dintero.DinteroSandbox.ACCESS_TOKEN;

/**
 * The Dintero adapter keeps every promise of a payment gateway, against WireMock playing Dintero with state
 * ({@link DinteroCheckoutDouble}), and with a callback secret so that its callbacks are signed.
 */
class DinteroPaymentGatewayContractTest extends PaymentGatewayContract {

    private static final String CALLBACK_SECRET = "contract-callback-s3cret";
    private static final DinteroCheckoutDouble DINTERO =
            new DinteroCheckoutDouble(DinteroSandbox.ACCOUNT_ID, CALLBACK_SECRET);

    private static DinteroSandbox sandbox;
    private DinteroPaymentGateway gateway;

    @BeforeAll
    static void startDintero() {
        sandbox = DinteroSandbox.start(Map.of("dintero.callback-secret", CALLBACK_SECRET), DINTERO);
    }

    @AfterAll
    static void stopDintero() {
        sandbox.close();
    }

    @BeforeEach
    void freshDintero() {
        sandbox.wireMock.resetAll();
        sandbox.givenToken(ACCESS_TOKEN, 14_400);
        DINTERO.startOver(sandbox.wireMock);
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
