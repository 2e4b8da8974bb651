package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.event.ReadEventsUseCase;
import dev.orderpay.application.port.in.event.RedeliverEventUseCase;
import dev.orderpay.application.port.in.webhook.PingWebhookEndpointUseCase;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.ScriptedWebhookSender;
import dev.orderpay.application.service.EventRedeliveryService;
import dev.orderpay.application.service.WebhookPingService;
import dev.orderpay.application.port.out.event.EventPayloads;
import dev.orderpay.application.service.EventQueryService;
import dev.orderpay.application.service.EventRecorder;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentUseCase;
import dev.orderpay.application.port.in.confirmation.HandleNotificationUseCase;
import dev.orderpay.application.port.in.order.CreateOrderUseCase;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryDeliveryLog;
import dev.orderpay.application.port.out.InMemoryIdempotencyKeys;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.application.port.out.PublicBaseUrl;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import dev.orderpay.application.service.ConfirmPaymentService;
import dev.orderpay.application.service.CreateOrderService;
import dev.orderpay.application.service.HandleNotificationService;
import dev.orderpay.application.service.OrderQueryService;
import dev.orderpay.application.service.PaymentOperationsService;
import dev.orderpay.application.service.PaymentVerifier;
import dev.orderpay.application.service.WebhookEndpointService;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.webhook.SigningSecretGenerator;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/** The real use cases over in-memory ports, wired as bootstrap wires them over PostgreSQL and Dintero. */
@Factory
class UseCasesForTests {

    static final Duration CHECKOUT_LIFETIME = Duration.ofMinutes(30);
    static final int MAX_WEBHOOK_ENDPOINTS = 16;
    static final Duration WEBHOOK_SECRET_OVERLAP = Duration.ofHours(24);
    // The test clock moves on a second with every reading, so a repeat gives up after a few looks.

    /** Bootstrap makes this bean in production; here it comes from application-test.yml. */
    @Singleton
    PublicBaseUrl publicBaseUrl(@Value("${orderpay.public-url}") String configured) {
        return PublicBaseUrl.of(configured);
    }

    /** Its events are delivered to the webhook endpoints below. */
    @Singleton
    RacingOrderRepository orders(InMemoryWebhookDeliveries deliveries) {
        return new RacingOrderRepository(deliveries);
    }

    @Singleton
    InMemoryWebhookDeliveries webhookDeliveries(InMemoryWebhookEndpoints endpoints) {
        return new InMemoryWebhookDeliveries(endpoints);
    }

    /** Answers 200 unless a test scripts other answers. */
    @Singleton
    ScriptedWebhookSender webhookSender() {
        return new ScriptedWebhookSender();
    }

    @Singleton
    RecordingPaymentGateway gateway() {
        return new RecordingPaymentGateway();
    }

    @Singleton
    InMemoryDeliveryLog deliveries() {
        return new InMemoryDeliveryLog();
    }

    // Each reading moves on by a little over a second, so orders created one after the other are ordered by time,
    // with sub-millisecond digits that a cursor must keep.
    @Singleton
    Clock clock() {
        return TestClock.tickingFrom(Instant.parse("2026-03-08T13:24:40.818000Z"),
                Duration.ofSeconds(1).plusNanos(123_456));
    }

    @Singleton
    InMemoryIdempotencyKeys idempotencyKeys(Clock clock) {
        return new InMemoryIdempotencyKeys(clock);
    }

    /** With the REST adapter's own payloads, as in production. */
    @Singleton
    EventRecorder eventRecorder(InMemoryOrderRepository orders, EventPayloads payloads, Clock clock) {
        return new EventRecorder(orders, payloads, clock);
    }

    /** Orders take a callback_url only where a test sets orderpay.callback-signing-secret, as bootstrap has it. */
    @Singleton
    CreateOrderUseCase createOrder(InMemoryOrderRepository orders, FakePaymentGateway gateway, PaymentUrls urls,
                                   InMemoryIdempotencyKeys idempotencyKeys, WebhookDestinations destinations,
                                   Clock clock, EventRecorder events,
                                   @Value("${orderpay.callback-signing-secret:}") String callbackSecret) {
        return new CreateOrderService(orders, gateway, urls, idempotencyKeys, destinations, clock,
                new CreateOrderService.Policy(CHECKOUT_LIFETIME, Duration.ofDays(1), Duration.ofMinutes(1),
                        !callbackSecret.isEmpty()), events);
    }

    @Singleton
    PaymentVerifier paymentVerifier(InMemoryOrderRepository orders, FakePaymentGateway gateway, Clock clock,
                                    EventRecorder events) {
        return new PaymentVerifier(orders, gateway, clock, events);
    }

    /** The in-memory repository is also the log of the events saved with its orders. */
    @Singleton
    ReadEventsUseCase readEvents(InMemoryOrderRepository orders, InMemoryWebhookDeliveries deliveries) {
        return new EventQueryService(orders, orders, deliveries);
    }

    @Singleton
    RedeliverEventUseCase redeliverEvent(InMemoryOrderRepository orders, InMemoryWebhookEndpoints endpoints,
                                         InMemoryWebhookDeliveries deliveries, Clock clock) {
        return new EventRedeliveryService(orders, endpoints, deliveries, clock);
    }

    /** With the REST adapter's own ping, as in production. */
    @Singleton
    PingWebhookEndpointUseCase pingWebhookEndpoint(InMemoryWebhookEndpoints endpoints, ScriptedWebhookSender sender,
                                                   EventPayloads payloads, Clock clock) {
        return new WebhookPingService(endpoints, sender, payloads, clock);
    }

    @Singleton
    ConfirmPaymentUseCase confirmPayment(InMemoryOrderRepository orders, FakePaymentGateway gateway, Clock clock,
                                         PaymentVerifier verifier) {
        return new ConfirmPaymentService(orders, gateway, clock, verifier);
    }

    @Singleton
    HandleNotificationUseCase handleNotification(InMemoryOrderRepository orders, FakePaymentGateway gateway,
                                                 InMemoryDeliveryLog deliveries, PaymentVerifier verifier) {
        return new HandleNotificationService(orders, gateway, deliveries, verifier);
    }

    /** Serves capture, refund and cancel. */
    @Singleton
    PaymentOperationsService paymentOperations(InMemoryOrderRepository orders, FakePaymentGateway gateway,
                                               Clock clock, PaymentVerifier verifier) {
        return new PaymentOperationsService(orders, gateway, clock, verifier);
    }

    /** Serves reading, listing and totals. */
    @Singleton
    OrderQueryService orderQueries(InMemoryOrderRepository orders) {
        return new OrderQueryService(orders);
    }

    @Singleton
    InMemoryWebhookEndpoints webhookEndpoints() {
        return new InMemoryWebhookEndpoints();
    }

    /** The sender's rule as a stub: https only. The real rules are the webhook adapter's, tested there. */
    @Singleton
    WebhookDestinations webhookDestinations() {
        return url -> "https".equals(url.getScheme()) ? Optional.empty() : Optional.of("must be an https URL");
    }

    /** Serves creating, reading, changing and deleting webhook endpoints, and rotating their secrets. */
    @Singleton
    WebhookEndpointService webhookEndpointService(InMemoryWebhookEndpoints endpoints, WebhookDestinations destinations,
                                                  Clock clock) {
        return new WebhookEndpointService(endpoints, destinations, new SigningSecretGenerator(new Random(10)), clock,
                new WebhookEndpointService.Policy(MAX_WEBHOOK_ENDPOINTS, WEBHOOK_SECRET_OVERLAP));
    }
}
