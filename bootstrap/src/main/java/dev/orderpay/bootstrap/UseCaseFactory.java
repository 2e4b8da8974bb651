package dev.orderpay.bootstrap;

import dev.orderpay.adapter.rest.security.ApiKeys;
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
import dev.orderpay.application.port.out.PublicBaseUrl;
import dev.orderpay.application.port.out.access.ApiKeyStore;
import dev.orderpay.application.port.out.audit.AuditLog;
import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.event.EventPayloads;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.application.port.out.webhook.WebhookSender;
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
import dev.orderpay.domain.access.ApiKeyGenerator;
import dev.orderpay.domain.webhook.RetrySchedule;
import dev.orderpay.domain.webhook.SigningSecretGenerator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Turns the framework-free use cases into beans: the adapters' beans fill the ports, configuration the settings, and
 * {@link UseCases} wires them. Which payment provider fills {@link PaymentGateway} is decided by configuration
 * ({@code payments.provider}). The ports the use cases get are measured here, so the core stays free of Micrometer:
 * provider calls ({@link MeteredPaymentGateway}, which also tells the health check how the last one ended), status
 * changes ({@link StatusTransitionCounting}), webhook attempts ({@link MeteredWebhookDeliveries}) and idempotent
 * replays ({@link CountedReplays}).
 */
@Factory
class UseCaseFactory {

    // A key's last use is told to the minute: writing it on every request would cost a write per request.
    private static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Read once here: the REST adapter's routes and the simulator's checkout page are both addressed under it. */
    @Singleton
    PublicBaseUrl publicBaseUrl(@Value("${orderpay.public-url}") String configured) {
        return PublicBaseUrl.of(configured);
    }

    @Singleton
    UseCases.Ports ports(OrderRepository orders, PaymentGateway gateway, PaymentUrls urls,
                         IdempotentRequests idempotentRequests, IdempotentAnswers idempotentAnswers,
                         DeliveryLog notificationDeliveries, EventLog events,
                         EventPayloads eventPayloads, WebhookEndpoints webhookEndpoints,
                         WebhookDeliveries webhookDeliveries, WebhookSender webhookSender,
                         WebhookDestinations webhookDestinations, ApiKeyStore apiKeys, AuditLog auditLog,
                         Clock clock, @Value("${payments.provider}") String provider, MeterRegistry registry,
                         RecentProviderCalls recentProviderCalls) {
        return new UseCases.Ports(new StatusTransitionCounting(orders, registry),
                new MeteredPaymentGateway(gateway, provider, registry, recentProviderCalls), urls,
                new CountedReplays(idempotentRequests, registry), idempotentAnswers, notificationDeliveries, events,
                eventPayloads, webhookEndpoints,
                new MeteredWebhookDeliveries(webhookDeliveries, registry), webhookSender, webhookDestinations, apiKeys,
                auditLog, clock);
    }

    /**
     * Webhook retry delays are jittered with a {@link Random}, which the calls' threads may share: jitter needs
     * spread, not secrecy. Signing secrets and API keys need secrecy: {@link SecureRandom}. Keys from the
     * environment (absent when key checks are off) hold every scope, so with them no managed key is the last that
     * may manage keys.
     */
    @Singleton
    UseCases.Settings settings(@Value("${orderpay.session-ttl}") Duration checkoutLifetime,
                               @Value("${orderpay.idempotency-key-ttl}") Duration keyLifetime,
                               LongestCheckoutOpening longestCheckoutOpening,
                               @Value("${orderpay.reconcile-after}") Duration settleAfter,
                               @Value("${orderpay.reconcile-claim}") Duration reconcileClaim,
                               @Value("${orderpay.reconcile-batch-size}") int reconcileBatch,
                               @Value("${orderpay.delivery-log-retention}") Duration notificationRetention,
                               @Value("${orderpay.event-retention}") Duration eventRetention,
                               @Value("${orderpay.audit-retention}") Duration auditRetention,
                               @Value("${orderpay.webhook.max-endpoints}") int maxEndpoints,
                               @Value("${orderpay.webhook.secret-overlap}") Duration secretOverlap,
                               @Value("${orderpay.webhook.concurrency}") int concurrency,
                               @Value("${orderpay.webhook.endpoint-concurrency}") int perEndpoint,
                               @Value("${orderpay.webhook.claim-ahead}") int claimAhead,
                               @Value("${orderpay.webhook.claim}") Duration webhookClaim,
                               @Value("${orderpay.webhook.disable-after}") Duration disableAfter,
                               @Value("${orderpay.webhook.retry-schedule}") List<Duration> retryDelays,
                               WebhookCallThreads webhookCalls, CallbackSigningSecret callbackSecret,
                               Optional<ApiKeys> environmentKeys) {
        return new UseCases.Settings(
                // A request with a key is trusted to be at work for as long as two provider exchanges, each bounded
                // like opening a checkout: an operation and the read of the payment after a lost answer.
                new KeyedRequests.Policy(keyLifetime, longestCheckoutOpening.value().multipliedBy(2)),
                new CreateOrderService.Policy(checkoutLifetime, longestCheckoutOpening.value(),
                        callbackSecret.secret().isPresent()),
                new ReconcileOrdersService.Policy(settleAfter, reconcileClaim, reconcileBatch),
                new HousekeepingService.Policy(notificationRetention, eventRetention, auditRetention),
                new WebhookEndpointService.Policy(maxEndpoints, secretOverlap),
                new WebhookDeliveryService.Policy(concurrency, perEndpoint, claimAhead, webhookClaim, disableAfter),
                new RetrySchedule(retryDelays, new Random()),
                new SigningSecretGenerator(new SecureRandom()),
                webhookCalls,
                callbackSecret.secret(),
                new ApiKeyService.Policy(environmentKeys.map(ApiKeys::any).orElse(false), LAST_USE_GRANULARITY),
                new ApiKeyGenerator(new SecureRandom()));
    }

    @Singleton
    UseCases useCases(UseCases.Ports ports, UseCases.Settings settings) {
        return new UseCases(ports, settings);
    }

    @Singleton
    CreateOrderUseCase createOrder(UseCases useCases) {
        return useCases.createOrder();
    }

    /** Serves {@code GetOrderUseCase}, {@code ListOrdersUseCase} and {@code OrderTotalsUseCase}. */
    @Singleton
    OrderQueryService orderQueries(UseCases useCases) {
        return useCases.orderQueries();
    }

    /** Serves {@code CapturePaymentUseCase}, {@code RefundPaymentUseCase} and {@code CancelOrderUseCase}. */
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
    ReconcileOrdersUseCase reconcileOrders(UseCases useCases) {
        return useCases.reconcileOrders();
    }

    @Singleton
    HousekeepingUseCase housekeeping(UseCases useCases) {
        return useCases.housekeeping();
    }

    @Singleton
    ReadEventsUseCase readEvents(UseCases useCases) {
        return useCases.readEvents();
    }

    @Singleton
    RedeliverEventUseCase redeliverEvent(UseCases useCases) {
        return useCases.redeliverEvent();
    }

    /** Serves creating, listing, reading, changing and deleting webhook endpoints, and rotating their secrets. */
    @Singleton
    WebhookEndpointService webhookEndpoints(UseCases useCases) {
        return useCases.webhookEndpoints();
    }

    @Singleton
    PingWebhookEndpointUseCase pingWebhookEndpoint(UseCases useCases) {
        return useCases.pingWebhookEndpoint();
    }

    /** Serves creating, listing, revoking and recognising managed API keys. */
    @Singleton
    ApiKeyService apiKeys(UseCases useCases) {
        return useCases.apiKeys();
    }

    @Singleton
    ListAuditEntriesUseCase listAuditEntries(UseCases useCases) {
        return useCases.listAuditEntries();
    }

    /** The delivery engine, run by {@link WebhookDeliveryJob}. */
    @Singleton
    DeliverWebhooksUseCase deliverWebhooks(UseCases useCases) {
        return useCases.deliverWebhooks();
    }
}
