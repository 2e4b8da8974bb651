package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.application.port.out.webhook.AttemptRecord;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.application.port.out.webhook.Recording;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.net.URI;
import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Webhook deliveries in PostgreSQL. Their rows are made with the events by {@link JdbcOrderRepository}; here they
 * are claimed, recorded and read. Claiming and recording are one statement each, so neither holds a transaction
 * open, and nothing here is ever called while a webhook call runs.
 */
@Singleton
class JdbcWebhookDeliveries implements WebhookDeliveries {

    private final WebhookDeliveryRowRepository rows;
    private final RecordedAttemptRowRepository recordedAttempts;
    private final EventRowRepository events;
    private final CallbackDestinationRowRepository callbacks;
    private final AuditRowRepository audit;
    private final TransactionOperations<Connection> transactions;

    JdbcWebhookDeliveries(WebhookDeliveryRowRepository rows, RecordedAttemptRowRepository recordedAttempts, EventRowRepository events,
                          CallbackDestinationRowRepository callbacks, AuditRowRepository audit,
                          TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.recordedAttempts = recordedAttempts;
        this.events = events;
        this.callbacks = callbacks;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public long countPending() {
        return rows.countPending();
    }

    @Override
    public List<DueDelivery> claimDue(Instant now, Instant claimedUntil, int limit, int perEndpoint) {
        List<WebhookDeliveryRow> claimed = rows.claimDue(now, claimedUntil, limit, perEndpoint);
        if (claimed.isEmpty()) {
            return List.of();
        }
        // The events after the claim: they never change, and an event removed meanwhile took its delivery along.
        Map<UUID, Event> carried = events.findByIdIn(claimed.stream().map(WebhookDeliveryRow::eventId).toList())
                .stream().map(EventRowMapper::toEvent)
                .collect(Collectors.toMap(event -> event.id().value(), Function.identity()));
        Map<UUID, CallbackUrl> toCallbacks = callbackUrls(claimed);
        return claimed.stream()
                .filter(row -> carried.containsKey(row.eventId()))
                .map(row -> WebhookDeliveryRowMapper.toDue(row, Optional.ofNullable(toCallbacks.get(row.endpointId())),
                        carried.get(row.eventId())))
                .toList();
    }

    @Override
    public int releaseClaims(Collection<WebhookDeliveryId> deliveries, Instant claimedUntil) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        return rows.releaseClaims(deliveries.stream().map(WebhookDeliveryId::value).toList(), claimedUntil);
    }

    /** Where the deliveries among these that go to an order's callback go, by their destination's id. */
    private Map<UUID, CallbackUrl> callbackUrls(List<WebhookDeliveryRow> deliveries) {
        Set<UUID> destinations = deliveries.stream().filter(WebhookDeliveryRow::toCallback)
                .map(WebhookDeliveryRow::endpointId).collect(Collectors.toSet());
        if (destinations.isEmpty()) {
            return Map.of();
        }
        return callbacks.findByIdInAndOrderIdIsNotNull(destinations).stream()
                .collect(Collectors.toMap(CallbackDestinationRow::id,
                        callback -> new CallbackUrl(URI.create(callback.url()))));
    }

    @Override
    public Map<WebhookDeliveryId, Recording> record(Map<WebhookDeliveryId, AttemptRecord> attempts) {
        if (attempts.isEmpty()) {
            return Map.of();
        }
        AttemptColumns columns = AttemptColumns.of(attempts);
        Map<UUID, RecordedAttemptRow> recorded = recordedAttempts.record(columns.ids(), columns.states(),
                        columns.nextAttemptsAt(), columns.attemptedAt(), columns.statusCodes(), columns.errors(),
                        columns.latenciesMs(), columns.bodyExcerpts(), columns.succeeded())
                .stream().collect(Collectors.toMap(RecordedAttemptRow::id, Function.identity()));
        Map<WebhookDeliveryId, Recording> recordings = new LinkedHashMap<>();
        attempts.keySet().forEach(id -> recordings.put(id, Optional.ofNullable(recorded.get(id.value()))
                .<Recording>map(row -> new Recording.Recorded(Optional.ofNullable(row.endpointFailingSince())))
                .orElseGet(Recording.NotPending::new)));
        return recordings;
    }

    @Override
    public List<EventDelivery> findByEvent(EventId eventId) {
        List<WebhookDeliveryRow> deliveries = rows.findByEvent(eventId.value());
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<WebhookDeliveryAttemptRow>> attempts = rows.findAttemptsByEvent(eventId.value()).stream()
                .collect(Collectors.groupingBy(WebhookDeliveryAttemptRow::deliveryId));
        Map<UUID, CallbackUrl> toCallbacks = callbackUrls(deliveries);
        return deliveries.stream()
                .map(row -> WebhookDeliveryRowMapper.toDelivery(row,
                        Optional.ofNullable(toCallbacks.get(row.endpointId())),
                        attempts.getOrDefault(row.id(), List.of())))
                .toList();
    }

    @Override
    public List<EventDelivery> redeliver(EventId eventId, List<WebhookEndpointId> endpoints, boolean toOrderCallback,
                                         Instant now, AuditEntry entry) {
        List<WebhookDeliveryId> made = transactions.executeWrite(transaction -> {
            audit.save(AuditRowMapper.toRow(entry));
            List<UUID> destinations = new ArrayList<>(endpoints.stream().map(WebhookEndpointId::value).toList());
            if (toOrderCallback) {
                events.findById(eventId.value())
                        .flatMap(event -> callbacks.findByOrderId(event.orderId()))
                        .ifPresent(callback -> destinations.add(callback.id()));
            }
            List<WebhookDeliveryId> inserted = new ArrayList<>();
            for (UUID destination : destinations) {
                WebhookDeliveryId id = WebhookDeliveryId.newId();
                rows.supersede(eventId.value(), destination);
                if (rows.insertRedelivery(id.value(), eventId.value(), destination, now) == 1) {
                    inserted.add(id);
                }
            }
            return inserted;
        });
        // Read back as stored, so the answer shows what every later read shows.
        Map<WebhookDeliveryId, EventDelivery> stored = findByEvent(eventId).stream()
                .collect(Collectors.toMap(EventDelivery::id, delivery -> delivery));
        return made.stream().map(stored::get).filter(Objects::nonNull).toList();
    }
}
