package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.OrderCursor;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;

import java.util.Comparator;
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
    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt)
            .thenComparing(order -> order.id().toString()).reversed();

    private final Map<OrderId, Order> stored = new ConcurrentHashMap<>();

    @Override
    public void add(Order order) {
        if (stored.putIfAbsent(order.id(), copy(order, 0)) != null) {
            throw new IllegalStateException("order " + order.id() + " exists already");
        }
    }

    @Override
    public Order update(Order order) {
        Order saved = copy(order, order.version() + 1);
        boolean replaced = stored.computeIfPresent(order.id(),
                (id, current) -> current.version() == order.version() ? saved : current) == saved;
        if (!replaced) {
            throw new ConcurrentOrderUpdateException(order.id());
        }
        return copy(saved, saved.version());
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
