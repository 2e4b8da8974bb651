package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.OrderCursor;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.StatusChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link OrderRepository} in a map, for use-case tests. It keeps copies, checks versions like the real one,
 * and passes {@link OrderRepositoryContract}.
 */
public class InMemoryOrderRepository implements OrderRepository {

    // Ties on time are broken by the id's text, which sorts like PostgreSQL's uuid (unsigned, byte by byte).
    private static final Comparator<Order> OLDEST_FIRST = Comparator.comparing(Order::createdAt)
            .thenComparing(order -> order.id().toString());
    private static final Comparator<Order> NEWEST_FIRST = OLDEST_FIRST.reversed();

    private final Map<OrderId, Order> stored = new ConcurrentHashMap<>();
    private final Map<OrderId, List<StatusChange>> histories = new HashMap<>();
    private final Map<OrderId, Instant> claimedUntil = new HashMap<>();

    @Override
    public synchronized void add(Order order) {
        if (stored.putIfAbsent(order.id(), copy(order, 0)) != null) {
            throw new IllegalStateException("order " + order.id() + " exists already");
        }
        histories.put(order.id(), new ArrayList<>(order.uncommittedChanges()));
    }

    @Override
    public synchronized Order update(Order order) {
        Order current = stored.get(order.id());
        if (current == null || current.version() != order.version()) {
            throw new ConcurrentOrderUpdateException(order.id());
        }
        Order saved = copy(order, order.version() + 1);
        stored.put(order.id(), saved);
        histories.get(order.id()).addAll(order.uncommittedChanges());
        return copy(saved, saved.version());
    }

    @Override
    public synchronized List<StatusChange> history(OrderId id) {
        return List.copyOf(histories.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized List<Order> claimUnsettled(Instant createdBefore, Instant now, Instant until, int limit) {
        List<Order> claimed = stored.values().stream()
                .filter(order -> order.status().awaitsOutcome())
                .filter(order -> order.createdAt().isBefore(createdBefore))
                .filter(order -> !claimedUntil.getOrDefault(order.id(), Instant.MIN).isAfter(now))
                .sorted(OLDEST_FIRST)
                .limit(limit)
                .map(order -> copy(order, order.version()))
                .toList();
        claimed.forEach(order -> claimedUntil.put(order.id(), until));
        return claimed;
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return Optional.ofNullable(stored.get(id)).map(order -> copy(order, order.version()));
    }

    @Override
    public List<Order> findNewestFirst(Optional<OrderCursor> after, int limit) {
        return stored.values().stream()
                .filter(order -> after.map(cursor -> isAfter(order, cursor)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .map(order -> copy(order, order.version()))
                .toList();
    }

    private static boolean isAfter(Order order, OrderCursor cursor) {
        int byTime = order.createdAt().compareTo(cursor.createdAt());
        return byTime < 0 || byTime == 0 && order.id().toString().compareTo(cursor.id().toString()) < 0;
    }

    private static Order copy(Order order, long version) {
        return Order.rehydrate(order.id(), order.amount(), order.receipt(), order.createdAt(), order.status(),
                order.session().orElse(null), version);
    }
}
