package dev.orderpay.application.service;

import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Provenance;

import java.time.Clock;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * What the buyer's return, the provider's notification and reconciliation have in common: a claim is checked with
 * the provider, and what the provider proves is applied to the order, once, even when several arrive together.
 * The provider is always asked before the order is written, so no database work waits on it.
 */
final class OrderSettlement {

    private static final Logger LOG = Logger.getLogger(OrderSettlement.class.getName());
    /** Concurrent changes of one order are rare and short; a few fresh tries settle them. */
    private static final int MAX_ATTEMPTS = 5;

    /** How a claim about a payment turned out. */
    sealed interface Verification {
    }

    record Verified(ProviderPayment payment) implements Verification {
    }

    record Mismatch(String what) implements Verification {
    }

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final Clock clock;

    OrderSettlement(OrderRepository orders, PaymentGateway gateway, Clock clock) {
        this.orders = orders;
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * Fetches the payment and checks that it belongs to the order: its reference, checkout session, amount and
     * currency must all be the order's.
     *
     * @throws PaymentProviderException if the provider could not be asked (a payment it does not know is a mismatch)
     */
    Verification verify(Order order, String paymentId) {
        ProviderPayment payment;
        try {
            payment = gateway.fetchPayment(paymentId);
        } catch (PaymentProviderException failure) {
            if (failure.kind() == PaymentProviderException.Kind.NOT_FOUND) {
                return refuse(order, paymentId, "the payment is unknown to the provider, so its order");
            }
            throw failure;
        }
        if (!order.id().toString().equals(payment.orderReference())) {
            return refuse(order, paymentId, "merchant reference");
        }
        if (!order.isPaidThrough(payment.sessionId())) {
            return refuse(order, paymentId, "checkout session");
        }
        if (!order.amount().sameAs(payment.amountMinorUnits(), payment.currency())) {
            return refuse(order, paymentId, "amount or currency");
        }
        return new Verified(payment);
    }

    /** Applies the status and amounts of a verified payment. */
    Order follow(Order order, ProviderPayment payment, ChangeSource source, String reference) {
        Provenance provenance = Provenance.of(source, reference, clock.instant());
        return apply(order, current -> current.followPayment(payment.state(), provenance));
    }

    /** Closes a checkout that ended without payment, if the order is still waiting for one. */
    Order settleWithoutPayment(Order order, OrderStatus outcome, Provenance provenance) {
        return apply(order, current -> current.settleWithoutPayment(outcome, provenance).isPresent());
    }

    /**
     * Asks the provider how the order's checkout stands and applies it: a payment is verified and followed, an
     * ending without payment is recorded, and a checkout that lapsed is expired if {@code expireIfLapsed}.
     *
     * @return the order afterwards, and whether the provider showed a payment that is not this order's
     * @throws PaymentProviderException if the provider could not be asked
     */
    Settled settleFromCheckout(Order order, ChangeSource source, boolean expireIfLapsed) {
        String sessionId = order.session().orElseThrow().id();
        CheckoutStatus checkout = gateway.fetchCheckout(sessionId);
        if (checkout.paymentId().isPresent()) {
            String paymentId = checkout.paymentId().get();
            if (verify(order, paymentId) instanceof Verified verified) {
                return new Settled(follow(order, verified.payment(), source, paymentId), false);
            }
            return new Settled(order, true);
        }
        if (checkout.endedWithoutPayment().isPresent()) {
            return new Settled(settleWithoutPayment(order, checkout.endedWithoutPayment().get(),
                    Provenance.of(source, sessionId, clock.instant())), false);
        }
        if (expireIfLapsed && checkout.hasLapsed(clock.instant())) {
            return new Settled(settleWithoutPayment(order, OrderStatus.EXPIRED,
                    Provenance.of(source, sessionId, clock.instant())), false);
        }
        return new Settled(order, false);
    }

    record Settled(Order order, boolean mismatch) {
    }

    /**
     * Applies a change (the predicate says whether anything changed) and saves it, starting over from a fresh copy if someone else saved first: the change is
     * decided again against what they left, so it is made once or found already made.
     */
    Order apply(Order loaded, Predicate<Order> change) {
        Order order = loaded;
        for (int attempt = 1; ; attempt++) {
            if (!change.test(order)) {
                return order;
            }
            try {
                return orders.update(order);
            } catch (ConcurrentOrderUpdateException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
                order = orders.findById(order.id()).orElseThrow(() -> raced);
            }
        }
    }

    Clock clock() {
        return clock;
    }

    PaymentGateway gateway() {
        return gateway;
    }

    private static Mismatch refuse(Order order, String paymentId, String what) {
        LOG.warning(() -> "refused payment " + paymentId + " for order " + order.id() + ": " + what
                + " does not match");
        return new Mismatch(what);
    }
}
