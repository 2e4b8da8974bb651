package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventCursor;
import dev.orderpay.application.port.in.event.EventFilter;
import dev.orderpay.application.port.in.order.CurrencyTotals;
import dev.orderpay.application.port.out.audit.InMemoryAuditLog;
import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.in.order.TotalsQuery;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.event.EventId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link OrderRepository} in a map, for use-case tests, and the {@link EventLog} of the events saved with its
 * orders. It keeps copies, checks versions like the real one, makes the webhook deliveries of the events it stores
 * (in the {@link InMemoryWebhookDeliveries} it was given, to the endpoints of its {@link InMemoryWebhookEndpoints}),
 * forgets events with their deliveries, and passes {@link OrderRepositoryContract} and
 * {@link dev.orderpay.application.port.out.event.EventLogContract}.
 */
public class InMemoryOrderRepository implements OrderRepository, EventLog {

    // Ties on time are broken by the id's text, which sorts like PostgreSQL's uuid (unsigned, byte by byte).
    private static final Comparator<Order> OLDEST_FIRST = Comparator.comparing(Order::createdAt)
            .thenComparing(order -> order.id().toString());
    private static final Comparator<Order> NEWEST_FIRST = OLDEST_FIRST.reversed();
    private static final Comparator<Event> EVENTS_NEWEST_FIRST = Comparator.comparing(Event::createdAt)
            .thenComparing(event -> event.id().toString()).reversed();
    // The orders whose amount counts as authorized in the totals: a voided authorization ends CANCELLED.
    private static final Set<OrderStatus> AUTHORIZED_OR_LATER = EnumSet.of(OrderStatus.AUTHORIZED,
            OrderStatus.PARTIALLY_CAPTURED, OrderStatus.CAPTURED, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED);

    private final Map<OrderId, Order> stored = new ConcurrentHashMap<>();
    private final Map<OrderId, List<StatusChange>> histories = new HashMap<>();
    private final Map<OrderId, Instant> claimedUntil = new HashMap<>();
    private final Map<OrderId, Instant> creationHeldUntil = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final InMemoryWebhookDeliveries deliveries;
    private final InMemoryAuditLog auditLog;

    /** With no webhook endpoints: its events go nowhere. */
    public InMemoryOrderRepository() {
        this(new InMemoryWebhookDeliveries(new InMemoryWebhookEndpoints()));
    }

    /** Its events are delivered to the endpoints {@code deliveries} keeps deliveries for. */
    public InMemoryOrderRepository(InMemoryWebhookDeliveries deliveries) {
        this(deliveries, new InMemoryAuditLog());
    }

    /** As {@link #InMemoryOrderRepository(InMemoryWebhookDeliveries)}, recording audit entries in {@code auditLog}. */
    public InMemoryOrderRepository(InMemoryWebhookDeliveries deliveries, InMemoryAuditLog auditLog) {
        this.deliveries = deliveries;
        this.auditLog = auditLog;
    }

    @Override
    public synchronized void add(Order order, Instant heldUntil) {
        OrderRepository.requireTheOrdersEvents(order, List.of());
        if (stored.putIfAbsent(order.id(), copy(order, 0)) != null) {
            throw new IllegalStateException("order " + order.id() + " exists already");
        }
        histories.put(order.id(), new ArrayList<>());
        creationHeldUntil.put(order.id(), heldUntil);
        order.callbackUrl().ifPresent(url -> deliveries.callbackAdded(order.id(), url));
    }

    @Override
    public synchronized Order update(Order order, List<Event> newEvents, Optional<AuditEntry> audit) {
        OrderRepository.requireTheOrdersEvents(order, newEvents);
        Order current = stored.get(order.id());
        if (current == null || current.version() != order.version()) {
            throw new ConcurrentOrderUpdateException(order.id());
        }
        events.addAll(newEvents);
        deliveries.eventsStored(newEvents);
        Order saved = copy(order, order.version() + 1);
        stored.put(order.id(), saved);
        histories.get(order.id()).addAll(order.uncommittedChanges());
        creationHeldUntil.remove(order.id());
        audit.ifPresent(auditLog::record);
        return copy(saved, saved.version());
    }

    /** Final, so that a test's subclass changes the one method every save goes through. */
    @Override
    public final Order update(Order order, List<Event> newEvents) {
        return update(order, newEvents, Optional.empty());
    }

    @Override
    public synchronized List<Event> findNewestFirst(EventFilter filter, Optional<EventCursor> after, int limit) {
        return events.stream()
                .filter(event -> filter.types().isEmpty() || filter.types().contains(event.type()))
                .filter(event -> filter.orderId().map(event.orderId()::equals).orElse(true))
                .filter(event -> filter.createdFrom().map(from -> !event.createdAt().isBefore(from)).orElse(true))
                .filter(event -> filter.createdTo().map(event.createdAt()::isBefore).orElse(true))
                .filter(event -> filter.delivery()
                        .map(wanted -> deliveries.standingsOf(event.id()).contains(wanted)).orElse(true))
                .filter(event -> after.map(cursor -> isAfter(event, cursor)).orElse(true))
                .sorted(EVENTS_NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<Event> findById(EventId id) {
        return events.stream().filter(event -> event.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<Event> findByOrder(OrderId orderId) {
        return events.stream()
                .filter(event -> event.orderId().equals(orderId))
                .sorted(Comparator.comparingLong(Event::sequence))
                .toList();
    }

    @Override
    public synchronized int forgetBefore(Instant cutoff, int limit) {
        List<Event> forgotten = events.stream()
                .filter(event -> event.createdAt().isBefore(cutoff))
                .filter(event -> !deliveries.hasPending(event.id()))
                .sorted(Comparator.comparing(Event::createdAt))
                .limit(limit)
                .toList();
        events.removeAll(forgotten);
        deliveries.eventsForgotten(forgotten);
        return forgotten.size();
    }

    @Override
    public synchronized List<StatusChange> history(OrderId id) {
        return List.copyOf(histories.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized List<Order> claimUnsettled(Instant createdBefore, Instant now, Instant until, int limit) {
        List<Order> claimed = stored.values().stream()
                .filter(order -> order.status().awaitsOutcome() || order.pendingOperation().isPresent())
                .filter(order -> order.createdAt().isBefore(createdBefore))
                .filter(order -> !creationHeldUntil.getOrDefault(order.id(), Instant.MIN).isAfter(now))
                .filter(order -> !claimedUntil.getOrDefault(order.id(), Instant.MIN).isAfter(now))
                .sorted(OLDEST_FIRST)
                .limit(limit)
                .map(order -> copy(order, order.version()))
                .toList();
        claimed.forEach(order -> claimedUntil.put(order.id(), until));
        return claimed;
    }

    @Override
    public synchronized int releaseClaims(Collection<OrderId> orders, Instant until) {
        int released = 0;
        for (OrderId order : Set.copyOf(orders)) {
            if (claimedUntil.remove(order, until)) {
                released++;
            }
        }
        return released;
    }

    @Override
    public synchronized Optional<Instant> oldestUnsettledCreatedAt() {
        return stored.values().stream()
                .filter(order -> order.status().awaitsOutcome() || order.pendingOperation().isPresent())
                .map(Order::createdAt)
                .min(Comparator.naturalOrder());
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return Optional.ofNullable(stored.get(id)).map(order -> copy(order, order.version()));
    }

    @Override
    public List<Order> findNewestFirst(OrderFilter filter, Optional<OrderCursor> after, int limit) {
        return stored.values().stream()
                .filter(order -> passes(order, filter))
                .filter(order -> after.map(cursor -> isAfter(order, cursor)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                // As the real one: a listing reads a summary of the contents.
                .map(order -> copy(order, order.version(), order.contents().summary()))
                .toList();
    }

    @Override
    public List<CurrencyTotals> totals(TotalsQuery query) {
        Map<Currency, long[]> sums = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        stored.values().stream()
                .filter(order -> query.currency().map(order.amount().currency()::equals).orElse(true))
                .filter(order -> query.from().map(from -> !order.createdAt().isBefore(from)).orElse(true))
                .filter(order -> query.to().map(order.createdAt()::isBefore).orElse(true))
                .filter(order -> AUTHORIZED_OR_LATER.contains(order.status()))
                .forEach(order -> {
                    long[] sum = sums.computeIfAbsent(order.amount().currency(), currency -> new long[3]);
                    sum[0] += order.amount().minorUnits();
                    sum[1] += order.payment().captured().minorUnits();
                    sum[2] += order.payment().refunded().minorUnits();
                });
        return sums.entrySet().stream()
                .map(sum -> new CurrencyTotals(sum.getKey(), sum.getValue()[0], sum.getValue()[1], sum.getValue()[2]))
                .toList();
    }

    private static boolean passes(Order order, OrderFilter filter) {
        return (filter.statuses().isEmpty() || filter.statuses().contains(order.status()))
                && filter.currency().map(order.amount().currency()::equals).orElse(true)
                && filter.createdFrom().map(from -> !order.createdAt().isBefore(from)).orElse(true)
                && filter.createdTo().map(order.createdAt()::isBefore).orElse(true)
                && filter.receipt().map(order.receipt()::equals).orElse(true)
                && filter.customerEmail().map(email -> order.contents().customer().email().equals(Optional.of(email)))
                        .orElse(true)
                && order.contents().metadata().values().entrySet().containsAll(
                        filter.metadata().values().entrySet());
    }

    private static boolean isAfter(Order order, OrderCursor cursor) {
        int byTime = order.createdAt().compareTo(cursor.createdAt());
        return byTime < 0 || byTime == 0 && order.id().toString().compareTo(cursor.id().toString()) < 0;
    }

    private static boolean isAfter(Event event, EventCursor cursor) {
        int byTime = event.createdAt().compareTo(cursor.createdAt());
        return byTime < 0 || byTime == 0 && event.id().toString().compareTo(cursor.id().toString()) < 0;
    }

    private static Order copy(Order order, long version) {
        return copy(order, version, order.contents());
    }

    private static Order copy(Order order, long version, OrderContents contents) {
        return Order.rehydrate(order.id(), order.amount(), order.receipt(), order.callbackUrl().orElse(null),
                contents, order.createdAt(), order.status(), order.session().orElse(null), order.payment(),
                contents.lines().isLoaded() ? order.lineLedgers() : List.of(), order.pendingOperation().orElse(null),
                order.lastEventSequence(), version);
    }
}
