package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.OrderCursor;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.TestOrders;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.orderpay.domain.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link OrderRepository} must do. Each implementation's test extends this class and supplies a
 * repository over empty storage.
 */
public abstract class OrderRepositoryContract {

    /** A repository with no orders in it. */
    protected abstract OrderRepository emptyRepository();

    @Test
    void an_added_order_is_found_as_it_was_with_version_zero() {
        OrderRepository repository = emptyRepository();
        Order order = anOrder().withReceipt("receipt#1 æøå").build();

        repository.add(order);

        Order found = repository.findById(order.id()).orElseThrow();
        assertSameOrder(found, order);
        assertThat(found.version()).isZero();
        assertThat(found.session()).isEmpty();
    }

    @Test
    void an_unknown_order_is_not_found() {
        assertThat(emptyRepository().findById(OrderId.newId())).isEmpty();
    }

    @Test
    void adding_the_same_order_twice_is_refused() {
        OrderRepository repository = emptyRepository();
        Order order = anOrder().build();
        repository.add(order);

        assertThatThrownBy(() -> repository.add(order)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void an_update_stores_status_and_session_and_advances_the_version() {
        OrderRepository repository = emptyRepository();
        Order order = anOrder().build();
        repository.add(order);
        Order loaded = repository.findById(order.id()).orElseThrow();

        loaded.attachSession(TestOrders.sessionFor("S-1"));
        Order saved = repository.update(loaded);
        saved.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        Order savedAgain = repository.update(saved);

        Order found = repository.findById(order.id()).orElseThrow();
        assertThat(found.status()).isEqualTo(OrderStatus.AUTHORIZED);
        assertThat(found.session()).contains(TestOrders.sessionFor("S-1"));
        assertThat(saved.version()).isEqualTo(1);
        assertThat(savedAgain.version()).isEqualTo(2);
        assertThat(found.version()).isEqualTo(2);
    }

    @Test
    void an_update_from_a_stale_copy_is_refused_and_changes_nothing() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession();
        repository.add(order);
        Order first = repository.findById(order.id()).orElseThrow();
        Order second = repository.findById(order.id()).orElseThrow();

        first.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        repository.update(first);
        second.followProvider(OrderStatus.DECLINED, TestOrders.BY_TEST);

        assertThatThrownBy(() -> repository.update(second)).isInstanceOf(ConcurrentOrderUpdateException.class);
        assertThat(repository.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void orders_are_listed_newest_first() {
        OrderRepository repository = emptyRepository();
        Order oldest = anOrder().createdAt(Instant.parse("2026-01-01T10:00:00Z")).build();
        Order newest = anOrder().createdAt(Instant.parse("2026-01-03T10:00:00Z")).build();
        Order middle = anOrder().createdAt(Instant.parse("2026-01-02T10:00:00Z")).build();
        List.of(oldest, newest, middle).forEach(repository::add);

        List<Order> listed = repository.findNewestFirst(Optional.empty(), 10);

        assertThat(listed).extracting(Order::id).containsExactly(newest.id(), middle.id(), oldest.id());
    }

    @Test
    void paging_with_cursors_visits_every_order_once_even_when_times_tie() {
        OrderRepository repository = emptyRepository();
        Instant sameMoment = Instant.parse("2026-02-01T12:00:00.123456Z");
        List<OrderId> added = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Ids that differ in their first bits, where signed and unsigned ordering disagree.
            Order order = anOrder().withId(new OrderId(new UUID((long) i << 61, i))).createdAt(sameMoment).build();
            repository.add(order);
            added.add(order.id());
        }

        List<OrderId> visited = new ArrayList<>();
        Optional<OrderCursor> cursor = Optional.empty();
        List<Order> page;
        do {
            page = repository.findNewestFirst(cursor, 3);
            page.forEach(order -> visited.add(order.id()));
            cursor = page.isEmpty() ? cursor : Optional.of(OrderCursor.after(page.get(page.size() - 1)));
        } while (page.size() == 3);

        assertThat(visited).containsExactlyInAnyOrderElementsOf(added).doesNotHaveDuplicates();
        assertThat(visited).extracting(OrderId::toString).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void a_listing_honours_its_limit() {
        OrderRepository repository = emptyRepository();
        for (int i = 0; i < 5; i++) {
            repository.add(anOrder().createdAt(Instant.parse("2026-01-01T10:00:00Z").plusSeconds(i)).build());
        }

        assertThat(repository.findNewestFirst(Optional.empty(), 2)).hasSize(2);
    }

    private static Order anOrderWithSession() {
        return TestOrders.anOrderWithCheckout().build();
    }

    private static void assertSameOrder(Order actual, Order expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.amount()).isEqualTo(expected.amount());
        assertThat(actual.receipt()).isEqualTo(expected.receipt());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.status()).isEqualTo(expected.status());
    }
}
