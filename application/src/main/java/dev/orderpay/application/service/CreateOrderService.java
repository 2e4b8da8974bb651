package dev.orderpay.application.service;

import dev.orderpay.application.port.in.ConcurrentUpdateException;
import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.order.CheckoutFailedException;
import dev.orderpay.application.port.in.order.CreateOrderCommand;
import dev.orderpay.application.port.in.order.CreateOrderUseCase;
import dev.orderpay.application.port.in.order.CreatedOrder;
import dev.orderpay.application.port.in.order.IdempotencyKey;
import dev.orderpay.application.port.in.order.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.order.IdempotentRequestInProgressException;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.IdempotencyKeys;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
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

/**
 * Stores the order before asking the provider for a checkout, so that a provider failure leaves a FAILED order
 * behind rather than nothing, and a checkout never exists for an order we do not know. An idempotency key is
 * claimed, with the new order's id, before anything else happens, so that of two requests with one key only one
 * creates an order and the other returns it. Reconciliation leaves the order alone while its checkout may still be
 * being opened, so the creation always stores the outcome itself. A callback URL is checked before anything is
 * stored: its webhooks must be signable (the service has a callback signing secret) and allowed to go there.
 */
public final class CreateOrderService implements CreateOrderUseCase {

    /**
     * @param checkoutLifetime       how long the buyer has to pay before the checkout expires
     * @param keyLifetime            how long an idempotency key is remembered
     * @param longestCheckoutOpening the longest the provider may take to open a checkout, timeouts and retries
     *                               included: for that long the creation holds its order from reconciliation
     * @param callbacksSigned        whether the service has a secret to sign callbacks with; without one an order
     *                               with a callback URL is refused
     */
    public record Policy(Duration checkoutLifetime, Duration keyLifetime, Duration longestCheckoutOpening,
                         boolean callbacksSigned) {
        public Policy {
            Objects.requireNonNull(checkoutLifetime, "checkoutLifetime");
            Objects.requireNonNull(keyLifetime, "keyLifetime");
            Objects.requireNonNull(longestCheckoutOpening, "longestCheckoutOpening");
        }
    }

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final PaymentUrls urls;
    private final IdempotencyKeys idempotencyKeys;
    private final WebhookDestinations destinations;
    private final Clock clock;
    private final Policy policy;
    private final EventRecorder events;

    CreateOrderService(OrderRepository orders, PaymentGateway gateway, PaymentUrls urls,
                       IdempotencyKeys idempotencyKeys, WebhookDestinations destinations, Clock clock, Policy policy,
                       EventRecorder events) {
        this.orders = orders;
        this.gateway = gateway;
        this.urls = urls;
        this.idempotencyKeys = idempotencyKeys;
        this.destinations = destinations;
        this.clock = clock;
        this.policy = policy;
        this.events = events;
    }

    @Override
    public CreatedOrder createOrder(CreateOrderCommand command) {
        command.callbackUrl().ifPresent(this::requireUsableCallback);
        OrderId id = OrderId.newId();
        if (command.idempotencyKey().isPresent()) {
            IdempotencyKey key = command.idempotencyKey().get();
            Optional<IdempotencyKeys.Claim> earlier = idempotencyKeys.claim(key.clientId(), key.key(),
                    command.fingerprint(), id, clock.instant().plus(policy.keyLifetime()));
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(command.fingerprint())) {
                    throw new IdempotencyKeyReusedException();
                }
                return new CreatedOrder(createdEarlier(earlier.get().orderId()), true);
            }
        }
        return new CreatedOrder(create(id, command), false);
    }

    private Order create(OrderId id, CreateOrderCommand command) {
        // Microseconds: what the database keeps, so a stored order and its cursor compare equal.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Order order = Order.place(id, command.amount(), command.receipt(), command.callbackUrl(), now);
        // Without a session the order looks like one whose creation was cut short, which reconciliation fails;
        // the hold keeps it away while this request may still be waiting for the provider.
        orders.add(order, now.plus(policy.longestCheckoutOpening()));

        PaymentSession session;
        try {
            session = gateway.openCheckout(new CheckoutRequest(order.id(), order.amount(),
                    urls.returnUrl(order.id()), urls.notificationUrl(order.id()), now.plus(policy.checkoutLifetime())));
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

    /**
     * The order the first request with the key created, once its checkout is open (or failed to open). Until then
     * the repeat is told so at once rather than holding a request thread while the provider answers the first.
     */
    private Order createdEarlier(OrderId id) {
        return orders.findById(id)
                .filter(CreateOrderService::isCreated)
                .orElseThrow(IdempotentRequestInProgressException::new);
    }

    private static boolean isCreated(Order order) {
        return order.session().isPresent() || order.status() != OrderStatus.PENDING;
    }
}
