package dev.orderpay.domain;

import dev.orderpay.domain.contents.LineLedger;
import dev.orderpay.domain.contents.LineLedgers;
import dev.orderpay.domain.contents.LineMovement;
import dev.orderpay.domain.contents.LineSelection;
import dev.orderpay.domain.contents.LineShortfall;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.event.OrderEvent;
import dev.orderpay.domain.webhook.CallbackUrl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An order a buyer pays through a provider's hosted checkout. Every status change goes through
 * {@link OrderStatus#canMoveTo}; reporting the status an order already has changes nothing. Changes made since the
 * order was loaded are kept in {@link #uncommittedChanges()}, and what the merchant is to be told about them in
 * {@link #uncommittedEvents()}, for the repository to record with the order.
 */
public final class Order {

    private static final Set<OrderStatus> CAPTURABLE = EnumSet.of(OrderStatus.AUTHORIZED,
            OrderStatus.PARTIALLY_CAPTURED, OrderStatus.PARTIALLY_REFUNDED);

    private final OrderId id;
    private final Money amount;
    private final Receipt receipt;
    private final CallbackUrl callbackUrl;
    private final OrderContents contents;
    private final Instant createdAt;
    private final long version;
    private final List<StatusChange> uncommittedChanges = new ArrayList<>();
    private final List<OrderEvent> uncommittedEvents = new ArrayList<>();
    private OrderStatus status;
    private PaymentSession session;
    private PaymentId paymentId;
    private PaymentLedger ledger;
    private LineLedgers lineLedgers;
    private final Set<String> movedLineIds = new LinkedHashSet<>();
    private PendingOperation doneWithoutItsLines;
    private PendingOperation pendingOperation;
    private long lastEventSequence;

    private Order(OrderId id, Money amount, Receipt receipt, CallbackUrl callbackUrl, OrderContents contents,
                  Instant createdAt, OrderStatus status, PaymentSession session, OrderPayment payment,
                  LineLedgers lineLedgers, PendingOperation pendingOperation, long lastEventSequence, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.receipt = Objects.requireNonNull(receipt, "receipt");
        this.callbackUrl = callbackUrl;
        this.contents = Objects.requireNonNull(contents, "contents");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.session = session;
        this.paymentId = payment.paymentId().orElse(null);
        this.ledger = new PaymentLedger(amount, payment.captured(), payment.refunded());
        this.lineLedgers = Objects.requireNonNull(lineLedgers, "lineLedgers");
        this.pendingOperation = pendingOperation;
        this.lastEventSequence = lastEventSequence;
        this.version = version;
    }

    /**
     * A new order, waiting for its checkout to be opened.
     *
     * @param callbackUrl where its events also go, beside the merchant's webhook endpoints
     * @param contents    its lines, customer, addresses and metadata; lines, when there are any, add up to the amount
     */
    public static Order place(OrderId id, Money amount, Receipt receipt, Optional<CallbackUrl> callbackUrl,
                              OrderContents contents, Instant now) {
        Money.requirePositive(amount.minorUnits());
        if (!contents.lines().isEmpty() && !contents.lines().total(amount.currency()).equals(amount)) {
            throw new InvalidValueException("items", "must add up to the order's amount");
        }
        OrderPayment noPayment = OrderPayment.none(amount.currency());
        return new Order(id, amount, receipt, callbackUrl.orElse(null), contents, now, OrderStatus.PENDING, null,
                noPayment, LineLedgers.untouched(contents.lines()), null, 0, 0);
    }

    /**
     * An order as it was stored, taken as it is without replaying any rule of how it got there.
     *
     * @param callbackUrl       null when the order has none
     * @param contents          {@link OrderContents#NONE} when the order has none
     * @param lastEventSequence the sequence number of the order's latest event (0 before its first)
     * @param version           the storage's concurrency token, handed back unchanged when the order is saved
     * @throws IllegalArgumentException if its amounts break the {@link PaymentLedger}'s order (the table checks the
     *                                  same) or are in another currency than the order
     */
    public static Order rehydrate(OrderId id, Money amount, Receipt receipt, CallbackUrl callbackUrl,
                                  OrderContents contents, Instant createdAt, OrderStatus status,
                                  PaymentSession session, OrderPayment payment, PendingOperation pendingOperation,
                                  long lastEventSequence, long version) {
        return rehydrate(id, amount, receipt, callbackUrl, contents, createdAt, status, session, payment, List.of(),
                pendingOperation, lastEventSequence, version);
    }

    /**
     * An order as it was stored, with what its captures and refunds by line have moved of each line.
     *
     * @param lineLedgers one for each of its lines, in their order; none means nothing of any line has moved
     * @throws IllegalArgumentException as the other {@code rehydrate}, and if the ledgers are not its lines'
     */
    public static Order rehydrate(OrderId id, Money amount, Receipt receipt, CallbackUrl callbackUrl,
                                  OrderContents contents, Instant createdAt, OrderStatus status,
                                  PaymentSession session, OrderPayment payment, List<LineLedger> lineLedgers,
                                  PendingOperation pendingOperation, long lastEventSequence, long version) {
        LineLedgers ledgers = lineLedgers.isEmpty() ? LineLedgers.untouched(contents.lines())
                : LineLedgers.of(contents.lines(), lineLedgers);
        return new Order(id, amount, receipt, callbackUrl, contents, createdAt, status, session,
                Objects.requireNonNull(payment, "payment"), ledgers, pendingOperation, lastEventSequence, version);
    }

    /**
     * Links the provider's checkout to this order; an order has one checkout, opened while it is pending. The
     * merchant hears of the order now, when its checkout link exists.
     */
    public void attachSession(PaymentSession newSession) {
        Objects.requireNonNull(newSession, "newSession");
        if (status != OrderStatus.PENDING || session != null) {
            throw new IllegalStatusTransitionException(id, status, "attach a payment session");
        }
        session = newSession;
        tell(EventType.ORDER_CREATED, Optional.empty());
    }

    /** The checkout could not be opened: the order cannot be paid. The merchant hears of the order and its failure. */
    public StatusChange failCheckout(Provenance provenance) {
        if (status != OrderStatus.PENDING || session != null) {
            throw new IllegalStatusTransitionException(id, status, "fail its checkout");
        }
        tell(EventType.ORDER_CREATED, Optional.empty());
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
    public Optional<StatusChange> settleWithoutPayment(CheckoutEnding ending, Provenance provenance) {
        Objects.requireNonNull(ending, "ending");
        if (status != OrderStatus.PENDING) {
            return Optional.empty();
        }
        return Optional.of(moveTo(ending.toStatus(), provenance));
    }

    /**
     * Applies what the provider confirmed about this order's payment: its status (forward only, as in
     * {@link #followProvider}) and the amounts captured and refunded so far (which only grow). A pending operation
     * the payment now reflects is done, and moves its lines when they can take it ({@link #doneWithoutItsLines()}
     * tells when they could not). Money that moves is an event even when the status stays (a second partial
     * capture); with a new status, that status's event tells it.
     *
     * @return whether anything about the order changed
     */
    public boolean followPayment(PaymentState payment, Provenance provenance) {
        boolean changed = false;
        if (paymentId == null) {
            paymentId = payment.paymentId();
            changed = true;
        }
        boolean statusChanged = followProvider(payment.status(), provenance).isPresent();
        changed |= statusChanged;
        PaymentLedger followed = ledger.follow(payment.captured(), payment.refunded());
        if (!followed.equals(ledger)) {
            if (!statusChanged && status.holdsPayment()) {
                tellMoneyMoved(ledger, followed);
            }
            ledger = followed;
            changed = true;
        }
        if (pendingOperation != null && pendingOperation.isReflectedIn(status, ledger)) {
            moveLines(pendingOperation);
            pendingOperation = null;
            changed = true;
        }
        return changed;
    }

    /**
     * A capture or refund the provider shows done moves its lines, in the same change as its money. If the lines
     * cannot take it (more of a line than it has left: they disagree with the operation, which was worked out from
     * them), none of them moves, and the operation is kept in {@link #doneWithoutItsLines()}. The money still
     * follows the provider: it has moved whatever the lines say, and refusing it would leave the order's totals
     * wrong and fail every later report the same way. The lines are this service's own account of its operations
     * (ADR 19), so they give way.
     */
    private void moveLines(PendingOperation done) {
        if (done.lines().isEmpty()) {
            return;
        }
        Optional<LineLedgers> moved = done.type() == PendingOperation.Type.CAPTURE
                ? lineLedgers.afterCapture(done.lines()) : lineLedgers.afterRefund(done.lines());
        if (moved.isEmpty()) {
            doneWithoutItsLines = done;
            return;
        }
        lineLedgers = moved.get();
        done.lines().forEach(movement -> movedLineIds.add(movement.lineId()));
    }

    /**
     * Money moved while the status stayed: one event per kind of movement, named by where that kind now stands. A
     * capture after a partial refund leaves the order partially refunded, yet the merchant hears of the capture.
     */
    private void tellMoneyMoved(PaymentLedger before, PaymentLedger after) {
        if (!after.captured().equals(before.captured())) {
            tell(after.leftToCapture().isZero() ? EventType.ORDER_CAPTURED : EventType.ORDER_PARTIALLY_CAPTURED,
                    Optional.empty());
        }
        if (!after.refunded().equals(before.refunded())) {
            tell(after.leftToRefund().isZero() ? EventType.ORDER_REFUNDED : EventType.ORDER_PARTIALLY_REFUNDED,
                    Optional.empty());
        }
    }

    /**
     * Starts capturing {@code requested} (all that is left when empty) of the authorized money: from an authorized
     * order, one captured in part, or one captured in part and then refunded in part (the rest of the authorization
     * is still there, as the provider shows it).
     *
     * @return the amount to capture
     * @throws IllegalStatusTransitionException if the order is not authorized, another operation is under way,
     *                                          or the amount is more than what is left to capture
     */
    public Money startCapture(Optional<Money> requested, Instant now) {
        return startCapture(requested, List.of(), now);
    }

    /**
     * Starts capturing the lines in {@code items} when it names any, otherwise {@code requested} (all that is left
     * when empty). On an order with lines, an amount alone must be all that is left: then each line's remainder is
     * captured.
     *
     * @return the amount to capture
     * @throws IllegalStatusTransitionException as {@link #startCapture(Optional, Instant)}, and a
     *                                          {@link LineOverdrawnException} if more of a line is asked for than is
     *                                          left to capture
     * @throws InvalidValueException            if an item names no line of the order, or the same line twice, or an
     *                                          amount alone is not all that is left of an order with lines
     */
    public Money startCapture(Optional<Money> requested, List<LineSelection> items, Instant now) {
        requireNoOperationUnderway("capture");
        if (paymentId == null || !CAPTURABLE.contains(status)) {
            throw new IllegalStatusTransitionException(id, status, "be captured");
        }
        List<LineMovement> lines = linesToMove("capture", requested, items, lineLedgers::toCapture,
                lineLedgers.restToCapture());
        Money capture = ledger.toCapture(lines.isEmpty() ? requested : Optional.of(total(lines)), this::cannot);
        pendingOperation = new PendingOperation(PendingOperation.Type.CAPTURE, capture, ledger.captured(), now,
                lines);
        return capture;
    }

    /**
     * Starts refunding {@code requested} (all that is captured and not yet refunded when empty).
     *
     * @return the amount to refund
     * @throws IllegalStatusTransitionException if nothing captured is left to refund, another operation is under
     *                                          way, or the amount is more than that
     */
    public Money startRefund(Optional<Money> requested, Instant now) {
        return startRefund(requested, List.of(), now);
    }

    /**
     * Starts refunding the lines in {@code items} when it names any, otherwise {@code requested}, as
     * {@link #startCapture(Optional, List, Instant)} captures: a line is refunded only as far as it was captured.
     *
     * @return the amount to refund
     * @throws IllegalStatusTransitionException as {@link #startRefund(Optional, Instant)}, and a
     *                                          {@link LineOverdrawnException} if more of a line is asked for than was
     *                                          captured and not yet refunded
     * @throws InvalidValueException            as for a capture
     */
    public Money startRefund(Optional<Money> requested, List<LineSelection> items, Instant now) {
        requireNoOperationUnderway("refund");
        if (paymentId == null || ledger.captured().isZero() || !EnumSet.of(OrderStatus.PARTIALLY_CAPTURED,
                OrderStatus.CAPTURED, OrderStatus.PARTIALLY_REFUNDED).contains(status)) {
            throw new IllegalStatusTransitionException(id, status, "be refunded");
        }
        List<LineMovement> lines = linesToMove("refund", requested, items, lineLedgers::toRefund,
                lineLedgers.restToRefund());
        Money refund = ledger.toRefund(lines.isEmpty() ? requested : Optional.of(total(lines)), this::cannot);
        pendingOperation = new PendingOperation(PendingOperation.Type.REFUND, refund, ledger.refunded(), now,
                lines);
        return refund;
    }

    /**
     * The lines an operation moves: those asked for, or, for an amount alone on an order with lines, every line's
     * remainder, which the amount must match. None on an order without lines.
     */
    private List<LineMovement> linesToMove(String operation, Optional<Money> requested, List<LineSelection> items,
                                           BiFunction<List<LineSelection>, Function<LineShortfall,
                                                   ? extends RuntimeException>, List<LineMovement>> asked,
                                           List<LineMovement> rest) {
        if (!items.isEmpty()) {
            if (lineLedgers.isEmpty()) {
                throw new InvalidValueException("items", "cannot be given: the order has no lines");
            }
            return asked.apply(items, shortfall -> new LineOverdrawnException(id, status, shortfall));
        }
        if (lineLedgers.isEmpty()) {
            return List.of();
        }
        Money all = total(rest);
        if (requested.isPresent() && !requested.get().equals(all)) {
            throw new InvalidValueException("amount", "must be all that is left to " + operation + " (" + all
                    + ") on an order with lines; name the lines in items to " + operation + " part of it");
        }
        return rest;
    }

    private Money total(List<LineMovement> lines) {
        return LineMovement.total(lines, amount.currency());
    }

    /**
     * Starts cancelling: voiding an authorization nothing was captured from, or closing a checkout nobody paid.
     *
     * @throws IllegalStatusTransitionException if money was captured, the order is settled, or another operation
     *                                          is under way
     */
    public void startCancel(Instant now) {
        requireNoOperationUnderway("be cancelled");
        boolean voidable = status == OrderStatus.AUTHORIZED && paymentId != null && ledger.captured().isZero();
        boolean openCheckout = status == OrderStatus.PENDING && session != null;
        if (!voidable && !openCheckout) {
            throw new IllegalStatusTransitionException(id, status, "be cancelled");
        }
        Money nothing = Money.zero(amount.currency());
        pendingOperation = new PendingOperation(PendingOperation.Type.CANCEL, nothing, nothing, now);
    }

    /** The provider closed the unpaid checkout this service asked it to cancel. */
    public Optional<StatusChange> completeCheckoutCancellation(Provenance provenance) {
        if (pendingOperation == null || pendingOperation.type() != PendingOperation.Type.CANCEL) {
            throw new IllegalStatusTransitionException(id, status, "complete a cancellation nobody started");
        }
        pendingOperation = null;
        return settleWithoutPayment(CheckoutEnding.CANCELLED, provenance);
    }

    /**
     * The provider refused the pending operation, or it proved not to have happened: others may start. The merchant
     * is told which operation failed.
     */
    public void abandonOperation() {
        if (pendingOperation != null) {
            tell(EventType.OPERATION_FAILED, Optional.of(pendingOperation));
        }
        pendingOperation = null;
    }

    /**
     * Whether this order, as the provider last showed it, shows the operation done: its status for a cancellation,
     * its captured or refunded total for the others. For an operation that is no longer pending, this tells whether
     * it happened or was let go.
     */
    public boolean shows(PendingOperation operation) {
        return operation.isReflectedIn(status, ledger);
    }

    private void requireNoOperationUnderway(String attempted) {
        if (pendingOperation != null) {
            throw new IllegalStatusTransitionException(id, status, attempted + " while a "
                    + pendingOperation.type().name().toLowerCase(Locale.ROOT) + " is under way");
        }
    }

    /** Refuses what the ledger cannot give, naming the order's status. */
    private IllegalStatusTransitionException cannot(String attempted) {
        return new IllegalStatusTransitionException(id, status, attempted);
    }

    /**
     * Whether a payment the provider shows belongs to this order: it must name this order, have been made through
     * this order's checkout, and be for exactly its amount and currency.
     *
     * @return what does not match, or empty when the payment is this order's
     */
    public Optional<String> mismatchWith(String orderReference, Optional<SessionId> sessionId,
                                         long amountMinorUnits, String currencyCode) {
        if (!id.toString().equals(orderReference)) {
            return Optional.of("merchant reference");
        }
        if (session == null || !sessionId.equals(Optional.of(session.id()))) {
            return Optional.of("checkout session");
        }
        if (!amount.sameAs(amountMinorUnits, currencyCode)) {
            return Optional.of("amount or currency");
        }
        return Optional.empty();
    }

    /**
     * Whether a report that the checkout ended without payment is worth checking with the provider: only while the
     * order has a checkout and still waits for its outcome. The buyer's return and the notification both ask this.
     */
    public boolean awaitsCheckoutOutcome() {
        return session != null && status.awaitsOutcome();
    }

    private StatusChange moveTo(OrderStatus next, Provenance provenance) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStatusTransitionException(id, status, "become " + next);
        }
        StatusChange change = new StatusChange(id, status, next, provenance);
        status = next;
        uncommittedChanges.add(change);
        tell(EventType.reporting(next), Optional.empty());
        return change;
    }

    /** Numbers the event after the order's latest, so its events have no gaps and no repeats. */
    private void tell(EventType type, Optional<PendingOperation> failedOperation) {
        lastEventSequence++;
        uncommittedEvents.add(new OrderEvent(type, lastEventSequence, failedOperation));
    }

    /** The status changes made to this copy since it was placed or loaded, oldest first. */
    public List<StatusChange> uncommittedChanges() {
        return List.copyOf(uncommittedChanges);
    }

    /** What the merchant is to be told about the changes made to this copy, oldest first. */
    public List<OrderEvent> uncommittedEvents() {
        return List.copyOf(uncommittedEvents);
    }

    /** The sequence number of the order's latest event, including those not yet stored (0 before its first). */
    public long lastEventSequence() {
        return lastEventSequence;
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

    /** Where the order's events also go, when the merchant gave one with it. */
    public Optional<CallbackUrl> callbackUrl() {
        return Optional.ofNullable(callbackUrl);
    }

    /** What the order says besides its amount, as given when it was placed. */
    public OrderContents contents() {
        return contents;
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

    /** The provider's payment for this order and how much of it was captured and refunded. */
    public OrderPayment payment() {
        return new OrderPayment(Optional.ofNullable(paymentId), ledger.captured(), ledger.refunded());
    }

    public Optional<PendingOperation> pendingOperation() {
        return Optional.ofNullable(pendingOperation);
    }

    /** What captures and refunds by line have moved of each line, in the lines' order; none without lines. */
    public List<LineLedger> lineLedgers() {
        return lineLedgers.all();
    }

    /**
     * The operation the provider showed done whose lines could not take it, when {@link #followPayment} met one since
     * this copy was loaded: its money was followed and the lines were left as they were.
     */
    public Optional<PendingOperation> doneWithoutItsLines() {
        return Optional.ofNullable(doneWithoutItsLines);
    }

    /** The ledgers of the lines moved since this copy was placed or loaded, in the lines' order. */
    public List<LineLedger> uncommittedLineLedgers() {
        return lineLedgers.all().stream().filter(line -> movedLineIds.contains(line.lineId())).toList();
    }

    @Override
    public String toString() {
        return "Order[" + id + ", " + amount + ", " + status + "]";
    }
}
