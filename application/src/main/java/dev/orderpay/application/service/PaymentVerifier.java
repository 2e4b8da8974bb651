package dev.orderpay.application.service;

import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.audit.AuditEntry;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * How the buyer's return, the provider's notification and reconciliation learn the truth: whatever they claim is
 * checked with the provider, and only what the provider shows, about a payment that belongs to the order, is
 * applied to it, once, even when several arrive together. The provider is always asked before the order is
 * written, so no database work waits on it.
 */
public final class PaymentVerifier {

    private static final Logger LOG = Logger.getLogger(PaymentVerifier.class.getName());
    /** Concurrent changes of one order are rare and short; a few fresh tries settle them. */
    private static final int MAX_ATTEMPTS = 5;

    /** What is brought to be checked with the provider. */
    public sealed interface Claim {
    }

    /**
     * A payment the return or notification points at.
     *
     * @param reference what the status change is recorded under (the notification's event, or the payment)
     */
    public record PaymentClaim(PaymentId paymentId, String reference) implements Claim {
        public PaymentClaim {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(reference, "reference");
        }
    }

    /**
     * A look at the order's checkout: after a report that it ended without payment, or from reconciliation.
     *
     * @param expireIfLapsed whether a checkout past its expiry with no payment expires the order
     */
    public record CheckoutClaim(boolean expireIfLapsed) implements Claim {
    }

    /**
     * The order after the provider was asked.
     *
     * @param mismatch whether the provider showed a payment that is not this order's; the order was not changed
     */
    public record Verdict(Order order, boolean mismatch) {
    }

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final EventRecorder events;

    PaymentVerifier(OrderRepository orders, PaymentGateway gateway, Clock clock, EventRecorder events) {
        this.orders = orders;
        this.gateway = gateway;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Checks the claim with the provider and applies what it shows: a payment is verified and followed; a checkout
     * that ended without payment is recorded; a lapsed one expires the order if the claim says so.
     *
     * @throws PaymentProviderException if the provider could not be asked (a payment it does not know is a
     *                                  mismatch)
     */
    public Verdict confirm(Order order, Claim claim, ChangeSource source) {
        if (claim instanceof PaymentClaim payment) {
            return followIfTheOrders(order, payment.paymentId(), payment.reference(), source);
        }
        CheckoutClaim checkout = (CheckoutClaim) claim;
        SessionId sessionId = order.session().orElseThrow().id();
        CheckoutStatus status = gateway.fetchCheckout(sessionId);
        if (status.paymentId().isPresent()) {
            PaymentId paymentId = status.paymentId().get();
            return followIfTheOrders(order, paymentId, paymentId.value(), source);
        }
        Provenance provenance = Provenance.of(source, sessionId.value(), clock.instant());
        if (status.endedWithoutPayment().isPresent()) {
            return new Verdict(settleWithoutPayment(order, status.endedWithoutPayment().get(), provenance), false);
        }
        if (checkout.expireIfLapsed() && status.hasLapsed(clock.instant())) {
            return new Verdict(settleWithoutPayment(order, CheckoutEnding.EXPIRED, provenance), false);
        }
        return new Verdict(order, false);
    }

    private Verdict followIfTheOrders(Order order, PaymentId paymentId, String reference, ChangeSource source) {
        ProviderPayment payment;
        try {
            payment = gateway.fetchPayment(paymentId);
        } catch (PaymentProviderException failure) {
            if (failure.kind() == PaymentProviderException.Kind.NOT_FOUND) {
                return refuse(order, paymentId, "the payment is unknown to the provider, so its order");
            }
            throw failure;
        }
        Optional<String> mismatch = order.mismatchWith(payment.orderReference(), payment.sessionId(),
                payment.amountMinorUnits(), payment.currency());
        if (mismatch.isPresent()) {
            return refuse(order, paymentId, mismatch.get());
        }
        return new Verdict(follow(order, payment, source, reference), false);
    }

    /** Applies the status and amounts of a payment the provider has just shown to be the order's. */
    Order follow(Order order, ProviderPayment payment, ChangeSource source, String reference) {
        Provenance provenance = Provenance.of(source, reference, clock.instant());
        return apply(order, current -> current.followPayment(payment.state(), provenance));
    }

    /** Closes a checkout that ended without payment, if the order is still waiting for one. */
    Order settleWithoutPayment(Order order, CheckoutEnding ending, Provenance provenance) {
        return apply(order, current -> current.settleWithoutPayment(ending, provenance).isPresent());
    }

    /**
     * Applies a change (the predicate says whether anything changed) and saves it, starting over from a fresh copy
     * if someone else saved first: the change is decided again against what they left, so it is made once or
     * found already made.
     *
     * @throws ConcurrentOrderUpdateException if the order kept changing through every attempt
     */
    Order apply(Order loaded, Predicate<Order> change) {
        Order order = loaded;
        for (int attempt = 1; ; attempt++) {
            if (!change.test(order)) {
                return order;
            }
            try {
                Order saved = events.save(order);
                warnOfLinesLeftUnmoved(order);
                return saved;
            } catch (ConcurrentOrderUpdateException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
                order = orders.findById(order.id()).orElseThrow(() -> raced);
            }
        }
    }

    /**
     * The order's lines disagreed with an operation the provider showed done, which was worked out from them: its
     * money was followed, its lines left as they were (Order.followPayment). Said only once the change is stored; a
     * copy that lost its race is decided again.
     */
    private static void warnOfLinesLeftUnmoved(Order order) {
        order.doneWithoutItsLines().ifPresent(operation -> OrderLogRecord.warning(LOG, order.id(), () -> "order "
                + order.id() + ": the provider showed its " + operation.type().name().toLowerCase(Locale.ROOT)
                + " of " + operation.amount() + " done, but its lines could not take it; its money was followed"
                + " and its lines were left as they were"));
    }

    /** Saves a change made outside {@link #apply}, with its events; a race is the caller's to handle. */
    Order save(Order order) {
        return events.save(order);
    }

    /** {@link #save(Order)} with the audit entry of the request that made the change. */
    Order save(Order order, AuditEntry audit) {
        return events.save(order, Optional.of(audit));
    }

    private static Verdict refuse(Order order, PaymentId paymentId, String what) {
        OrderLogRecord.warning(LOG, order.id(), () -> "refused payment " + paymentId + " for order " + order.id()
                + ": " + what + " does not match");
        return new Verdict(order, true);
    }
}
