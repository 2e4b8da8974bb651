package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.audit.ListAuditEntriesUseCase;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentUseCase;
import dev.orderpay.application.port.in.confirmation.HandleNotificationUseCase;
import dev.orderpay.application.port.in.event.ReadEventsUseCase;
import dev.orderpay.application.port.in.event.RedeliverEventUseCase;
import dev.orderpay.application.port.in.order.CreateOrderUseCase;
import dev.orderpay.application.port.in.webhook.PingWebhookEndpointUseCase;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryDeliveryLog;
import dev.orderpay.application.port.out.IdempotentAnswers;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.application.port.out.PublicBaseUrl;
import dev.orderpay.adapter.rest.security.ApiKeys;
import dev.orderpay.application.port.out.access.InMemoryApiKeyStore;
import dev.orderpay.application.port.out.audit.InMemoryAuditLog;
import dev.orderpay.application.port.out.event.EventPayloads;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.application.port.out.webhook.ScriptedWebhookSender;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import dev.orderpay.application.service.ApiKeyService;
import dev.orderpay.application.service.CreateOrderService;
import dev.orderpay.application.service.HousekeepingService;
import dev.orderpay.application.service.KeyedRequests;
import dev.orderpay.application.service.OrderQueryService;
import dev.orderpay.application.service.PaymentOperationsService;
import dev.orderpay.application.service.ReconcileOrdersService;
import dev.orderpay.application.service.UseCases;
import dev.orderpay.application.service.WebhookDeliveryService;
import dev.orderpay.application.service.WebhookEndpointService;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.access.ApiKeyGenerator;
import dev.orderpay.domain.webhook.RetrySchedule;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.SigningSecretGenerator;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The real use cases over in-memory ports, wired as bootstrap wires them over PostgreSQL and Dintero. */
@Factory
class UseCasesForTests {

    static final Duration CHECKOUT_LIFETIME = Duration.ofMinutes(30);
    static final Duration KEY_LIFETIME = Duration.ofDays(1);
    /** How long a request with a key is held: the clock ticks a second a reading, so this is many readings. */
    static final Duration HOLD = Duration.ofMinutes(10);
    static final int MAX_WEBHOOK_ENDPOINTS = 16;
    static final Duration WEBHOOK_SECRET_OVERLAP = Duration.ofHours(24);

    /** Bootstrap makes this bean in production; here it comes from application-test.yml. */
    @Singleton
    PublicBaseUrl publicBaseUrl(@Value("${orderpay.public-url}") String configured) {
        return PublicBaseUrl.of(configured);
    }

    /** Its events are delivered to the webhook endpoints below. */
    @Singleton
    RacingOrderRepository orders(InMemoryWebhookDeliveries deliveries, InMemoryAuditLog auditLog) {
        return new RacingOrderRepository(deliveries, auditLog);
    }

    /** Where the in-memory stores record the audit entries of the changes they save. */
    @Singleton
    InMemoryAuditLog auditLog() {
        return new InMemoryAuditLog();
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
    InMemoryIdempotentRequests idempotentRequests(Clock clock) {
        return new InMemoryIdempotentRequests(clock);
    }

    /**
     * Wired as bootstrap wires them, by the application's one wiring routine. Orders take a callback_url only where a
     * test sets orderpay.callback-signing-secret, as in production.
     */
    @Singleton
    UseCases useCases(InMemoryOrderRepository orders, FakePaymentGateway gateway, PaymentUrls urls,
                      InMemoryIdempotentRequests idempotentRequests, IdempotentAnswers idempotentAnswers,
                      InMemoryDeliveryLog notificationDeliveries,
                      EventPayloads eventPayloads, InMemoryWebhookEndpoints endpoints,
                      InMemoryWebhookDeliveries webhookDeliveries, ScriptedWebhookSender sender,
                      WebhookDestinations destinations, InMemoryApiKeyStore apiKeys, InMemoryAuditLog auditLog,
                      Clock clock,
                      @Value("${orderpay.callback-signing-secret:}") String callbackSecret,
                      Optional<ApiKeys> environmentKeys) {
        Optional<SigningSecret> callbackSigning = callbackSecret.isEmpty()
                ? Optional.empty()
                : Optional.of(new SigningSecret(callbackSecret));
        // The in-memory repository is also the log of the events saved with its orders.
        UseCases.Ports ports = new UseCases.Ports(orders, gateway, urls, idempotentRequests, idempotentAnswers,
                notificationDeliveries, orders, eventPayloads, endpoints, webhookDeliveries, sender, destinations,
                apiKeys, auditLog, clock);
        return new UseCases(ports, new UseCases.Settings(
                new KeyedRequests.Policy(KEY_LIFETIME, HOLD),
                new CreateOrderService.Policy(CHECKOUT_LIFETIME, Duration.ofMinutes(1), callbackSigning.isPresent()),
                new ReconcileOrdersService.Policy(Duration.ofMinutes(5), Duration.ofMinutes(2), 50),
                new HousekeepingService.Policy(Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(400)),
                new WebhookEndpointService.Policy(MAX_WEBHOOK_ENDPOINTS, WEBHOOK_SECRET_OVERLAP),
                new WebhookDeliveryService.Policy(4, 4, 1, Duration.ofMinutes(2), Duration.ofDays(3)),
                new RetrySchedule(List.of(Duration.ofMinutes(1)), new Random(10)),
                new SigningSecretGenerator(new Random(10)),
                Runnable::run,
                callbackSigning,
                new ApiKeyService.Policy(environmentKeys.map(ApiKeys::any).orElse(false), Duration.ofMinutes(1)),
                new ApiKeyGenerator(new SecureRandom())));
    }

    @Singleton
    CreateOrderUseCase createOrder(UseCases useCases) {
        return useCases.createOrder();
    }

    /** Serves reading, listing and totals. */
    @Singleton
    OrderQueryService orderQueries(UseCases useCases) {
        return useCases.orderQueries();
    }

    /** Serves capture, refund and cancel. */
    @Singleton
    PaymentOperationsService paymentOperations(UseCases useCases) {
        return useCases.paymentOperations();
    }

    @Singleton
    ConfirmPaymentUseCase confirmPayment(UseCases useCases) {
        return useCases.confirmPayment();
    }

    @Singleton
    HandleNotificationUseCase handleNotification(UseCases useCases) {
        return useCases.handleNotification();
    }

    @Singleton
    ReadEventsUseCase readEvents(UseCases useCases) {
        return useCases.readEvents();
    }

    @Singleton
    RedeliverEventUseCase redeliverEvent(UseCases useCases) {
        return useCases.redeliverEvent();
    }

    /** Serves creating, reading, changing and deleting webhook endpoints, and rotating their secrets. */
    @Singleton
    WebhookEndpointService webhookEndpointService(UseCases useCases) {
        return useCases.webhookEndpoints();
    }

    /** With the REST adapter's own ping, as in production. */
    @Singleton
    PingWebhookEndpointUseCase pingWebhookEndpoint(UseCases useCases) {
        return useCases.pingWebhookEndpoint();
    }

    @Singleton
    ListAuditEntriesUseCase listAuditEntries(UseCases useCases) {
        return useCases.listAuditEntries();
    }

    /** Serves creating, listing, revoking and recognising managed API keys. */
    @Singleton
    ApiKeyService apiKeyService(UseCases useCases) {
        return useCases.apiKeys();
    }

    @Singleton
    InMemoryApiKeyStore apiKeyStore(InMemoryAuditLog auditLog) {
        return new InMemoryApiKeyStore(auditLog);
    }

    @Singleton
    InMemoryWebhookEndpoints webhookEndpoints(InMemoryAuditLog auditLog) {
        return new InMemoryWebhookEndpoints(auditLog);
    }

    /** The sender's rule as a stub: https only. The real rules are the webhook adapter's, tested there. */
    @Singleton
    WebhookDestinations webhookDestinations() {
        return url -> "https".equals(url.getScheme()) ? Optional.empty() : Optional.of("must be an https URL");
    }
}
