package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.confirmation.ConfirmPaymentUseCase;
import dev.orderpay.application.port.in.confirmation.HandleNotificationUseCase;
import dev.orderpay.application.port.in.event.ReadEventsUseCase;
import dev.orderpay.application.port.in.maintenance.HousekeepingUseCase;
import dev.orderpay.application.port.in.maintenance.ReconcileOrdersUseCase;
import dev.orderpay.application.port.in.order.CreateOrderUseCase;
import dev.orderpay.application.port.out.DeliveryLog;
import dev.orderpay.application.port.out.IdempotencyKeys;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.application.port.out.PublicBaseUrl;
import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.event.EventPayloads;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.application.service.ConfirmPaymentService;
import dev.orderpay.application.service.CreateOrderService;
import dev.orderpay.application.service.EventQueryService;
import dev.orderpay.application.service.EventRecorder;
import dev.orderpay.application.service.HandleNotificationService;
import dev.orderpay.application.service.HousekeepingService;
import dev.orderpay.application.service.OrderQueryService;
import dev.orderpay.application.service.PaymentOperationsService;
import dev.orderpay.application.service.PaymentVerifier;
import dev.orderpay.application.service.ReconcileOrdersService;
import dev.orderpay.application.service.WebhookEndpointService;
import dev.orderpay.domain.webhook.SigningSecretGenerator;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns the framework-free use cases into beans. The ports they need are the adapters' beans; which
 * payment provider fills {@link PaymentGateway} is decided by configuration ({@code payments.provider}).
 */
@Factory
class UseCaseFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Read once here: the REST adapter's routes and the simulator's checkout page are both addressed under it. */
    @Singleton
    PublicBaseUrl publicBaseUrl(@Value("${orderpay.public-url}") String configured) {
        return PublicBaseUrl.of(configured);
    }

    /** Every order change is saved through this, with the events it gives (the transactional outbox). */
    @Singleton
    EventRecorder eventRecorder(OrderRepository orders, EventPayloads payloads, Clock clock) {
        return new EventRecorder(orders, payloads, clock);
    }

    @Singleton
    CreateOrderUseCase createOrder(OrderRepository orders, PaymentGateway gateway, PaymentUrls urls,
                                   IdempotencyKeys idempotencyKeys, Clock clock,
                                   @Value("${orderpay.session-ttl}") Duration checkoutLifetime,
                                   @Value("${orderpay.idempotency-key-ttl}") Duration keyLifetime,
                                   LongestCheckoutOpening longestCheckoutOpening, EventRecorder events) {
        return new CreateOrderService(orders, gateway, urls, idempotencyKeys, clock,
                new CreateOrderService.Policy(checkoutLifetime, keyLifetime, longestCheckoutOpening.value()), events);
    }

    /** The one way the return, the notification, reconciliation and operations apply what the provider shows. */
    @Singleton
    PaymentVerifier paymentVerifier(OrderRepository orders, PaymentGateway gateway, Clock clock,
                                    EventRecorder events) {
        return new PaymentVerifier(orders, gateway, clock, events);
    }

    /** Serves {@code CapturePaymentUseCase}, {@code RefundPaymentUseCase} and {@code CancelOrderUseCase}. */
    @Singleton
    PaymentOperationsService paymentOperations(OrderRepository orders, PaymentGateway gateway, Clock clock,
                                               PaymentVerifier verifier) {
        return new PaymentOperationsService(orders, gateway, clock, verifier);
    }

    @Singleton
    ConfirmPaymentUseCase confirmPayment(OrderRepository orders, PaymentGateway gateway, Clock clock,
                                         PaymentVerifier verifier) {
        return new ConfirmPaymentService(orders, gateway, clock, verifier);
    }

    @Singleton
    HandleNotificationUseCase handleNotification(OrderRepository orders, PaymentGateway gateway,
                                                 DeliveryLog deliveries, PaymentVerifier verifier) {
        return new HandleNotificationService(orders, gateway, deliveries, verifier);
    }

    @Singleton
    ReconcileOrdersUseCase reconcileOrders(OrderRepository orders, PaymentGateway gateway, Clock clock,
                                           PaymentVerifier verifier,
                                           @Value("${orderpay.reconcile-after}") Duration settleAfter,
                                           @Value("${orderpay.reconcile-claim}") Duration claimFor,
                                           @Value("${orderpay.reconcile-batch-size}") int batchSize) {
        return new ReconcileOrdersService(orders, gateway, clock,
                new ReconcileOrdersService.Policy(settleAfter, claimFor, batchSize), verifier);
    }

    @Singleton
    HousekeepingUseCase housekeeping(IdempotencyKeys idempotencyKeys, DeliveryLog deliveryLog, Clock clock,
                                     @Value("${orderpay.delivery-log-retention}") Duration deliveryRetention) {
        return new HousekeepingService(idempotencyKeys, deliveryLog, clock, deliveryRetention);
    }

    @Singleton
    ReadEventsUseCase readEvents(EventLog events, OrderRepository orders) {
        return new EventQueryService(events, orders);
    }

    /** Serves {@code GetOrderUseCase}, {@code ListOrdersUseCase} and {@code OrderTotalsUseCase}. */
    @Singleton
    OrderQueryService orderQueries(OrderRepository orders) {
        return new OrderQueryService(orders);
    }

    /** Serves creating, listing, reading, changing and deleting webhook endpoints, and rotating their secrets. */
    @Singleton
    WebhookEndpointService webhookEndpoints(WebhookEndpoints endpoints, WebhookDestinations destinations, Clock clock,
                                            @Value("${orderpay.webhook.max-endpoints}") int maxEndpoints,
                                            @Value("${orderpay.webhook.secret-overlap}") Duration secretOverlap) {
        return new WebhookEndpointService(endpoints, destinations, new SigningSecretGenerator(new SecureRandom()),
                clock, new WebhookEndpointService.Policy(maxEndpoints, secretOverlap));
    }
}
