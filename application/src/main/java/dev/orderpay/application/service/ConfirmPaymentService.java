package dev.orderpay.application.service;

import dev.orderpay.application.port.in.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.ConfirmPaymentUseCase;
import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.PaymentConfirmation;
import dev.orderpay.application.port.in.PaymentConfirmation.Verdict;
import dev.orderpay.application.port.out.BuyerReturn;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.service.OrderSettlement.Verified;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Provenance;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * Turns a buyer's return into the order's true status. The return's parameters only point: a payment is fetched
 * from the provider and must belong to the order, and a reported failure is checked against the provider's view
 * of the checkout before it is recorded. If the provider cannot be asked, the order waits for the notification or
 * reconciliation rather than the buyer seeing an error.
 */
public final class ConfirmPaymentService implements ConfirmPaymentUseCase {

    private static final Logger LOG = Logger.getLogger(ConfirmPaymentService.class.getName());

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final OrderSettlement settlement;

    public ConfirmPaymentService(OrderRepository orders, PaymentGateway gateway, Clock clock) {
        this.orders = orders;
        this.gateway = gateway;
        this.settlement = new OrderSettlement(orders, gateway, clock);
    }

    @Override
    public PaymentConfirmation confirmPayment(ConfirmPaymentCommand command) {
        Order order = orders.findById(command.orderId()).orElseThrow(() -> new OrderNotFoundException(command.orderId()));
        BuyerReturn buyerReturn = gateway.readBuyerReturn(command.returnParameters());
        try {
            if (buyerReturn.paymentId().isPresent()) {
                String paymentId = buyerReturn.paymentId().get();
                if (settlement.verify(order, paymentId) instanceof Verified verified) {
                    return new PaymentConfirmation(
                            settlement.follow(order, verified.payment(), ChangeSource.REDIRECT, paymentId),
                            Verdict.VERIFIED);
                }
                return new PaymentConfirmation(order, Verdict.MISMATCH);
            }
            if (buyerReturn.failureHint().isPresent()) {
                return confirmFailure(order, buyerReturn.failureHint().get());
            }
            return new PaymentConfirmation(order, Verdict.NOTHING_TO_CONFIRM);
        } catch (PaymentProviderException unreachable) {
            LOG.warning(() -> "could not confirm the return for order " + order.id() + " with the provider ("
                    + unreachable.kind() + "); leaving it to the notification or reconciliation");
            return new PaymentConfirmation(order, Verdict.AWAITING_PROVIDER);
        } catch (ConcurrentOrderUpdateException contended) {
            // The notification or another return is settling the order right now; the buyer is shown where it is.
            return new PaymentConfirmation(orders.findById(order.id()).orElse(order), Verdict.AWAITING_PROVIDER);
        }
    }

    private PaymentConfirmation confirmFailure(Order order, OrderStatus hinted) {
        if (order.status() != OrderStatus.PENDING || order.session().isEmpty()) {
            return new PaymentConfirmation(order, Verdict.FAILURE_REPORTED);
        }
        OrderSettlement.Settled settled;
        try {
            settled = settlement.settleFromCheckout(order, ChangeSource.REDIRECT, false);
        } catch (PaymentProviderException unreachable) {
            // The provider cannot tell; the hint is recorded. A payment the provider proves later still wins.
            Provenance hint = Provenance.unreferenced(ChangeSource.REDIRECT, settlement.clock().instant());
            return new PaymentConfirmation(settlement.settleWithoutPayment(order, hinted, hint),
                    Verdict.FAILURE_REPORTED);
        }
        if (settled.mismatch()) {
            return new PaymentConfirmation(settled.order(), Verdict.MISMATCH);
        }
        return new PaymentConfirmation(settled.order(),
                settled.order().status().holdsPayment() ? Verdict.VERIFIED : Verdict.FAILURE_REPORTED);
    }
}
