package dev.orderpay.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order a buyer pays through a provider's hosted checkout. Every status change goes through
 * {@link OrderStatus#canMoveTo}; reporting the status an order already has changes nothing. Changes made since the
 * order was loaded are kept in {@link #uncommittedChanges()} for the repository to record with the order.
 */
public final class Order {

    private final OrderId id;
    private final Money amount;
    private final Receipt receipt;
    private final Instant createdAt;
    private final long version;
    private final List<StatusChange> uncommittedChanges = new ArrayList<>();
    private OrderStatus status;
    private PaymentSession session;

    private Order(OrderId id, Money amount, Receipt receipt, Instant createdAt, OrderStatus status,
                  PaymentSession session, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.receipt = Objects.requireNonNull(receipt, "receipt");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.session = session;
        this.version = version;
    }

    /** A new order, waiting for its checkout to be opened. */
    public static Order place(OrderId id, Money amount, Receipt receipt, Instant now) {
        return new Order(id, amount, receipt, now, OrderStatus.PENDING, null, 0);
    }

    /**
     * An order as it was stored, taken as it is without replaying any rule.
     *
     * @param version the storage's concurrency token, handed back unchanged when the order is saved
     */
    public static Order rehydrate(OrderId id, Money amount, Receipt receipt, Instant createdAt, OrderStatus status,
                                  PaymentSession session, long version) {
        return new Order(id, amount, receipt, createdAt, status, session, version);
    }

    /** Links the provider's checkout to this order; an order has one checkout, opened while it is pending. */
    public void attachSession(PaymentSession newSession) {
        Objects.requireNonNull(newSession, "newSession");
        if (status != OrderStatus.PENDING || session != null) {
            throw new IllegalStatusTransitionException(id, status, "attach a payment session");
        }
        session = newSession;
    }

    /** The checkout could not be opened: the order cannot be paid. */
    public StatusChange failCheckout(Provenance provenance) {
        if (status != OrderStatus.PENDING || session != null) {
            throw new IllegalStatusTransitionException(id, status, "fail its checkout");
        }
        return moveTo(OrderStatus.FAILED, provenance);
    }

    /**
     * Applies a status the provider has confirmed for this order's payment. Reports never move an order
     * backwards: a stale or out-of-order report (AUTHORIZED after CAPTURED, say) is ignored.
     *
     * @return the change made, or empty if the order already had that status or the report was stale
     */
    public Optional<StatusChange> followProvider(OrderStatus reported, Provenance provenance) {
        Objects.requireNonNull(reported, "reported");
        if (reported == status || !status.canMoveTo(reported)) {
            return Optional.empty();
        }
        return Optional.of(moveTo(reported, provenance));
    }

    /**
     * Closes a checkout that ended without a payment: the buyer gave up, the payment failed, or the checkout
     * expired. This only settles an order still waiting for its first outcome; it never touches one that holds
     * money or has already been settled.
     */
    public Optional<StatusChange> settleWithoutPayment(OrderStatus outcome, Provenance provenance) {
        if (!EnumSet.of(OrderStatus.CANCELLED, OrderStatus.FAILED, OrderStatus.DECLINED, OrderStatus.EXPIRED)
                .contains(outcome)) {
            throw new IllegalArgumentException("a checkout without a payment cannot end " + outcome);
        }
        if (status != OrderStatus.PENDING) {
            return Optional.empty();
        }
        return Optional.of(moveTo(outcome, provenance));
    }

    /** Whether the provider's payment belongs to this order's checkout. */
    public boolean isPaidThrough(String sessionId) {
        return session != null && session.id().equals(sessionId);
    }

    private StatusChange moveTo(OrderStatus next, Provenance provenance) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStatusTransitionException(id, status, "become " + next);
        }
        StatusChange change = new StatusChange(id, status, next, provenance);
        status = next;
        uncommittedChanges.add(change);
        return change;
    }

    /** The status changes made to this copy since it was placed or loaded, oldest first. */
    public List<StatusChange> uncommittedChanges() {
        return List.copyOf(uncommittedChanges);
    }

    public OrderId id() {
        return id;
    }

    public Money amount() {
        return amount;
    }

    public Receipt receipt() {
        return receipt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<PaymentSession> session() {
        return Optional.ofNullable(session);
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Order[" + id + ", " + amount + ", " + status + "]";
    }
}
