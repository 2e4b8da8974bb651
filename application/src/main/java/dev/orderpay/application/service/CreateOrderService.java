package dev.orderpay.application.service;

import dev.orderpay.application.port.in.ConcurrentUpdateException;
import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.order.CheckoutFailedException;
import dev.orderpay.application.port.in.order.CreateOrderCommand;
import dev.orderpay.application.port.in.order.CreateOrderUseCase;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.IdempotentAnswers;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.IdempotentRequests.Hold;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import dev.orderpay.application.service.KeyedRequests.Fresh;
import dev.orderpay.application.service.KeyedRequests.Replay;
import dev.orderpay.application.service.KeyedRequests.Settle;
import dev.orderpay.application.service.KeyedRequests.Start;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.webhook.CallbackUrl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stores the order before asking the provider for a checkout, so that a provider failure leaves a FAILED order
 * behind rather than nothing, and a checkout never exists for an order we do not know. An idempotency key is
 * claimed, with the new order's id, before anything else happens, so that of two requests with one key only one
 * creates an order, and the answer it gets (the order, or the failure to open its checkout) is recorded for the
 * other. Reconciliation leaves the order alone while its checkout may still be being opened, so the creation always
 * stores the outcome itself. A callback URL is checked before anything is stored or claimed: its webhooks must be
 * signable (the service has a callback signing secret) and allowed to go there.
 */
public final class CreateOrderService implements CreateOrderUseCase {

    /**
     * @param checkoutLifetime       how long the buyer has to pay before the checkout expires
     * @param longestCheckoutOpening the longest the provider may take to open a checkout, timeouts and retries
     *                               included: for that long the creation holds its order from reconciliation
     * @param callbacksSigned        whether the service has a secret to sign callbacks with; without one an order
     *                               with a callback URL is refused
     */
    public record Policy(Duration checkoutLifetime, Duration longestCheckoutOpening, boolean callbacksSigned) {
        public Policy {
            Objects.requireNonNull(checkoutLifetime, "checkoutLifetime");
            Objects.requireNonNull(longestCheckoutOpening, "longestCheckoutOpening");
        }
    }

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final PaymentUrls urls;
    private final KeyedRequests keyed;
    private final IdempotentAnswers answers;
    private final WebhookDestinations destinations;
    private final Clock clock;
    private final Policy policy;
    private final EventRecorder events;

    CreateOrderService(OrderRepository orders, PaymentGateway gateway, PaymentUrls urls, KeyedRequests keyed,
                       IdempotentAnswers answers, WebhookDestinations destinations, Clock clock, Policy policy,
                       EventRecorder events) {
        this.orders = orders;
        this.gateway = gateway;
        this.urls = urls;
        this.keyed = keyed;
        this.answers = answers;
        this.destinations = destinations;
        this.clock = clock;
        this.policy = policy;
        this.events = events;
    }

    @Override
    public IdempotentResult<Order> createOrder(CreateOrderCommand command) {
        command.callbackUrl().ifPresent(this::requireUsableCallback);
        OrderId id = OrderId.newId();
        if (command.idempotencyKey().isEmpty()) {
            return IdempotentResult.executed(create(id, command));
        }
        Start start = keyed.start(new IdempotentRequests.Request(command.idempotencyKey().get(),
                IdempotentRequests.Operation.CREATE_ORDER, Optional.empty(), command.fingerprint()),
                Optional.of(id.value()));
        if (start instanceof Replay replay) {
            return IdempotentResult.replayed(replay.answer());
        }
        if (start instanceof Settle settle) {
            // The order id was claimed with the key, so the earlier request's order, if it got that far, is this one.
            OrderId earlier = new OrderId(settle.unsettled().resource().orElseThrow());
            return IdempotentResult.executed(remembered(settle.unsettled().hold(),
                    () -> settleCreation(earlier, command)));
        }
        return IdempotentResult.executed(remembered(((Fresh) start).hold(), () -> create(id, command)));
    }

    /**
     * Records how the creation ended: the order, or the provider's failure to open its checkout (a stored FAILED
     * order, answered the same way to every repeat). Anything else leaves the request to be settled by a repeat.
     */
    private Order remembered(Hold hold, Supplier<Order> creation) {
        Order order;
        try {
            order = creation.get();
        } catch (CheckoutFailedException failed) {
            keyed.answered(hold, answers.checkoutFailed(failed.order(), failed.timedOut()));
            throw failed;
        } catch (RuntimeException failure) {
            keyed.failed(hold, failure);
            throw failure;
        }
        keyed.answered(hold, answers.created(order));
        return order;
    }

    /**
     * An earlier request with the key stopped without recording an answer (the service stopped, say). Its order
     * tells how far it got: not stored, so it is created now; with its checkout opened, or failed to open (by the
     * request, or by reconciliation once the creation was plainly cut short), which is the answer; still without
     * either, so its creation may still hold it, and the repeat is told to come back.
     */
    private Order settleCreation(OrderId id, CreateOrderCommand command) {
        Optional<Order> stored = orders.findById(id);
        if (stored.isEmpty()) {
            return create(id, command);
        }
        Order order = stored.get();
        if (order.session().isPresent()) {
            return order;
        }
        if (order.status() == OrderStatus.FAILED) {
            throw new CheckoutFailedException(order);
        }
        throw new IdempotentRequestInProgressException();
    }

    private Order create(OrderId id, CreateOrderCommand command) {
        // Microseconds: what the database keeps, so a stored order and its cursor compare equal.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Order order = Order.place(id, command.amount(), command.receipt(), command.callbackUrl(), command.contents(),
                now);
        // Without a session the order looks like one whose creation was cut short, which reconciliation fails;
        // the hold keeps it away while this request may still be waiting for the provider.
        orders.add(order, now.plus(policy.longestCheckoutOpening()));

        PaymentSession session;
        try {
            session = gateway.openCheckout(new CheckoutRequest(order.id(), order.amount(),
                    urls.returnUrl(order.id()), urls.notificationUrl(order.id()), now.plus(policy.checkoutLifetime()),
                    order.contents()));
        } catch (PaymentProviderException failure) {
            order.failCheckout(Provenance.unreferenced(ChangeSource.CHECKOUT, clock.instant()));
            throw new CheckoutFailedException(save(order),
                    failure.kind() == PaymentProviderException.Kind.TIMEOUT, failure);
        }
        order.attachSession(session);
        return save(order);
    }

    private void requireUsableCallback(CallbackUrl callbackUrl) {
        if (!policy.callbacksSigned()) {
            throw InvalidCommandException.of(CallbackUrl.FIELD, "cannot be used: this service has no callback"
                    + " signing secret (ORDERPAY_CALLBACK_SIGNING_SECRET) to sign its webhooks with");
        }
        destinations.refusal(callbackUrl.value()).ifPresent(reason -> {
            throw InvalidCommandException.of(CallbackUrl.FIELD, reason);
        });
    }

    private Order save(Order order) {
        try {
            return events.save(order);
        } catch (ConcurrentOrderUpdateException raced) {
            throw new ConcurrentUpdateException(order.id(), raced);
        }
    }
}
