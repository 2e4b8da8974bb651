package dev.orderpay.application.service;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.application.port.in.operation.CancelCommand;
import dev.orderpay.application.port.in.operation.CancelOrderUseCase;
import dev.orderpay.application.port.in.operation.CaptureCommand;
import dev.orderpay.application.port.in.operation.CapturePaymentUseCase;
import dev.orderpay.application.port.in.operation.OperationItem;
import dev.orderpay.application.port.in.operation.PaymentOperationResult;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Accepted;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Completed;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.OutcomeUnknown;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Reason;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Refused;
import dev.orderpay.application.port.in.operation.RefundCommand;
import dev.orderpay.application.port.in.operation.RefundPaymentUseCase;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.IdempotentAnswers;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.IdempotentRequests.Hold;
import dev.orderpay.application.port.out.OperationOutcome;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.application.service.KeyedRequests.Fresh;
import dev.orderpay.application.service.KeyedRequests.Replay;
import dev.orderpay.application.service.KeyedRequests.Settle;
import dev.orderpay.application.service.KeyedRequests.Start;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.IllegalStatusTransitionException;
import dev.orderpay.domain.LineOverdrawnException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PendingOperation;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.contents.LineMovement;
import dev.orderpay.domain.contents.LineSelection;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Captures, refunds and cancellations a merchant asks for. The order decides first whether it allows the
 * operation (nothing reaches the provider otherwise), then records it as pending and saves that under its version,
 * so two requests can never both spend the same money; only then is the provider asked, with no transaction open.
 * The provider has no idempotency key: when its answer is lost, the payment is read again before anyone may retry,
 * so nothing is captured or refunded twice.
 * <p>
 * A request with an idempotency key claims it before the order is touched, and records the operation it starts
 * before reserving it, so that a repeat can tell what the first request did: an answered request's answer is given
 * again; one whose outcome is not known is settled by reading the payment from the provider, never by asking for
 * the operation again.
 */
public final class PaymentOperationsService implements CapturePaymentUseCase, RefundPaymentUseCase, CancelOrderUseCase {

    private static final Logger LOG = Logger.getLogger(PaymentOperationsService.class.getName());

    /**
     * One of the operations: how it starts on the order (which says how much it moves), the audit entry of that
     * amount, saved with the reservation, and how it is carried out once reserved.
     */
    private record Operation(IdempotentRequests.Operation kind, Function<Order, Money> start,
                             Function<Money, AuditEntry> audit,
                             BiFunction<Order, Money, PaymentOperationResult> carryOut) {
    }

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final PaymentVerifier verifier;
    private final KeyedRequests keyed;
    private final IdempotentAnswers answers;

    PaymentOperationsService(OrderRepository orders, PaymentGateway gateway, Clock clock,
                             PaymentVerifier verifier, KeyedRequests keyed, IdempotentAnswers answers) {
        this.orders = orders;
        this.gateway = gateway;
        this.clock = clock;
        this.verifier = verifier;
        this.keyed = keyed;
        this.answers = answers;
    }

    @Override
    public IdempotentResult<PaymentOperationResult> capture(CaptureCommand command) {
        return perform(command.orderId(), command.idempotencyKey(), command.fingerprint(), new Operation(
                IdempotentRequests.Operation.CAPTURE,
                order -> order.startCapture(inCurrencyOf(order, command.amount()),
                        selections(order, command.items()), clock.instant()),
                amount -> AuditEntry.of(command.actor(), AuditAction.PAYMENT_CAPTURE_REQUESTED, command.orderId(),
                        amount, clock.instant()),
                (reserved, amount) -> carryOut(reserved, paymentId -> gateway.capture(paymentId, amount,
                        linesOf(reserved), operationReference(reserved)))));
    }

    @Override
    public IdempotentResult<PaymentOperationResult> refund(RefundCommand command) {
        return perform(command.orderId(), command.idempotencyKey(), command.fingerprint(), new Operation(
                IdempotentRequests.Operation.REFUND,
                order -> order.startRefund(inCurrencyOf(order, command.amount()),
                        selections(order, command.items()), clock.instant()),
                amount -> AuditEntry.of(command.actor(), AuditAction.PAYMENT_REFUND_REQUESTED, command.orderId(),
                        amount, clock.instant()),
                (reserved, amount) -> carryOut(reserved, paymentId -> gateway.refund(paymentId, amount,
                        linesOf(reserved), command.reason(), operationReference(reserved)))));
    }

    @Override
    public IdempotentResult<PaymentOperationResult> cancel(CancelCommand command) {
        return perform(command.orderId(), command.idempotencyKey(), command.fingerprint(), new Operation(
                IdempotentRequests.Operation.CANCEL,
                order -> {
                    order.startCancel(clock.instant());
                    return Money.zero(order.amount().currency());
                },
                nothing -> AuditEntry.of(command.actor(), AuditAction.PAYMENT_CANCEL_REQUESTED, command.orderId(),
                        clock.instant()),
                (reserved, nothing) -> cancelReserved(reserved)));
    }

    private static Optional<Money> inCurrencyOf(Order order, Optional<Long> minorUnits) {
        return minorUnits.map(amount -> new Money(amount, order.amount().currency()));
    }

    private static List<LineSelection> selections(Order order, List<OperationItem> items) {
        return items.stream()
                .map(item -> new LineSelection(item.lineId(), item.quantity(), inCurrencyOf(order, item.amount())))
                .toList();
    }

    /** What the operation just reserved moves of each line, for the provider. */
    private static List<LineMovement> linesOf(Order reserved) {
        return reserved.pendingOperation().orElseThrow().lines();
    }

    private IdempotentResult<PaymentOperationResult> perform(OrderId orderId, Optional<IdempotencyKey> key,
                                                             String fingerprint, Operation operation) {
        // Looked up before the key is claimed: asking about an order that does not exist does nothing, now or later,
        // so there is no answer to remember.
        Order order = load(orderId);
        if (key.isEmpty()) {
            return IdempotentResult.executed(reserveThen(order, operation, Optional.empty()));
        }
        Start start = keyed.start(new IdempotentRequests.Request(key.get(), operation.kind(),
                Optional.of(orderId.toString()), fingerprint), Optional.empty());
        if (start instanceof Replay replay) {
            return IdempotentResult.replayed(replay.answer());
        }
        Hold hold;
        Optional<PendingOperation> startedEarlier;
        if (start instanceof Settle settle) {
            hold = settle.unsettled().hold();
            startedEarlier = settle.unsettled().started();
        } else {
            hold = ((Fresh) start).hold();
            startedEarlier = Optional.empty();
        }
        PaymentOperationResult result;
        try {
            // An earlier request that stopped before starting anything left nothing to settle: this one starts it.
            result = startedEarlier.isPresent()
                    ? settle(order, startedEarlier.get())
                    : reserveThen(order, operation, Optional.of(hold));
        } catch (RuntimeException failure) {
            keyed.failed(hold, failure);
            throw failure;
        }
        remember(hold, result);
        return IdempotentResult.executed(result);
    }

    /**
     * Remembers the answer, except while the outcome is not known (the next repeat settles it) and when the order
     * changed under the request: then nothing was done, and the answer asks the client to try again, which it may
     * do with the same key.
     */
    private void remember(Hold hold, PaymentOperationResult result) {
        if (result instanceof OutcomeUnknown) {
            keyed.unsettled(hold);
        } else if (result instanceof Refused refused && refused.reason() == Reason.CHANGED_CONCURRENTLY) {
            keyed.release(hold);
        } else {
            keyed.answered(hold, answers.operation(result));
        }
    }

    /**
     * Lets the order start the operation (which says how much it moves), saves it as pending under the order's
     * version, and only then goes on; nothing reaches the provider if the order or a race refuses it. Under a key,
     * the operation is recorded with the request before it is reserved, so that whoever settles the request later
     * knows what to look for, even if this request stops in between. The reservation is saved with its audit entry:
     * a request refused here leaves none, and one the provider refuses later keeps it (it was asked for).
     */
    private PaymentOperationResult reserveThen(Order order, Operation operation, Optional<Hold> hold) {
        Money amount;
        try {
            amount = operation.start().apply(order);
        } catch (LineOverdrawnException overdrawn) {
            return new Refused(order, Reason.NOT_ALLOWED, Optional.of(overdrawn.shortfall()));
        } catch (IllegalStatusTransitionException notAllowed) {
            return new Refused(order, Reason.NOT_ALLOWED);
        }
        hold.ifPresent(held -> keyed.started(held, order.pendingOperation().orElseThrow()));
        Order reserved;
        try {
            reserved = verifier.save(order, operation.audit().apply(amount));
        } catch (ConcurrentOrderUpdateException raced) {
            // The copy in hand holds an operation that was never saved: answer with the order as it now stands.
            return new Refused(load(order.id()), Reason.CHANGED_CONCURRENTLY);
        }
        return operation.carryOut().apply(reserved, amount);
    }

    /**
     * Settles an operation an earlier request with the same key started without learning how it ended. While the
     * order still has it pending, the payment is read from the provider first, so the answer is the truth and the
     * operation is never asked for twice; once it is pending no more (a notification or reconciliation settled it,
     * or it was never reserved), the order tells whether it happened.
     */
    private PaymentOperationResult settle(Order order, PendingOperation started) {
        // The request recorded the operation without its lines, which only the order keeps.
        if (!order.pendingOperation().map(pending -> pending.isSameAs(started)).orElse(false)) {
            return order.shows(started) ? new Completed(order) : new Refused(order, Reason.NOT_CARRIED_OUT);
        }
        Optional<PaymentId> paymentId = order.payment().paymentId();
        if (paymentId.isEmpty()) {
            // Closing a checkout nobody paid: asking again is harmless, and the provider's answer settles it.
            return cancelReserved(order);
        }
        Order after;
        try {
            after = follow(order, gateway.fetchPayment(paymentId.get()));
        } catch (PaymentProviderException unreachable) {
            return new OutcomeUnknown(order, unreachable.kind() == PaymentProviderException.Kind.TIMEOUT);
        }
        // Still pending: the provider does not show it yet, and reconciliation lets it go if it never does.
        return after.pendingOperation().isEmpty() ? new Completed(after) : new OutcomeUnknown(after, false);
    }

    private PaymentOperationResult cancelReserved(Order reserved) {
        // The status decides, not whether a payment is linked: an order can be linked to a payment the buyer only
        // started, and then it is its checkout that must be closed.
        if (reserved.status() == OrderStatus.AUTHORIZED) {
            return carryOut(reserved, gateway::voidAuthorization);
        }
        try {
            gateway.cancelCheckout(reserved.session().orElseThrow().id());
        } catch (PaymentProviderException refused) {
            // Closing a checkout twice is harmless, so the merchant may simply try again.
            return new Refused(letGo(reserved), notDone(refused));
        }
        Provenance provenance = Provenance.of(ChangeSource.API, reserved.session().get().id().value(),
                clock.instant());
        return new Completed(verifier.apply(reserved, current -> {
            current.completeCheckoutCancellation(provenance);
            return true;
        }));
    }

    private PaymentOperationResult carryOut(Order reserved, Function<PaymentId, OperationOutcome> operation) {
        PaymentId paymentId = reserved.payment().paymentId().orElseThrow();
        OperationOutcome outcome;
        try {
            outcome = operation.apply(paymentId);
        } catch (PaymentProviderException failure) {
            return recover(reserved, paymentId, failure);
        }
        if (outcome instanceof OperationOutcome.Completed completed) {
            return new Completed(follow(reserved, completed.payment()));
        }
        return new Accepted(reserved);
    }

    /**
     * A refusal means nothing happened, and the operation is let go. A lost answer (timeout, connection dropped,
     * server error) may hide a success, so the payment is read again: if it shows the operation done, that is the
     * answer. Otherwise the operation stays pending, so no retry can start until reconciliation has read the payment
     * again later and either seen it done or let it go: nothing is captured or refunded twice.
     */
    private PaymentOperationResult recover(Order reserved, PaymentId paymentId, PaymentProviderException failure) {
        if (failure.kind() == PaymentProviderException.Kind.REJECTED
                || failure.kind() == PaymentProviderException.Kind.NOT_FOUND) {
            return new Refused(letGo(reserved), Reason.PROVIDER_REFUSED);
        }
        Order after;
        try {
            after = follow(reserved, gateway.fetchPayment(paymentId));
        } catch (PaymentProviderException stillUnreachable) {
            after = reserved;
        }
        if (after.pendingOperation().isEmpty()) {
            return new Completed(after);
        }
        OrderLogRecord.warning(LOG, reserved.id(), () -> "could not learn whether an operation on order "
                + reserved.id() + " happened (" + failure.kind()
                + "); it stays pending until reconciliation reads the payment again");
        return new OutcomeUnknown(after, failure.kind() == PaymentProviderException.Kind.TIMEOUT);
    }

    private static Reason notDone(PaymentProviderException failure) {
        return switch (failure.kind()) {
            case TIMEOUT -> Reason.PROVIDER_TIMEOUT;
            case UNAVAILABLE -> Reason.PROVIDER_UNAVAILABLE;
            case NOT_FOUND, REJECTED -> Reason.PROVIDER_REFUSED;
        };
    }

    private Order follow(Order order, ProviderPayment payment) {
        return verifier.follow(order, payment, ChangeSource.API, payment.paymentId().value());
    }

    private Order letGo(Order reserved) {
        return verifier.apply(reserved, current -> {
            if (current.pendingOperation().isEmpty()) {
                return false;
            }
            current.abandonOperation();
            return true;
        });
    }

    /** Unique per operation: the order's version right after the operation was reserved. */
    private static String operationReference(Order reserved) {
        return reserved.id() + "-" + reserved.version();
    }

    private Order load(OrderId id) {
        return orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
    }
}
