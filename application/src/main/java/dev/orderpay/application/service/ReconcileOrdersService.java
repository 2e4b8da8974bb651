package dev.orderpay.application.service;

import dev.orderpay.application.port.in.maintenance.ReconcileOrdersUseCase;
import dev.orderpay.application.port.in.maintenance.ReconciliationReport;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.application.service.PaymentVerifier.CheckoutClaim;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.Provenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finishes what returns and notifications left open: the buyer closed the tab, a notification never came, the
 * service stopped halfway. Orders still awaiting an outcome some time after creation are claimed in batches (so
 * several instances can run this at once without asking twice) and settled with what the provider says. The claims
 * this instance holds are remembered, so that a stopping instance lets go of them at once.
 */
public final class ReconcileOrdersService implements ReconcileOrdersUseCase {

    private static final Logger LOG = Logger.getLogger(ReconcileOrdersService.class.getName());
    /** Enough for a backlog to drain over a few runs, few enough that one run never holds on for long. */
    private static final int MAX_BATCHES_PER_RUN = 20;

    /**
     * @param settleAfter how old an unsettled order must be before the provider is asked about it
     * @param claimFor    how long a claimed order is left to this run before another may take it
     * @param batchSize   how many orders one batch asks about at most
     */
    public record Policy(Duration settleAfter, Duration claimFor, int batchSize) {
        public Policy {
            Objects.requireNonNull(settleAfter, "settleAfter");
            Objects.requireNonNull(claimFor, "claimFor");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
        }
    }

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final Policy policy;
    private final PaymentVerifier verifier;
    private final Batches batches;
    private final HeldClaims<OrderId> claims = new HeldClaims<>();
    private volatile boolean stopped;

    ReconcileOrdersService(OrderRepository orders, PaymentGateway gateway, Clock clock, Policy policy,
                           PaymentVerifier verifier) {
        this.orders = orders;
        this.gateway = gateway;
        this.clock = clock;
        this.policy = policy;
        this.verifier = verifier;
        this.batches = new Batches(policy.batchSize(), MAX_BATCHES_PER_RUN);
    }

    @Override
    public ReconciliationReport reconcileDue() {
        return batches.drain(this::reconcileUpTo, ReconciliationReport::examined, ReconciliationReport::plus);
    }

    @Override
    public ReconciliationReport reconcileBatch() {
        return reconcileUpTo(policy.batchSize());
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public int releaseClaims() {
        return claims.releaseAll(orders::releaseClaims);
    }

    private ReconciliationReport reconcileUpTo(int limit) {
        if (stopped) {
            return new ReconciliationReport(0, 0, 0);
        }
        Instant now = clock.instant();
        Instant claimedUntil = now.plus(policy.claimFor());
        List<Order> claimed = orders.claimUnsettled(now.minus(policy.settleAfter()), now, claimedUntil, limit);
        claims.took(claimed.stream().map(Order::id).toList(), claimedUntil, now);
        int examined = 0;
        int changed = 0;
        int failed = 0;
        for (Order order : claimed) {
            if (stopped) {
                // The rest stay claimed until releaseClaims lets them go.
                break;
            }
            examined++;
            // Read before reconciling: applying a change updates this very object.
            OrderStatus before = order.status();
            try {
                if (reconcile(order).status() != before) {
                    changed++;
                }
            } catch (PaymentProviderException unreachable) {
                failed++;
                OrderLogRecord.warning(LOG, order.id(), () -> "could not reconcile order " + order.id() + " ("
                        + unreachable.kind() + "); it is asked about again later");
            }
        }
        return new ReconciliationReport(examined, changed, failed);
    }

    private Order reconcile(Order order) {
        if (order.session().isEmpty()) {
            // Creation stopped before the checkout was opened (the service was stopped, say): no buyer ever got
            // a link to pay with. A creation still waiting for the provider holds its order, so it is never claimed.
            return verifier.apply(order, current -> {
                if (current.status() != OrderStatus.PENDING || current.session().isPresent()) {
                    return false;
                }
                current.failCheckout(Provenance.unreferenced(ChangeSource.RECONCILIATION, clock.instant()));
                return true;
            });
        }
        if (order.pendingOperation().isPresent()) {
            return settleOperation(order);
        }
        try {
            return verifier.confirm(order, new CheckoutClaim(true), ChangeSource.RECONCILIATION).order();
        } catch (PaymentProviderException failure) {
            if (failure.kind() != PaymentProviderException.Kind.NOT_FOUND) {
                throw failure;
            }
            // The provider no longer knows the checkout (a simulator that restarted, a purged session): nobody can
            // pay through it any more. Asking again would never end.
            String sessionId = order.session().get().id().value();
            return verifier.settleWithoutPayment(order, CheckoutEnding.EXPIRED,
                    Provenance.of(ChangeSource.RECONCILIATION, sessionId, clock.instant()));
        }
    }

    /**
     * A capture, refund or cancellation whose result was not seen (the provider accepted it for later, or the
     * service stopped while waiting): the payment is read again and followed. An operation the payment still does
     * not show after {@code settleAfter} did not happen, and is let go so others can start.
     */
    private Order settleOperation(Order order) {
        Instant staleBefore = clock.instant().minus(policy.settleAfter());
        Optional<ProviderPayment> payment = order.payment().paymentId().flatMap(this::paymentIfKnown);
        Provenance provenance = Provenance.of(ChangeSource.RECONCILIATION,
                payment.map(found -> found.paymentId().value()).orElse(null), clock.instant());
        return verifier.apply(order, current -> {
            boolean changed = payment.map(found -> current.followPayment(found.state(), provenance)).orElse(false);
            if (current.pendingOperation().filter(pending -> pending.startedAt().isBefore(staleBefore)).isPresent()) {
                OrderLogRecord.warning(LOG, current.id(), () -> "letting go of a "
                        + current.pendingOperation().get().type() + " on order " + current.id()
                        + " that the provider never showed done");
                current.abandonOperation();
                changed = true;
            }
            return changed;
        });
    }

    /**
     * The payment as the provider shows it, or nothing when the provider does not know it (a simulator that
     * restarted, a payment purged): then no operation can have been carried out on it, and one under way is let go
     * once stale, like one the payment never shows done. Asking again would never end.
     */
    private Optional<ProviderPayment> paymentIfKnown(PaymentId paymentId) {
        try {
            return Optional.of(gateway.fetchPayment(paymentId));
        } catch (PaymentProviderException failure) {
            if (failure.kind() != PaymentProviderException.Kind.NOT_FOUND) {
                throw failure;
            }
            return Optional.empty();
        }
    }
}
