package dev.orderpay.adapter.simulator;

import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.contents.LineMovement;
import dev.orderpay.domain.contents.OrderLines;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated provider's books: its checkouts and the payments made in them, with the rules a real provider
 * enforces on each. Everything is kept in this instance's memory and lost on restart, which suits a demo: after a
 * restart the simulator knows none of the earlier checkouts and payments, so it answers NOT_FOUND about them and
 * their orders stay as they were. Every method is synchronized, and the records kept are immutable, so concurrent
 * buyers and merchants each see a consistent state.
 */
@Singleton
@Requires(property = "payments.provider", value = "simulator")
final class SimulatedProvider {

    /** How far a checkout has come; only an OPEN one accepts the buyer's choice. */
    enum Stage { OPEN, PAID, DECLINED, CANCELLED, EXPIRED }

    /** What the buyer can do on the checkout page. */
    enum BuyerChoice { PAY, DECLINE, CANCEL }

    /**
     * A checkout as the provider keeps it. Of the order's contents only the lines are kept, to show the buyer: the
     * simulator has no use for the customer's personal data.
     *
     * @param lines     the order's lines, {@link OrderLines#NONE} for an order without
     * @param paymentId the payment made in it, once the buyer paid
     * @param ending    DECLINED or CANCELLED once it ended without payment
     */
    record Checkout(SessionId sessionId, OrderId orderId, Money amount, OrderLines lines, URI returnUrl,
                    URI notificationUrl, Instant expiresAt, Optional<PaymentId> paymentId,
                    Optional<CheckoutEnding> ending) {

        Checkout {
            Objects.requireNonNull(lines, "lines");
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(ending, "ending");
        }

        Stage stage(Instant now) {
            if (paymentId.isPresent()) {
                return Stage.PAID;
            }
            if (ending.isPresent()) {
                return ending.get() == CheckoutEnding.DECLINED ? Stage.DECLINED : Stage.CANCELLED;
            }
            return now.isBefore(expiresAt) ? Stage.OPEN : Stage.EXPIRED;
        }

        CheckoutStatus status() {
            return new CheckoutStatus(paymentId, ending, Optional.of(expiresAt));
        }

        private Checkout paid(PaymentId payment) {
            return new Checkout(sessionId, orderId, amount, lines, returnUrl, notificationUrl, expiresAt,
                    Optional.of(payment), ending);
        }

        private Checkout ended(CheckoutEnding how) {
            return new Checkout(sessionId, orderId, amount, lines, returnUrl, notificationUrl, expiresAt,
                    paymentId, Optional.of(how));
        }
    }

    private final Map<SessionId, Checkout> checkouts = new HashMap<>();
    private final Map<PaymentId, ProviderPayment> payments = new HashMap<>();
    /** Per payment and line, the minor units captured of it and not yet refunded, as a provider with lines keeps. */
    private final Map<PaymentId, Map<String, Long>> refundableByLine = new HashMap<>();
    private final Clock clock;

    @Inject
    SimulatedProvider(@Nullable Clock clock) {
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized Checkout open(CheckoutRequest request) {
        Checkout checkout = new Checkout(new SessionId("sim-sess-" + UUID.randomUUID()), request.orderId(),
                request.amount(), request.contents().lines(), request.returnUrl(), request.notificationUrl(),
                request.expiresAt(), Optional.empty(), Optional.empty());
        checkouts.put(checkout.sessionId(), checkout);
        return checkout;
    }

    synchronized Optional<Checkout> checkout(SessionId sessionId) {
        return Optional.ofNullable(checkouts.get(sessionId));
    }

    /**
     * Applies the buyer's choice to an open checkout: paying authorizes a payment of the checkout's amount with the
     * order id as its reference; declining and cancelling end the checkout without one.
     *
     * @return the checkout as the choice left it, or empty if it is unknown or no longer open
     */
    synchronized Optional<Checkout> complete(SessionId sessionId, BuyerChoice choice) {
        Checkout checkout = checkouts.get(sessionId);
        if (checkout == null || checkout.stage(now()) != Stage.OPEN) {
            return Optional.empty();
        }
        Checkout completed = switch (choice) {
            case PAY -> checkout.paid(authorize(checkout).paymentId());
            case DECLINE -> checkout.ended(CheckoutEnding.DECLINED);
            case CANCEL -> checkout.ended(CheckoutEnding.CANCELLED);
        };
        checkouts.put(sessionId, completed);
        return Optional.of(completed);
    }

    private ProviderPayment authorize(Checkout checkout) {
        ProviderPayment payment = new ProviderPayment(new PaymentId("sim-pay-" + UUID.randomUUID()),
                Optional.of(checkout.sessionId()), checkout.orderId().toString(), checkout.amount().minorUnits(),
                checkout.amount().currencyCode(), OrderStatus.AUTHORIZED, 0, 0);
        payments.put(payment.paymentId(), payment);
        return payment;
    }

    synchronized CheckoutStatus checkoutStatus(SessionId sessionId) {
        return knownCheckout(sessionId).status();
    }

    /**
     * Closes a checkout nobody has paid. Closing one that already ended changes nothing, as with a real provider;
     * one that was paid cannot be closed: its payment is voided instead.
     */
    synchronized void cancelCheckout(SessionId sessionId) {
        Checkout checkout = knownCheckout(sessionId);
        switch (checkout.stage(now())) {
            case PAID -> throw new PaymentProviderException(Kind.REJECTED,
                    "simulated checkout " + sessionId + " was paid; void its payment instead");
            case OPEN, EXPIRED -> checkouts.put(sessionId, checkout.ended(CheckoutEnding.CANCELLED));
            case DECLINED, CANCELLED -> {
                // Already closed.
            }
        }
    }

    synchronized ProviderPayment payment(PaymentId paymentId) {
        ProviderPayment payment = payments.get(paymentId);
        if (payment == null) {
            throw new PaymentProviderException(Kind.NOT_FOUND, "the simulator knows no payment " + paymentId);
        }
        return payment;
    }

    /**
     * Captures from an authorized payment, in parts if wanted, never more than was authorized. What is left of the
     * authorization can be captured after a part of the capture was refunded; the payment then stays partially
     * refunded. Lines, when given, must add up to the amount.
     */
    synchronized ProviderPayment capture(PaymentId paymentId, Money amount, List<LineMovement> lines) {
        ProviderPayment payment = payment(paymentId);
        requireSameCurrency(payment, amount, "capture");
        requireLinesAddUp(lines, amount, payment, "capture");
        boolean capturable = payment.status() == OrderStatus.AUTHORIZED
                || payment.status() == OrderStatus.PARTIALLY_CAPTURED
                || payment.status() == OrderStatus.PARTIALLY_REFUNDED;
        long captured = payment.capturedMinorUnits() + amount.minorUnits();
        if (!capturable || captured > payment.amountMinorUnits()) {
            throw refused("capture", amount, payment);
        }
        Map<String, Long> refundable = refundableByLine.computeIfAbsent(paymentId, id -> new HashMap<>());
        lines.forEach(line -> refundable.merge(line.lineId(), line.amount().minorUnits(), Long::sum));
        OrderStatus status = payment.refundedMinorUnits() > 0 ? OrderStatus.PARTIALLY_REFUNDED
                : captured == payment.amountMinorUnits() ? OrderStatus.CAPTURED : OrderStatus.PARTIALLY_CAPTURED;
        return store(payment, status, captured, payment.refundedMinorUnits());
    }

    /**
     * Refunds captured money, in parts if wanted, never more than was captured; of a line, never more than was
     * captured of it by line.
     */
    synchronized ProviderPayment refund(PaymentId paymentId, Money amount, List<LineMovement> lines) {
        ProviderPayment payment = payment(paymentId);
        requireSameCurrency(payment, amount, "refund");
        requireLinesAddUp(lines, amount, payment, "refund");
        long refunded = payment.refundedMinorUnits() + amount.minorUnits();
        Map<String, Long> refundable = refundableByLine.getOrDefault(paymentId, Map.of());
        boolean lineOverdrawn = lines.stream()
                .anyMatch(line -> line.amount().minorUnits() > refundable.getOrDefault(line.lineId(), 0L));
        if (payment.capturedMinorUnits() == 0 || refunded > payment.capturedMinorUnits() || lineOverdrawn) {
            throw refused("refund", amount, payment);
        }
        lines.forEach(line -> refundable.merge(line.lineId(), -line.amount().minorUnits(), Long::sum));
        return store(payment, refunded == payment.capturedMinorUnits()
                ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED, payment.capturedMinorUnits(), refunded);
    }

    private static void requireLinesAddUp(List<LineMovement> lines, Money amount, ProviderPayment payment,
                                          String operation) {
        if (!lines.isEmpty() && !LineMovement.total(lines, amount.currency()).equals(amount)) {
            throw new PaymentProviderException(Kind.REJECTED, "the lines of a simulated " + operation + " of "
                    + amount + " on payment " + payment.paymentId() + " do not add up to it");
        }
    }

    /** Releases an authorization nothing was captured from. */
    synchronized ProviderPayment voidAuthorization(PaymentId paymentId) {
        ProviderPayment payment = payment(paymentId);
        if (payment.status() != OrderStatus.AUTHORIZED) {
            throw new PaymentProviderException(Kind.REJECTED,
                    "cannot void simulated payment " + paymentId + ", which is " + payment.status());
        }
        return store(payment, OrderStatus.CANCELLED, 0, 0);
    }

    private Checkout knownCheckout(SessionId sessionId) {
        Checkout checkout = checkouts.get(sessionId);
        if (checkout == null) {
            throw new PaymentProviderException(Kind.NOT_FOUND, "the simulator knows no checkout " + sessionId);
        }
        return checkout;
    }

    private ProviderPayment store(ProviderPayment payment, OrderStatus status, long captured, long refunded) {
        ProviderPayment changed = new ProviderPayment(payment.paymentId(), payment.sessionId(),
                payment.orderReference(), payment.amountMinorUnits(), payment.currency(), status, captured, refunded);
        payments.put(changed.paymentId(), changed);
        return changed;
    }

    private static void requireSameCurrency(ProviderPayment payment, Money amount, String operation) {
        if (!amount.currencyCode().equals(payment.currency())) {
            throw new PaymentProviderException(Kind.REJECTED, "cannot " + operation + " " + amount
                    + " of simulated payment " + payment.paymentId() + ", which is in " + payment.currency());
        }
    }

    private static PaymentProviderException refused(String operation, Money amount, ProviderPayment payment) {
        return new PaymentProviderException(Kind.REJECTED, "cannot " + operation + " " + amount
                + " of simulated payment " + payment.paymentId() + " (" + payment.status() + ", "
                + payment.capturedMinorUnits() + " captured, " + payment.refundedMinorUnits()
                + " refunded, of " + payment.amountMinorUnits() + ")");
    }
}
