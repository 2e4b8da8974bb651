package dev.orderpay.application.service;

import dev.orderpay.application.port.in.audit.ListAuditEntriesUseCase;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentUseCase;
import dev.orderpay.application.port.in.confirmation.HandleNotificationUseCase;
import dev.orderpay.application.port.in.event.ReadEventsUseCase;
import dev.orderpay.application.port.in.event.RedeliverEventUseCase;
import dev.orderpay.application.port.in.maintenance.DeliverWebhooksUseCase;
import dev.orderpay.application.port.in.maintenance.HousekeepingUseCase;
import dev.orderpay.application.port.in.maintenance.ReconcileOrdersUseCase;
import dev.orderpay.application.port.in.order.CreateOrderUseCase;
import dev.orderpay.application.port.in.webhook.PingWebhookEndpointUseCase;
import dev.orderpay.application.port.out.DeliveryLog;
import dev.orderpay.application.port.out.IdempotentAnswers;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.application.port.out.access.ApiKeyStore;
import dev.orderpay.application.port.out.audit.AuditLog;
import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.event.EventPayloads;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.application.port.out.webhook.WebhookSender;
import dev.orderpay.domain.access.ApiKeyGenerator;
import dev.orderpay.domain.webhook.RetrySchedule;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.SigningSecretGenerator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The one wiring of the use cases: which service gets which ports, and which services share one instance (every
 * change is saved through one {@link EventRecorder}; the return, the notification, reconciliation and the operations
 * apply what the provider shows through one {@link PaymentVerifier}; every request with an idempotency key follows
 * one {@link KeyedRequests}). The application's Micronaut factory builds it
 * over PostgreSQL and the configured provider, the REST adapter's tests over in-memory ports; both then hand out
 * what it holds.
 */
public final class UseCases {

    /** What the use cases need from outside the application. */
    public record Ports(OrderRepository orders, PaymentGateway gateway, PaymentUrls urls,
                        IdempotentRequests idempotentRequests, IdempotentAnswers idempotentAnswers,
                        DeliveryLog notificationDeliveries, EventLog events,
                        EventPayloads eventPayloads, WebhookEndpoints webhookEndpoints,
                        WebhookDeliveries webhookDeliveries, WebhookSender webhookSender,
                        WebhookDestinations webhookDestinations, ApiKeyStore apiKeys, AuditLog auditLog,
                        Clock clock) {
        public Ports {
            Objects.requireNonNull(orders, "orders");
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(urls, "urls");
            Objects.requireNonNull(idempotentRequests, "idempotentRequests");
            Objects.requireNonNull(idempotentAnswers, "idempotentAnswers");
            Objects.requireNonNull(notificationDeliveries, "notificationDeliveries");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(eventPayloads, "eventPayloads");
            Objects.requireNonNull(webhookEndpoints, "webhookEndpoints");
            Objects.requireNonNull(webhookDeliveries, "webhookDeliveries");
            Objects.requireNonNull(webhookSender, "webhookSender");
            Objects.requireNonNull(webhookDestinations, "webhookDestinations");
            Objects.requireNonNull(apiKeys, "apiKeys");
            Objects.requireNonNull(auditLog, "auditLog");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /**
     * The settings each use case is given.
     *
     * @param idempotency                   how long idempotency keys are remembered, and their requests held
     * @param retries                       the waits between a webhook's attempts
     * @param secrets                       makes webhook endpoints' signing secrets
     * @param webhookCalls                  runs the webhook calls, with room for {@code webhookDelivery}'s
     *                                      concurrency
     * @param callbackSecret                what webhooks to orders' callback URLs are signed with; orders take a
     *                                      callback URL exactly when there is one
     * @param keyGenerator                  makes managed API keys
     */
    public record Settings(KeyedRequests.Policy idempotency, CreateOrderService.Policy creation,
                           ReconcileOrdersService.Policy reconciliation,
                           HousekeepingService.Policy housekeeping, WebhookEndpointService.Policy webhookEndpoints,
                           WebhookDeliveryService.Policy webhookDelivery, RetrySchedule retries,
                           SigningSecretGenerator secrets, Executor webhookCalls,
                           Optional<SigningSecret> callbackSecret, ApiKeyService.Policy apiKeys,
                           ApiKeyGenerator keyGenerator) {
        public Settings {
            Objects.requireNonNull(idempotency, "idempotency");
            Objects.requireNonNull(creation, "creation");
            Objects.requireNonNull(reconciliation, "reconciliation");
            Objects.requireNonNull(housekeeping, "housekeeping");
            Objects.requireNonNull(webhookEndpoints, "webhookEndpoints");
            Objects.requireNonNull(webhookDelivery, "webhookDelivery");
            Objects.requireNonNull(retries, "retries");
            Objects.requireNonNull(secrets, "secrets");
            Objects.requireNonNull(webhookCalls, "webhookCalls");
            Objects.requireNonNull(callbackSecret, "callbackSecret");
            Objects.requireNonNull(apiKeys, "apiKeys");
            Objects.requireNonNull(keyGenerator, "keyGenerator");
            if (creation.callbacksSigned() != callbackSecret.isPresent()) {
                throw new IllegalArgumentException("orders take a callback URL exactly when callbacks can be signed");
            }
        }
    }

    private final CreateOrderService createOrder;
    private final OrderQueryService orderQueries;
    private final PaymentOperationsService paymentOperations;
    private final ConfirmPaymentService confirmPayment;
    private final HandleNotificationService handleNotification;
    private final ReconcileOrdersService reconcileOrders;
    private final HousekeepingService housekeeping;
    private final EventQueryService readEvents;
    private final EventRedeliveryService redeliverEvent;
    private final WebhookEndpointService webhookEndpoints;
    private final WebhookPingService pingWebhookEndpoint;
    private final WebhookDeliveryService deliverWebhooks;
    private final ApiKeyService apiKeys;
    private final AuditQueryService auditQueries;

    public UseCases(Ports ports, Settings settings) {
        Clock clock = ports.clock();
        EventRecorder recorder = new EventRecorder(ports.orders(), ports.eventPayloads(), clock);
        PaymentVerifier verifier = new PaymentVerifier(ports.orders(), ports.gateway(), clock, recorder);
        KeyedRequests keyed = new KeyedRequests(ports.idempotentRequests(), clock, settings.idempotency());
        createOrder = new CreateOrderService(ports.orders(), ports.gateway(), ports.urls(), keyed,
                ports.idempotentAnswers(), ports.webhookDestinations(), clock, settings.creation(), recorder);
        orderQueries = new OrderQueryService(ports.orders());
        paymentOperations = new PaymentOperationsService(ports.orders(), ports.gateway(), clock, verifier, keyed,
                ports.idempotentAnswers());
        confirmPayment = new ConfirmPaymentService(ports.orders(), ports.gateway(), clock, verifier);
        handleNotification = new HandleNotificationService(ports.orders(), ports.gateway(),
                ports.notificationDeliveries(), verifier);
        reconcileOrders = new ReconcileOrdersService(ports.orders(), ports.gateway(), clock,
                settings.reconciliation(), verifier);
        housekeeping = new HousekeepingService(ports.idempotentRequests(), ports.notificationDeliveries(),
                ports.events(), ports.auditLog(), clock, settings.housekeeping());
        readEvents = new EventQueryService(ports.events(), ports.orders(), ports.webhookDeliveries());
        redeliverEvent = new EventRedeliveryService(ports.events(), ports.webhookEndpoints(),
                ports.webhookDeliveries(), clock);
        webhookEndpoints = new WebhookEndpointService(ports.webhookEndpoints(), ports.webhookDestinations(),
                settings.secrets(), clock, settings.webhookEndpoints(), keyed, ports.idempotentAnswers());
        pingWebhookEndpoint = new WebhookPingService(ports.webhookEndpoints(), ports.webhookSender(),
                ports.eventPayloads(), clock);
        deliverWebhooks = new WebhookDeliveryService(ports.webhookDeliveries(), ports.webhookEndpoints(),
                ports.webhookSender(), settings.retries(), clock, settings.webhookCalls(),
                settings.webhookDelivery(), settings.callbackSecret());
        apiKeys = new ApiKeyService(ports.apiKeys(), settings.keyGenerator(), clock, settings.apiKeys(), keyed,
                ports.idempotentAnswers());
        auditQueries = new AuditQueryService(ports.auditLog());
    }

    public CreateOrderUseCase createOrder() {
        return createOrder;
    }

    /** Reading, listing and totals of orders. */
    public OrderQueryService orderQueries() {
        return orderQueries;
    }

    /** Capture, refund and cancel. */
    public PaymentOperationsService paymentOperations() {
        return paymentOperations;
    }

    public ConfirmPaymentUseCase confirmPayment() {
        return confirmPayment;
    }

    public HandleNotificationUseCase handleNotification() {
        return handleNotification;
    }

    public ReconcileOrdersUseCase reconcileOrders() {
        return reconcileOrders;
    }

    public HousekeepingUseCase housekeeping() {
        return housekeeping;
    }

    public ReadEventsUseCase readEvents() {
        return readEvents;
    }

    public RedeliverEventUseCase redeliverEvent() {
        return redeliverEvent;
    }

    /** Creating, listing, reading, changing and deleting webhook endpoints, and rotating their secrets. */
    public WebhookEndpointService webhookEndpoints() {
        return webhookEndpoints;
    }

    public PingWebhookEndpointUseCase pingWebhookEndpoint() {
        return pingWebhookEndpoint;
    }

    public DeliverWebhooksUseCase deliverWebhooks() {
        return deliverWebhooks;
    }

    /** Creating, listing, revoking and recognising managed API keys. */
    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    public ListAuditEntriesUseCase listAuditEntries() {
        return auditQueries;
    }
}
