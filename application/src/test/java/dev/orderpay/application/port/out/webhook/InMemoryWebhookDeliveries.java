package dev.orderpay.application.port.out.webhook;

import dev.orderpay.application.port.in.event.DeliveryAttempt;
import dev.orderpay.application.port.in.event.DeliveryStanding;
import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link WebhookDeliveries} in memory, over the endpoints of an {@link InMemoryWebhookEndpoints}: a deleted endpoint's
 * deliveries go with it, as the table's foreign key has them go. {@link InMemoryOrderRepository} makes the
 * deliveries of the events it stores here, as the real repository does in the events' transaction, and tells it of
 * each order's callback URL. Passes {@link WebhookDeliveriesContract}.
 */
public class InMemoryWebhookDeliveries implements WebhookDeliveries {

    // Ties are broken by the id's text, which sorts like PostgreSQL's uuid.
    private static final Comparator<Delivery> DUE_FIRST = Comparator.comparing((Delivery delivery) -> delivery.nextAttemptAt)
            .thenComparing(delivery -> delivery.id.toString());
    private static final Comparator<Delivery> OLDEST_FIRST = Comparator.comparing((Delivery delivery) -> delivery.createdAt)
            .thenComparing(delivery -> delivery.id.toString());

    private final InMemoryWebhookEndpoints endpoints;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<WebhookEndpointId, FailingRun> failing = new HashMap<>();
    // Each order's callback URL, under an id of its own as the table keeps it beside the endpoints.
    private final Map<OrderId, Callback> callbacks = new HashMap<>();
    // Every event stored beside these deliveries, also those that went nowhere: any of them can be redelivered.
    private final Map<EventId, Event> events = new HashMap<>();

    public InMemoryWebhookDeliveries(InMemoryWebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The endpoints whose deliveries are kept here. */
    public InMemoryWebhookEndpoints endpoints() {
        return endpoints;
    }

    /** An order just stored with a callback URL: every event of it goes there too. */
    public synchronized void callbackAdded(OrderId orderId, CallbackUrl url) {
        callbacks.put(orderId, new Callback(WebhookEndpointId.newId(), url));
    }

    /**
     * The events just stored: one delivery each to every endpoint enabled and subscribed to its type now, and to its
     * order's callback URL, due when the event happened.
     */
    public synchronized void eventsStored(List<Event> stored) {
        for (Event event : stored) {
            events.put(event.id(), event);
            for (WebhookEndpoint endpoint : endpoints.findEnabledSubscribedTo(event.type())) {
                deliveries.add(new Delivery(WebhookDeliveryId.newId(), event, endpoint.id(), null,
                        event.createdAt()));
            }
            Callback callback = callbacks.get(event.orderId());
            if (callback != null) {
                deliveries.add(new Delivery(WebhookDeliveryId.newId(), event, callback.id(), callback.url(),
                        event.createdAt()));
            }
        }
    }

    /** Whether a delivery of the event, superseded or not, is still to be made. */
    public synchronized boolean hasPending(EventId eventId) {
        return current().stream()
                .anyMatch(delivery -> delivery.event.id().equals(eventId) && delivery.state == DeliveryState.PENDING);
    }

    /** The events just deleted: their deliveries and attempts go with them, as the table's foreign key has them go. */
    public synchronized void eventsForgotten(List<Event> forgotten) {
        Set<EventId> ids = forgotten.stream().map(Event::id).collect(Collectors.toSet());
        ids.forEach(events::remove);
        deliveries.removeIf(delivery -> ids.contains(delivery.event.id()));
    }

    /** How the event's deliveries stand, judged by the latest delivery to each endpoint; empty when it has none. */
    public synchronized Set<DeliveryStanding> standingsOf(EventId eventId) {
        List<Delivery> latest = current().stream()
                .filter(delivery -> delivery.event.id().equals(eventId) && !delivery.superseded)
                .toList();
        Set<DeliveryStanding> standings = EnumSet.noneOf(DeliveryStanding.class);
        if (latest.stream().anyMatch(delivery -> delivery.state == DeliveryState.FAILED)) {
            standings.add(DeliveryStanding.FAILED);
        }
        if (latest.stream().anyMatch(delivery -> delivery.state == DeliveryState.PENDING)) {
            standings.add(DeliveryStanding.PENDING);
        }
        if (!latest.isEmpty() && latest.stream().allMatch(delivery -> delivery.state == DeliveryState.DELIVERED)) {
            standings.add(DeliveryStanding.DELIVERED);
        }
        return standings;
    }

    @Override
    public synchronized List<DueDelivery> claimDue(Instant now, Instant claimedUntil, int limit, int perEndpoint) {
        List<Delivery> live = current();
        Map<WebhookEndpointId, Long> busy = live.stream()
                .filter(delivery -> delivery.state == DeliveryState.PENDING && delivery.claimedAt(now))
                .collect(Collectors.groupingBy(delivery -> delivery.endpointId, Collectors.counting()));
        List<Delivery> picked = new ArrayList<>();
        List<WebhookEndpointId> destinations = Stream.concat(
                endpoints.findAll().stream().filter(WebhookEndpoint::enabled).map(WebhookEndpoint::id),
                callbacks.values().stream().map(Callback::id)).toList();
        for (WebhookEndpointId destination : destinations) {
            long room = perEndpoint - busy.getOrDefault(destination, 0L);
            live.stream()
                    .filter(delivery -> delivery.endpointId.equals(destination))
                    .filter(delivery -> delivery.state == DeliveryState.PENDING)
                    .filter(delivery -> !delivery.nextAttemptAt.isAfter(now) && !delivery.claimedAt(now))
                    .filter(delivery -> live.stream().noneMatch(earlier -> earlier.holdsBack(delivery)))
                    .sorted(DUE_FIRST)
                    .limit(Math.max(room, 0))
                    .forEach(picked::add);
        }
        return picked.stream()
                .sorted(DUE_FIRST)
                .limit(limit)
                .map(delivery -> {
                    delivery.claimedUntil = claimedUntil;
                    return new DueDelivery(delivery.id, delivery.endpointId, Optional.ofNullable(delivery.callbackUrl),
                            delivery.event, delivery.attempts.size());
                })
                .toList();
    }

    @Override
    public synchronized int releaseClaims(Collection<WebhookDeliveryId> ids, Instant claimedUntil) {
        Set<WebhookDeliveryId> released = Set.copyOf(ids);
        List<Delivery> ours = current().stream()
                .filter(delivery -> released.contains(delivery.id) && claimedUntil.equals(delivery.claimedUntil))
                .toList();
        ours.forEach(delivery -> delivery.claimedUntil = null);
        return ours.size();
    }

    @Override
    public synchronized long countPending() {
        return current().stream()
                .filter(delivery -> delivery.state == DeliveryState.PENDING)
                // Orders' callbacks are never disabled; only a disabled endpoint's deliveries wait outside the backlog.
                .filter(delivery -> endpoints.findAll().stream()
                        .noneMatch(endpoint -> !endpoint.enabled() && endpoint.id().equals(delivery.endpointId)))
                .count();
    }

    @Override
    public synchronized Map<WebhookDeliveryId, Recording> record(Map<WebhookDeliveryId, AttemptRecord> attempts) {
        Map<WebhookDeliveryId, Recording> recordings = new LinkedHashMap<>();
        Map<WebhookDeliveryId, WebhookEndpointId> recorded = new LinkedHashMap<>();
        attempts.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(AttemptRecord::at)))
                .forEach(entry -> recordOne(entry.getKey(), entry.getValue())
                        .ifPresentOrElse(endpoint -> recorded.put(entry.getKey(), endpoint),
                                () -> recordings.put(entry.getKey(), new Recording.NotPending())));
        // Each recorded attempt sees its endpoint's run as all of them left it, as the one statement of the table.
        recorded.forEach((id, endpoint) -> recordings.put(id, new Recording.Recorded(
                Optional.ofNullable(failing.get(endpoint)).map(FailingRun::since))));
        return recordings;
    }

    /** The attempt's endpoint, if its delivery was pending and the attempt is now recorded. */
    private Optional<WebhookEndpointId> recordOne(WebhookDeliveryId id, AttemptRecord attempt) {
        Optional<Delivery> found = current().stream().filter(delivery -> delivery.id.equals(id)).findFirst();
        if (found.isEmpty() || found.get().state != DeliveryState.PENDING) {
            return Optional.empty();
        }
        Delivery delivery = found.get();
        delivery.state = attempt.stateAfter();
        delivery.nextAttemptAt = attempt.nextAttemptAt().orElse(null);
        delivery.claimedUntil = null;
        // Milliseconds, as the table keeps a latency.
        delivery.attempts.add(new DeliveryAttempt(delivery.attempts.size() + 1, attempt.at(),
                attempt.latency().truncatedTo(ChronoUnit.MILLIS), attempt.result(), attempt.nextAttemptAt()));
        if (attempt.succeeded()) {
            failing.remove(delivery.endpointId);
            return Optional.of(delivery.endpointId);
        }
        // A callback URL never changes, so its run is counted as at an endpoint's first version.
        long version = endpoints.findById(delivery.endpointId).map(WebhookEndpoint::version).orElse(0L);
        FailingRun run = failing.get(delivery.endpointId);
        if (run == null || run.endpointVersion != version) {
            failing.put(delivery.endpointId, new FailingRun(attempt.at(), version));
        }
        return Optional.of(delivery.endpointId);
    }

    @Override
    public synchronized List<EventDelivery> findByEvent(EventId eventId) {
        return current().stream()
                .filter(delivery -> delivery.event.id().equals(eventId))
                .sorted(OLDEST_FIRST)
                .map(Delivery::view)
                .toList();
    }

    @Override
    public synchronized List<EventDelivery> redeliver(EventId eventId, List<WebhookEndpointId> targets,
                                                      boolean toOrderCallback, Instant now, AuditEntry audit) {
        endpoints.auditLog().record(audit);
        Event event = events.get(eventId);
        if (event == null) {
            return List.of();
        }
        List<EventDelivery> made = new ArrayList<>();
        for (WebhookEndpointId target : targets) {
            if (endpoints.findById(target).isPresent()) {
                made.add(redeliver(event, target, null, now));
            }
        }
        Callback callback = callbacks.get(event.orderId());
        if (toOrderCallback && callback != null) {
            made.add(redeliver(event, callback.id(), callback.url(), now));
        }
        return made;
    }

    private EventDelivery redeliver(Event event, WebhookEndpointId target, CallbackUrl callbackUrl, Instant now) {
        current().stream()
                .filter(delivery -> delivery.event.id().equals(event.id()) && delivery.endpointId.equals(target))
                .forEach(delivery -> delivery.superseded = true);
        Delivery delivery = new Delivery(WebhookDeliveryId.newId(), event, target, callbackUrl, now);
        deliveries.add(delivery);
        return delivery.view();
    }

    /**
     * The deliveries whose endpoint still exists (or that go to a callback URL); the others are dropped, as the
     * foreign key would have.
     */
    private List<Delivery> current() {
        deliveries.removeIf(delivery -> delivery.callbackUrl == null
                && endpoints.findById(delivery.endpointId).isEmpty());
        return deliveries;
    }

    private record FailingRun(Instant since, long endpointVersion) {
    }

    private record Callback(WebhookEndpointId id, CallbackUrl url) {
    }

    private static final class Delivery {
        final WebhookDeliveryId id;
        final Event event;
        final WebhookEndpointId endpointId;
        final CallbackUrl callbackUrl;
        final Instant createdAt;
        final List<DeliveryAttempt> attempts = new ArrayList<>();
        DeliveryState state = DeliveryState.PENDING;
        Instant nextAttemptAt;
        Instant claimedUntil;
        boolean superseded;

        /** @param callbackUrl null for a delivery to an endpoint */
        Delivery(WebhookDeliveryId id, Event event, WebhookEndpointId endpointId, CallbackUrl callbackUrl,
                 Instant dueAt) {
            this.id = id;
            this.event = event;
            this.endpointId = endpointId;
            this.callbackUrl = callbackUrl;
            this.createdAt = dueAt;
            this.nextAttemptAt = dueAt;
        }

        boolean claimedAt(Instant now) {
            return claimedUntil != null && claimedUntil.isAfter(now);
        }

        /** Whether this one, pending, must go before {@code later} to the same endpoint: an earlier event of its order. */
        boolean holdsBack(Delivery later) {
            return state == DeliveryState.PENDING && endpointId.equals(later.endpointId)
                    && event.orderId().equals(later.event.orderId()) && event.sequence() < later.event.sequence();
        }

        EventDelivery view() {
            Optional<CallbackUrl> callback = Optional.ofNullable(callbackUrl);
            return new EventDelivery(id, event.id(), callback.isPresent() ? Optional.empty() : Optional.of(endpointId),
                    callback, state, createdAt, Optional.ofNullable(nextAttemptAt), attempts);
        }
    }

}
