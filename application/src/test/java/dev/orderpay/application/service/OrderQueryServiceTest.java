package dev.orderpay.application.service;

import dev.orderpay.application.port.in.ListOrdersQuery;
import dev.orderpay.application.port.in.OrderCursor;
import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.OrderPage;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.StatusChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.anOrderWithCheckout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderQueryServiceTest {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final OrderQueryService service = new OrderQueryService(orders);

    @Test
    void given_more_orders_than_a_page_then_the_page_holds_the_newest_and_points_past_its_last() {
        List<OrderId> oldestFirst = storeOrdersOneMinuteApart(5);

        OrderPage page = service.listOrders(new ListOrdersQuery(2, Optional.empty()));

        assertThat(page.orders()).extracting(Order::id).containsExactly(oldestFirst.get(4), oldestFirst.get(3));
        assertThat(page.next()).contains(OrderCursor.after(page.orders().get(1)));
    }

    @Test
    void given_a_cursor_then_pages_continue_newest_first_until_the_last_which_has_no_cursor() {
        List<OrderId> oldestFirst = storeOrdersOneMinuteApart(5);

        OrderPage first = service.listOrders(new ListOrdersQuery(2, Optional.empty()));
        OrderPage second = service.listOrders(new ListOrdersQuery(2, first.next()));
        OrderPage last = service.listOrders(new ListOrdersQuery(2, second.next()));

        assertThat(second.orders()).extracting(Order::id).containsExactly(oldestFirst.get(2), oldestFirst.get(1));
        assertThat(second.next()).isPresent();
        assertThat(last.orders()).extracting(Order::id).containsExactly(oldestFirst.get(0));
        assertThat(last.next()).isEmpty();
    }

    @Test
    void given_exactly_a_page_of_orders_left_then_that_page_has_no_cursor() {
        storeOrdersOneMinuteApart(4);

        OrderPage first = service.listOrders(new ListOrdersQuery(2, Optional.empty()));
        OrderPage second = service.listOrders(new ListOrdersQuery(2, first.next()));

        assertThat(first.next()).isPresent();
        assertThat(second.orders()).hasSize(2);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void given_no_orders_then_the_page_is_empty_without_a_cursor() {
        OrderPage page = service.listOrders(ListOrdersQuery.firstPage());

        assertThat(page.orders()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void given_a_stored_order_when_it_is_asked_for_then_it_is_returned_as_stored() {
        Order stored = anOrder().withStatus(OrderStatus.CAPTURED).build();
        orders.add(stored);

        Order found = service.getOrder(stored.id());

        assertThat(found.id()).isEqualTo(stored.id());
        assertThat(found.status()).isEqualTo(OrderStatus.CAPTURED);
        assertThat(found.amount()).isEqualTo(stored.amount());
    }

    @Test
    void given_an_unknown_id_when_it_is_asked_for_then_the_order_is_not_found() {
        OrderId unknown = OrderId.newId();

        OrderNotFoundException notFound =
                catchThrowableOfType(OrderNotFoundException.class, () -> service.getOrder(unknown));

        assertThat(notFound).isNotNull();
        assertThat(notFound.orderId()).isEqualTo(unknown);
    }

    @Test
    void given_an_order_that_changed_twice_when_its_history_is_asked_for_then_the_changes_come_oldest_first() {
        Order order = anOrderWithCheckout().build();
        orders.add(order);
        Provenance redirect = Provenance.of(ChangeSource.REDIRECT, "payment-1", START);
        Provenance callback = Provenance.of(ChangeSource.CALLBACK, "event-2", START.plusSeconds(30));
        Order loaded = orders.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.AUTHORIZED, redirect);
        Order saved = orders.update(loaded);
        saved.followProvider(OrderStatus.CAPTURED, callback);
        orders.update(saved);

        List<StatusChange> history = service.orderHistory(order.id());

        assertThat(history).containsExactly(
                new StatusChange(order.id(), OrderStatus.PENDING, OrderStatus.AUTHORIZED, redirect),
                new StatusChange(order.id(), OrderStatus.AUTHORIZED, OrderStatus.CAPTURED, callback));
    }

    @Test
    void given_an_order_that_never_changed_when_its_history_is_asked_for_then_it_is_empty() {
        Order order = anOrder().build();
        orders.add(order);

        assertThat(service.orderHistory(order.id())).isEmpty();
    }

    @Test
    void given_an_unknown_id_when_its_history_is_asked_for_then_the_order_is_not_found() {
        OrderId unknown = OrderId.newId();

        OrderNotFoundException notFound =
                catchThrowableOfType(OrderNotFoundException.class, () -> service.orderHistory(unknown));

        assertThat(notFound).isNotNull();
        assertThat(notFound.orderId()).isEqualTo(unknown);
    }

    private List<OrderId> storeOrdersOneMinuteApart(int count) {
        List<OrderId> oldestFirst = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Order order = anOrder().createdAt(START.plusSeconds(60L * i)).build();
            orders.add(order);
            oldestFirst.add(order.id());
        }
        return oldestFirst;
    }
}
