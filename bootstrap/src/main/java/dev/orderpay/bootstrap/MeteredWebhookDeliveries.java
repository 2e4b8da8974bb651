package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.application.port.out.webhook.AttemptRecord;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.application.port.out.webhook.Recording;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measures webhook delivery where the engine claims and records it: the lag from an event to its delivery's first
 * attempt ({@code orderpay_webhook_delivery_lag}, taken when the delivery is claimed, just before its call) and each
 * recorded attempt's outcome ({@code orderpay_webhook_attempts}: delivered, retry or failed). A redelivery's first
 * attempt counts from its event too.
 */
final class MeteredWebhookDeliveries implements WebhookDeliveries {

    static final String LAG = "orderpay.webhook.delivery.lag";
    static final String ATTEMPTS = "orderpay.webhook.attempts";

    private final WebhookDeliveries deliveries;
    private final Timer lag;
    private final Map<DeliveryState, Counter> attemptsBy = new EnumMap<>(DeliveryState.class);

    MeteredWebhookDeliveries(WebhookDeliveries deliveries, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.lag = Timer.builder(LAG)
                .description("From an event to its delivery's first attempt")
                .serviceLevelObjectives(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5))
                .register(registry);
        for (DeliveryState stateAfter : DeliveryState.values()) {
            attemptsBy.put(stateAfter, Counter.builder(ATTEMPTS)
                    .description("Webhook delivery attempts recorded, by what they made of the delivery")
                    .tag("outcome", outcomeOf(stateAfter))
                    .register(registry));
        }
    }

    @Override
    public List<DueDelivery> claimDue(Instant now, Instant claimedUntil, int limit, int perEndpoint) {
        List<DueDelivery> claimed = deliveries.claimDue(now, claimedUntil, limit, perEndpoint);
        claimed.stream()
                .filter(due -> due.attemptsMade() == 0)
                .forEach(due -> lag.record(Duration.between(due.event().createdAt(), now)));
        return claimed;
    }

    @Override
    public int releaseClaims(Collection<WebhookDeliveryId> ids, Instant claimedUntil) {
        return deliveries.releaseClaims(ids, claimedUntil);
    }

    @Override
    public Map<WebhookDeliveryId, Recording> record(Map<WebhookDeliveryId, AttemptRecord> attempts) {
        Map<WebhookDeliveryId, Recording> recordings = deliveries.record(attempts);
        recordings.forEach((id, recording) -> {
            if (recording instanceof Recording.Recorded) {
                attemptsBy.get(attempts.get(id).stateAfter()).increment();
            }
        });
        return recordings;
    }

    private static String outcomeOf(DeliveryState stateAfter) {
        return switch (stateAfter) {
            case DELIVERED -> "delivered";
            case PENDING -> "retry";
            case FAILED -> "failed";
        };
    }

    @Override
    public List<EventDelivery> findByEvent(EventId eventId) {
        return deliveries.findByEvent(eventId);
    }

    @Override
    public List<EventDelivery> redeliver(EventId eventId, List<WebhookEndpointId> endpoints, boolean toOrderCallback,
                                         Instant now, AuditEntry audit) {
        return deliveries.redeliver(eventId, endpoints, toOrderCallback, now, audit);
    }

    @Override
    public long countPending() {
        return deliveries.countPending();
    }
}
