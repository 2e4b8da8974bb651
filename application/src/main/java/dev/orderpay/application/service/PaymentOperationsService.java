package dev.orderpay.application.service;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.operation.CancelOrderUseCase;
import dev.orderpay.application.port.in.operation.CaptureCommand;
import dev.orderpay.application.port.in.operation.CapturePaymentUseCase;
import dev.orderpay.application.port.in.operation.PaymentOperationResult;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Accepted;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Completed;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.OutcomeUnknown;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Reason;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Refused;
import dev.orderpay.application.port.in.operation.RefundCommand;
import dev.orderpay.application.port.in.operation.RefundPaymentUseCase;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.OperationOutcome;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.IllegalStatusTransitionException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.Provenance;

import java.time.Clock;
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
 */
public final class PaymentOperationsService implements CapturePaymentUseCase, RefundPaymentUseCase, CancelOrderUseCase {

    private static final Logger LOG = Logger.getLogger(PaymentOperationsService.class.getName());

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final PaymentVerifier verifier;

    PaymentOperationsService(OrderRepository orders, PaymentGateway gateway, Clock clock,
                             PaymentVerifier verifier) {
        this.orders = orders;
        this.gateway = gateway;
        this.clock = clock;
        this.verifier = verifier;
    }

    @Override
    public PaymentOperationResult capture(CaptureCommand command) {
        Order order = load(command.orderId());
        Optional<Money> requested = command.amount().map(minorUnits -> new Money(minorUnits, order.amount().currency()));
        return reserveThen(order, current -> current.startCapture(requested, clock.instant()),
                (reserved, amount) -> carryOut(reserved,
                        paymentId -> gateway.capture(paymentId, amount, operationReference(reserved))));
    }

    @Override
    public PaymentOperationResult refund(RefundCommand command) {
        Order order = load(command.orderId());
        Optional<Money> requested = command.amount().map(minorUnits -> new Money(minorUnits, order.amount().currency()));
        return reserveThen(order, current -> current.startRefund(requested, clock.instant()),
                (reserved, amount) -> carryOut(reserved,
                        paymentId -> gateway.refund(paymentId, amount, command.reason(), operationReference(reserved))));
    }

    @Override
    public PaymentOperationResult cancel(OrderId orderId) {
        Order order = load(orderId);
        return reserveThen(order, current -> {
            current.startCancel(clock.instant());
            return Money.zero(current.amount().currency());
        }, (reserved, nothing) -> cancelReserved(reserved));
    }

    /**
     * Lets the order start the operation (which says how much it moves), saves it as pending under the order's
     * version, and only then goes on; nothing reaches the provider if the order or a race refuses it.
     */
    private PaymentOperationResult reserveThen(Order order, Function<Order, Money> start,
                                               BiFunction<Order, Money, PaymentOperationResult> then) {
        Money amount;
        try {
            amount = start.apply(order);
        } catch (IllegalStatusTransitionException notAllowed) {
            return new Refused(order, Reason.NOT_ALLOWED);
        }
        Order reserved;
        try {
            reserved = verifier.save(order);
        } catch (ConcurrentOrderUpdateException raced) {
            // The copy in hand holds an operation that was never saved: answer with the order as it now stands.
            return new Refused(load(order.id()), Reason.CHANGED_CONCURRENTLY);
        }
        return then.apply(reserved, amount);
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
