package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.confirmation.ConfirmPaymentUseCase;
import dev.orderpay.application.port.in.confirmation.HandleNotificationUseCase;
import dev.orderpay.application.port.in.event.ReadEventsUseCase;
import dev.orderpay.application.port.in.event.RedeliverEventUseCase;
import dev.orderpay.application.port.in.maintenance.DeliverWebhooksUseCase;
import dev.orderpay.application.port.in.webhook.PingWebhookEndpointUseCase;
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
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.application.port.out.webhook.WebhookSender;
import dev.orderpay.application.service.ConfirmPaymentService;
import dev.orderpay.application.service.CreateOrderService;
import dev.orderpay.application.service.EventQueryService;
import dev.orderpay.application.service.EventRecorder;
import dev.orderpay.application.service.EventRedeliveryService;
import dev.orderpay.application.service.HandleNotificationService;
import dev.orderpay.application.service.HousekeepingService;
import dev.orderpay.application.service.OrderQueryService;
import dev.orderpay.application.service.PaymentOperationsService;
import dev.orderpay.application.service.PaymentVerifier;
import dev.orderpay.application.service.ReconcileOrdersService;
import dev.orderpay.application.service.WebhookDeliveryService;
import dev.orderpay.application.service.WebhookEndpointService;
import dev.orderpay.application.service.WebhookPingService;
import dev.orderpay.domain.webhook.RetrySchedule;
import dev.orderpay.domain.webhook.SigningSecretGenerator;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

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
    HousekeepingUseCase housekeeping(IdempotencyKeys idempotencyKeys, DeliveryLog deliveryLog, EventLog events,
                                     Clock clock,
                                     @Value("${orderpay.delivery-log-retention}") Duration deliveryRetention,
                                     @Value("${orderpay.event-retention}") Duration eventRetention) {
        return new HousekeepingService(idempotencyKeys, deliveryLog, events, clock,
                new HousekeepingService.Policy(deliveryRetention, eventRetention));
    }

    @Singleton
    ReadEventsUseCase readEvents(EventLog events, OrderRepository orders, WebhookDeliveries deliveries) {
        return new EventQueryService(events, orders, deliveries);
    }

    @Singleton
    RedeliverEventUseCase redeliverEvent(EventLog events, WebhookEndpoints endpoints, WebhookDeliveries deliveries,
                                         Clock clock) {
        return new EventRedeliveryService(events, endpoints, deliveries, clock);
    }

    /**
     * The delivery engine, run by {@link WebhookDeliveryJob}. Its retry delays are jittered with a {@link Random},
     * which the calls' threads may share: jitter needs spread, not secrecy.
     */
    @Singleton
    DeliverWebhooksUseCase deliverWebhooks(WebhookDeliveries deliveries, WebhookEndpoints endpoints,
                                           WebhookSender sender, Clock clock, WebhookCallThreads threads,
                                           @Value("${orderpay.webhook.retry-schedule}") List<Duration> retryDelays,
                                           @Value("${orderpay.webhook.concurrency}") int concurrency,
                                           @Value("${orderpay.webhook.endpoint-concurrency}") int perEndpoint,
                                           @Value("${orderpay.webhook.claim}") Duration claimFor,
                                           @Value("${orderpay.webhook.disable-after}") Duration disableAfter) {
        return new WebhookDeliveryService(deliveries, endpoints, sender,
                new RetrySchedule(retryDelays, new Random()), clock, threads,
                new WebhookDeliveryService.Policy(concurrency, perEndpoint, claimFor, disableAfter));
    }

    @Singleton
    PingWebhookEndpointUseCase pingWebhookEndpoint(WebhookEndpoints endpoints, WebhookSender sender,
                                                   EventPayloads payloads, Clock clock) {
        return new WebhookPingService(endpoints, sender, payloads, clock);
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
