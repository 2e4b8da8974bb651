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
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.StatusChange;

import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Turns a buyer's return into the order's true status. The return's parameters are only a pointer: the payment
 * is fetched from the provider and must match the order's id, checkout session, amount and currency before it
 * counts. The provider is asked before the order is loaded for writing, so no database work waits on it.
 */
public final class ConfirmPaymentService implements ConfirmPaymentUseCase {

    private static final Logger LOG = Logger.getLogger(ConfirmPaymentService.class.getName());
    /** Concurrent confirmations of one order are rare and short; a few fresh tries settle them. */
    private static final int MAX_ATTEMPTS = 5;

    private final OrderRepository orders;
    private final PaymentGateway gateway;

    public ConfirmPaymentService(OrderRepository orders, PaymentGateway gateway) {
        this.orders = orders;
        this.gateway = gateway;
    }

    @Override
    public PaymentConfirmation confirmPayment(ConfirmPaymentCommand command) {
        Order order = load(command.orderId());
        BuyerReturn buyerReturn = gateway.readBuyerReturn(command.returnParameters());

        if (buyerReturn.paymentId().isPresent()) {
            ProviderPayment payment;
            try {
                payment = gateway.fetchPayment(buyerReturn.paymentId().get());
            } catch (PaymentProviderException failure) {
                if (failure.kind() == PaymentProviderException.Kind.NOT_FOUND) {
                    LOG.warning(() -> "return for order " + order.id() + " names a payment the provider does not know");
                    return new PaymentConfirmation(order, Verdict.MISMATCH);
                }
                throw failure;
            }
            Optional<String> mismatch = mismatch(order, payment);
            if (mismatch.isPresent()) {
                LOG.warning(() -> "refused payment " + payment.paymentId() + " for order " + order.id()
                        + ": " + mismatch.get() + " does not match");
                return new PaymentConfirmation(order, Verdict.MISMATCH);
            }
            return new PaymentConfirmation(apply(order, current -> current.followProvider(payment.status())),
                    Verdict.VERIFIED);
        }
        if (buyerReturn.failureHint().isPresent()) {
            return new PaymentConfirmation(
                    apply(order, current -> current.recordUnverifiedFailure(buyerReturn.failureHint().get())),
                    Verdict.UNVERIFIED_FAILURE);
        }
        return new PaymentConfirmation(order, Verdict.NOTHING_TO_CONFIRM);
    }

    private static Optional<String> mismatch(Order order, ProviderPayment payment) {
        if (!order.id().toString().equals(payment.orderReference())) {
            return Optional.of("merchant reference");
        }
        if (!order.isPaidThrough(payment.sessionId())) {
            return Optional.of("checkout session");
        }
        if (!order.amount().sameAs(payment.amountMinorUnits(), payment.currency())) {
            return Optional.of("amount or currency");
        }
        return Optional.empty();
    }

    /**
     * Applies a change and saves it, starting over from a fresh copy if another confirmation saved first:
     * the change is decided again against what that one left, so it is made once or found already made.
     */
    private Order apply(Order loaded, Function<Order, Optional<StatusChange>> change) {
        Order order = loaded;
        for (int attempt = 1; ; attempt++) {
            if (change.apply(order).isEmpty()) {
                return order;
            }
            try {
                return orders.update(order);
            } catch (ConcurrentOrderUpdateException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
                order = load(order.id());
            }
        }
    }

    private Order load(OrderId id) {
        return orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
    }
}
