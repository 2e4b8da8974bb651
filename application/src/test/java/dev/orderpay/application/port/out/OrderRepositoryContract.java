package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.OrderCursor;
import dev.orderpay.application.port.in.OrderFilter;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.TestOrders;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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

    private static final Instant CUTOFF = Instant.parse("2026-03-08T14:00:00Z");
    private static final Instant AN_HOUR_BEFORE_CUTOFF = CUTOFF.minus(Duration.ofHours(1));
    private static final Instant NOW = CUTOFF.plus(Duration.ofMinutes(15));
    private static final Duration LEASE = Duration.ofMinutes(5);

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

        List<Order> listed = repository.findNewestFirst(OrderFilter.NONE, Optional.empty(), 10);

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
            page = repository.findNewestFirst(OrderFilter.NONE, cursor, 3);
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

        assertThat(repository.findNewestFirst(OrderFilter.NONE, Optional.empty(), 2)).hasSize(2);
    }

    @Test
    void an_update_records_its_changes_as_history_with_their_provenance_oldest_first() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession();
        repository.add(order);
        Provenance held = Provenance.of(ChangeSource.CALLBACK, "event-1", Instant.parse("2026-03-08T13:30:00Z"));
        Provenance authorized = Provenance.of(ChangeSource.REDIRECT, "payment-1", Instant.parse("2026-03-08T13:31:00Z"));
        Provenance captured = Provenance.unreferenced(ChangeSource.RECONCILIATION, Instant.parse("2026-03-08T14:00:00Z"));

        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.ON_HOLD, held);
        loaded.followProvider(OrderStatus.AUTHORIZED, authorized);
        Order saved = repository.update(loaded);
        saved.followProvider(OrderStatus.CAPTURED, captured);
        repository.update(saved);

        assertThat(repository.history(order.id())).containsExactly(
                new StatusChange(order.id(), OrderStatus.PENDING, OrderStatus.ON_HOLD, held),
                new StatusChange(order.id(), OrderStatus.ON_HOLD, OrderStatus.AUTHORIZED, authorized),
                new StatusChange(order.id(), OrderStatus.AUTHORIZED, OrderStatus.CAPTURED, captured));
    }

    @Test
    void an_order_returned_by_an_update_carries_no_changes_so_saving_it_again_records_none_twice() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession();
        repository.add(order);
        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);

        Order saved = repository.update(loaded);
        repository.update(saved);

        assertThat(saved.uncommittedChanges()).isEmpty();
        assertThat(repository.history(order.id())).hasSize(1);
    }

    @Test
    void an_added_order_records_the_changes_it_was_added_with() {
        OrderRepository repository = emptyRepository();
        Provenance checkout = Provenance.unreferenced(ChangeSource.CHECKOUT, TestOrders.CREATED_AT);
        Order order = Order.place(OrderId.newId(), TestOrders.nok(100_00), new Receipt("receipt#1"),
                TestOrders.CREATED_AT);
        order.failCheckout(checkout);

        repository.add(order);

        assertThat(repository.history(order.id())).containsExactly(
                new StatusChange(order.id(), OrderStatus.PENDING, OrderStatus.FAILED, checkout));
    }

    @Test
    void a_stale_update_records_no_history() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession();
        repository.add(order);
        Order first = repository.findById(order.id()).orElseThrow();
        Order second = repository.findById(order.id()).orElseThrow();
        first.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        repository.update(first);
        second.followProvider(OrderStatus.DECLINED, TestOrders.BY_TEST);

        assertThatThrownBy(() -> repository.update(second)).isInstanceOf(ConcurrentOrderUpdateException.class);

        assertThat(repository.history(order.id())).extracting(StatusChange::to).containsExactly(OrderStatus.AUTHORIZED);
    }

    @Test
    void the_history_of_an_unknown_order_is_empty() {
        assertThat(emptyRepository().history(OrderId.newId())).isEmpty();
    }

    @Test
    void claiming_returns_only_orders_awaiting_an_outcome_created_before_the_cutoff_oldest_first() {
        OrderRepository repository = emptyRepository();
        Order onHold = anOrderWithSession(OrderStatus.ON_HOLD, AN_HOUR_BEFORE_CUTOFF.minusSeconds(60));
        Order pending = anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF);
        List.of(pending, onHold).forEach(repository::add);
        for (OrderStatus settled : List.of(OrderStatus.AUTHORIZED, OrderStatus.CAPTURED, OrderStatus.DECLINED,
                OrderStatus.FAILED, OrderStatus.CANCELLED, OrderStatus.EXPIRED)) {
            repository.add(anOrderWithSession(settled, AN_HOUR_BEFORE_CUTOFF.minusSeconds(120)));
        }
        repository.add(anOrderWithSession(OrderStatus.PENDING, CUTOFF));
        repository.add(anOrderWithSession(OrderStatus.ON_HOLD, CUTOFF.plusSeconds(1)));

        List<Order> claimed = repository.claimUnsettled(CUTOFF, NOW, NOW.plus(LEASE), 10);

        assertThat(claimed).extracting(Order::id).containsExactly(onHold.id(), pending.id());
        assertSameOrder(claimed.get(0), onHold);
        assertThat(claimed.get(0).session()).isEqualTo(onHold.session());
    }

    @Test
    void claiming_honours_its_limit_taking_the_oldest() {
        OrderRepository repository = emptyRepository();
        List<OrderId> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Order order = anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF.plusSeconds(i));
            repository.add(order);
            oldestFirst.add(order.id());
        }

        List<Order> claimed = repository.claimUnsettled(CUTOFF, NOW, NOW.plus(LEASE), 3);

        assertThat(claimed).extracting(Order::id).containsExactlyElementsOf(oldestFirst.subList(0, 3));
    }

    @Test
    void a_claimed_order_is_not_claimed_again_until_its_claim_expires() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF);
        repository.add(order);
        Instant claimedUntil = NOW.plus(LEASE);
        repository.claimUnsettled(CUTOFF, NOW, claimedUntil, 10);

        List<Order> whileClaimed = repository.claimUnsettled(CUTOFF, claimedUntil.minusMillis(1), NOW.plus(LEASE), 10);
        List<Order> onceExpired = repository.claimUnsettled(CUTOFF, claimedUntil, claimedUntil.plus(LEASE), 10);

        assertThat(whileClaimed).isEmpty();
        assertThat(onceExpired).extracting(Order::id).containsExactly(order.id());
    }

    @Test
    void claiming_leaves_the_version_alone_so_a_copy_loaded_before_the_claim_can_still_be_saved() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF);
        repository.add(order);
        Order loadedBeforeClaim = repository.findById(order.id()).orElseThrow();

        List<Order> claimed = repository.claimUnsettled(CUTOFF, NOW, NOW.plus(LEASE), 10);
        loadedBeforeClaim.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        Order saved = repository.update(loadedBeforeClaim);

        assertThat(claimed).extracting(Order::version).containsExactly(0L);
        assertThat(saved.version()).isEqualTo(1);
        assertThat(repository.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    private static Order anOrderWithSession() {
        return TestOrders.anOrderWithCheckout().build();
    }

    private static Order anOrderWithSession(OrderStatus status, Instant createdAt) {
        return TestOrders.anOrderWithCheckout().withStatus(status).createdAt(createdAt).build();
    }

    private static void assertSameOrder(Order actual, Order expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.amount()).isEqualTo(expected.amount());
        assertThat(actual.receipt()).isEqualTo(expected.receipt());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.status()).isEqualTo(expected.status());
    }
}
