package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The fake that the use-case and HTTP tests rely on keeps the same promises as a real provider's adapter. */
class FakePaymentGatewayContractTest extends PaymentGatewayContract {

    final FakePaymentGateway fake = new FakePaymentGateway();
    private final ProviderDouble provider = new FakeProvider();

    @Override
    protected PaymentGateway gateway() {
        return fake;
    }

    @Override
    protected ProviderDouble provider() {
        return provider;
    }

    /** The fake's own parameters and signature header, as described on {@link FakePaymentGateway}. */
    private final class FakeProvider implements ProviderDouble {

        @Override
        public Map<String, List<String>> buyerPays(PaymentSession session, CheckoutRequest request) {
            return Map.of("payment_id", List.of(fake.buyerPays(session.id(), OrderStatus.AUTHORIZED).value()));
        }

        @Override
        public Map<String, List<String>> buyerCancels(PaymentSession session) {
            fake.endCheckout(session.id(), CheckoutEnding.CANCELLED);
            return Map.of("error", List.of("cancelled"));
        }

        @Override
        public InboundNotification paymentNotification(PaymentSession session, CheckoutRequest request) {
            return notification(request.notificationUrl(), paymentOf(session), FakePaymentGateway.VALID_SIGNATURE);
        }

        @Override
        public InboundNotification forgedPaymentNotification(PaymentSession session, CheckoutRequest request) {
            return notification(request.notificationUrl(), paymentOf(session), "forged");
        }

        @Override
        public void carryOutAcceptedOperations() {
            fake.carryOutAcceptedOperations();
        }

        private PaymentId paymentOf(PaymentSession session) {
            return fake.fetchCheckout(session.id()).paymentId().orElseThrow();
        }
    }

    private static InboundNotification notification(URI url, PaymentId paymentId, String signature) {
        return new InboundNotification("POST", url.getHost(), url.getPath(), "payment_id=" + paymentId,
                Map.of("payment_id", List.of(paymentId.value())),
                Map.of(FakePaymentGateway.SIGNATURE_HEADER, List.of(signature),
                        FakePaymentGateway.DELIVERY_HEADER, List.of("delivery-of-" + paymentId)));
    }
}
