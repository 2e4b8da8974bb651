package dev.orderpay.application.service;

import dev.orderpay.application.port.in.confirmation.HandleNotificationUseCase;
import dev.orderpay.application.port.in.confirmation.NotificationCommand;
import dev.orderpay.application.port.in.confirmation.NotificationOutcome;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.DeliveryLog;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.ProviderNotice;
import dev.orderpay.application.port.out.UnauthenticNotificationException;
import dev.orderpay.application.service.PaymentVerifier.CheckoutClaim;
import dev.orderpay.application.service.PaymentVerifier.PaymentClaim;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.PaymentId;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Handles the provider's server-to-server notifications. They are delivered at least once and may race the
 * buyer's return, so each is authenticated, deduplicated by its delivery id, and then treated like a return: the
 * payment is fetched and verified before the order follows it. What cannot be done now is left for the provider
 * to deliver again.
 */
public final class HandleNotificationService implements HandleNotificationUseCase {

    private static final Logger LOG = Logger.getLogger(HandleNotificationService.class.getName());

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final DeliveryLog deliveries;
    private final PaymentVerifier verifier;

    HandleNotificationService(OrderRepository orders, PaymentGateway gateway, DeliveryLog deliveries,
                              PaymentVerifier verifier) {
        this.orders = orders;
        this.gateway = gateway;
        this.deliveries = deliveries;
        this.verifier = verifier;
    }

    @Override
    public NotificationOutcome handleNotification(NotificationCommand command) {
        ProviderNotice notice;
        try {
            notice = gateway.authenticateNotification(command.notification());
        } catch (UnauthenticNotificationException refused) {
            // Adapters word the reason without header values, so no signature or secret is logged.
            OrderLogRecord.warning(LOG, command.orderId(), () -> "refused a notification for order "
                    + command.orderId() + ": " + refused.getMessage());
            return NotificationOutcome.UNAUTHENTIC;
        }
        if (notice.deliveryId().map(deliveries::contains).orElse(false)) {
            return NotificationOutcome.DUPLICATE;
        }
        Optional<Order> found = orders.findById(command.orderId());
        if (found.isEmpty()) {
            // The order may not be committed yet; the provider retries.
            return NotificationOutcome.RETRY_LATER;
        }
        NotificationOutcome outcome;
        try {
            outcome = apply(found.get(), notice);
        } catch (PaymentProviderException unreachable) {
            OrderLogRecord.warning(LOG, command.orderId(), () -> "could not check a notification for order "
                    + command.orderId() + " with the provider (" + unreachable.kind()
                    + "); it will be delivered again");
            return NotificationOutcome.RETRY_LATER;
        } catch (ConcurrentOrderUpdateException contended) {
            // The order kept changing under us; a later delivery decides against whatever it settled on.
            return NotificationOutcome.RETRY_LATER;
        }
        notice.deliveryId().ifPresent(deliveries::record);
        return outcome;
    }

    private NotificationOutcome apply(Order order, ProviderNotice notice) {
        if (notice.paymentId().isPresent()) {
            PaymentId paymentId = notice.paymentId().get();
            PaymentClaim claim = new PaymentClaim(paymentId, notice.eventId().orElse(paymentId.value()));
            return outcomeOf(verifier.confirm(order, claim, ChangeSource.CALLBACK));
        }
        if (notice.failureHint().isPresent() && order.awaitsCheckoutOutcome()) {
            // A failure report is checked against the provider's view of the checkout, like a buyer's return.
            return outcomeOf(verifier.confirm(order, new CheckoutClaim(false), ChangeSource.CALLBACK));
        }
        return NotificationOutcome.HANDLED;
    }

    private static NotificationOutcome outcomeOf(PaymentVerifier.Verdict verdict) {
        return verdict.mismatch() ? NotificationOutcome.REJECTED : NotificationOutcome.HANDLED;
    }
}
