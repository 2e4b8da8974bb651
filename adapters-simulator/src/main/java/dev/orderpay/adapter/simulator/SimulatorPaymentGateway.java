package dev.orderpay.adapter.simulator;

import dev.orderpay.adapter.simulator.SimulatedProvider.Checkout;
import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.BuyerReturn;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.application.port.out.OperationOutcome;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.ProviderNotice;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.application.port.out.PublicBaseUrl;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.contents.LineMovement;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PaymentGateway} on a provider simulated inside this service, so the whole flow runs with no account and
 * no network: the buyer pays, declines or cancels on {@link SimulatorCheckoutController}'s page, and the simulator
 * answers the merchant's operations at once. Chosen only with {@code payments.provider=simulator}; what it holds is
 * lost on restart (see {@link SimulatedProvider}).
 */
@Singleton
@Requires(property = "payments.provider", value = "simulator")
final class SimulatorPaymentGateway implements PaymentGateway {

    private final SimulatedProvider provider;
    private final SimulatorNotifications notifications;
    private final PublicBaseUrl publicBaseUrl;

    SimulatorPaymentGateway(SimulatedProvider provider, SimulatorNotifications notifications,
                            PublicBaseUrl publicBaseUrl) {
        this.provider = provider;
        this.notifications = notifications;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public PaymentSession openCheckout(CheckoutRequest request) {
        Checkout checkout = provider.open(request);
        return new PaymentSession(checkout.sessionId(),
                publicBaseUrl.resolve(SimulatorCheckoutController.PATH + "/" + checkout.sessionId()));
    }

    @Override
    public ProviderPayment fetchPayment(PaymentId paymentId) {
        return provider.payment(paymentId);
    }

    @Override
    public OperationOutcome capture(PaymentId paymentId, Money amount, List<LineMovement> lines,
                                   String reference) {
        return new OperationOutcome.Completed(provider.capture(paymentId, amount, lines));
    }

    @Override
    public OperationOutcome refund(PaymentId paymentId, Money amount, List<LineMovement> lines,
                                  Optional<String> reason, String reference) {
        return new OperationOutcome.Completed(provider.refund(paymentId, amount, lines));
    }

    @Override
    public OperationOutcome voidAuthorization(PaymentId paymentId) {
        return new OperationOutcome.Completed(provider.voidAuthorization(paymentId));
    }

    @Override
    public void cancelCheckout(SessionId sessionId) {
        provider.cancelCheckout(sessionId);
    }

    @Override
    public CheckoutStatus fetchCheckout(SessionId sessionId) {
        return provider.checkoutStatus(sessionId);
    }

    @Override
    public BuyerReturn readBuyerReturn(Map<String, List<String>> parameters) {
        return ReturnParameters.read(parameters);
    }

    /** The simulator's notification carries the buyer's return parameters; it reports no operations. */
    @Override
    public ProviderNotice authenticateNotification(InboundNotification notification) {
        BuyerReturn claims = ReturnParameters.read(notifications.authenticate(notification));
        return new ProviderNotice(
                notification.header(SimulatorNotifications.DELIVERY_HEADER).filter(id -> !id.isBlank()),
                claims.paymentId(), claims.failureHint(), Optional.empty());
    }
}
