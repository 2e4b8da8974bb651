package dev.orderpay.application.service;

import dev.orderpay.application.port.out.event.TestEvents;
import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.order.CurrencyTotals;
import dev.orderpay.application.port.in.order.ListOrdersQuery;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.in.order.OrderPage;
import dev.orderpay.application.port.in.order.TotalsQuery;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.TestOrders;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
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

        OrderPage page = service.listOrders(new ListOrdersQuery(2, Optional.empty(), OrderFilter.NONE));

        assertThat(page.orders()).extracting(Order::id).containsExactly(oldestFirst.get(4), oldestFirst.get(3));
        assertThat(page.next()).contains(OrderCursor.after(page.orders().get(1)));
    }

    @Test
    void given_a_cursor_then_pages_continue_newest_first_until_the_last_which_has_no_cursor() {
        List<OrderId> oldestFirst = storeOrdersOneMinuteApart(5);

        OrderPage first = service.listOrders(new ListOrdersQuery(2, Optional.empty(), OrderFilter.NONE));
        OrderPage second = service.listOrders(new ListOrdersQuery(2, first.next(), OrderFilter.NONE));
        OrderPage last = service.listOrders(new ListOrdersQuery(2, second.next(), OrderFilter.NONE));

        assertThat(second.orders()).extracting(Order::id).containsExactly(oldestFirst.get(2), oldestFirst.get(1));
        assertThat(second.next()).isPresent();
        assertThat(last.orders()).extracting(Order::id).containsExactly(oldestFirst.get(0));
        assertThat(last.next()).isEmpty();
    }

    @Test
    void given_exactly_a_page_of_orders_left_then_that_page_has_no_cursor() {
        storeOrdersOneMinuteApart(4);

        OrderPage first = service.listOrders(new ListOrdersQuery(2, Optional.empty(), OrderFilter.NONE));
        OrderPage second = service.listOrders(new ListOrdersQuery(2, first.next(), OrderFilter.NONE));

        assertThat(first.next()).isPresent();
        assertThat(second.orders()).hasSize(2);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void given_no_orders_then_the_page_is_empty_without_a_cursor() {
        OrderPage page = service.listOrders(
                new ListOrdersQuery(ListOrdersQuery.DEFAULT_LIMIT, Optional.empty(), OrderFilter.NONE));

        assertThat(page.orders()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void given_a_stored_order_when_it_is_asked_for_then_it_is_returned_as_stored() {
        Order stored = anOrder().withStatus(OrderStatus.CAPTURED).build();
        orders.add(stored, NOT_HELD);

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
        orders.add(order, NOT_HELD);
        Provenance redirect = Provenance.of(ChangeSource.REDIRECT, "payment-1", START);
        Provenance callback = Provenance.of(ChangeSource.CALLBACK, "event-2", START.plusSeconds(30));
        Order loaded = orders.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.AUTHORIZED, redirect);
        Order saved = orders.update(loaded, TestEvents.of(loaded));
        saved.followProvider(OrderStatus.CAPTURED, callback);
        orders.update(saved, TestEvents.of(saved));

        List<StatusChange> history = service.orderHistory(order.id());

        assertThat(history).containsExactly(
                new StatusChange(order.id(), OrderStatus.PENDING, OrderStatus.AUTHORIZED, redirect),
                new StatusChange(order.id(), OrderStatus.AUTHORIZED, OrderStatus.CAPTURED, callback));
    }

    @Test
    void given_an_order_that_never_changed_when_its_history_is_asked_for_then_it_is_empty() {
        Order order = anOrder().build();
        orders.add(order, NOT_HELD);

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
            orders.add(order, NOT_HELD);
            oldestFirst.add(order.id());
        }
        return oldestFirst;
    }

    @Test
    void given_a_status_filter_then_only_orders_in_those_statuses_are_listed() {
        Order authorized = stored(anOrder().withStatus(OrderStatus.AUTHORIZED).createdAt(START));
        Order captured = stored(anOrder().withStatus(OrderStatus.CAPTURED).createdAt(START.plusSeconds(60)));
        stored(anOrder().withStatus(OrderStatus.PENDING).createdAt(START.plusSeconds(120)));

        OrderPage page = service.listOrders(query(2, filter(Set.of(OrderStatus.AUTHORIZED, OrderStatus.CAPTURED),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));

        assertThat(page.orders()).extracting(Order::id).containsExactly(captured.id(), authorized.id());
        assertThat(page.next()).isEmpty();
    }

    @Test
    void given_a_currency_filter_then_only_orders_in_that_currency_are_listed() {
        Order inKronor = stored(anOrder().withAmount(Money.of(100_00, "SEK")));
        stored(anOrder());

        OrderPage page = service.listOrders(query(10, filter(Set.of(), Optional.of(Currency.getInstance("SEK")),
                Optional.empty(), Optional.empty(), Optional.empty())));

        assertThat(page.orders()).extracting(Order::id).containsExactly(inKronor.id());
    }

    @Test
    void given_a_creation_range_then_orders_from_its_start_up_to_but_not_including_its_end_are_listed() {
        List<OrderId> oldestFirst = storeOrdersOneMinuteApart(4);

        OrderPage page = service.listOrders(query(10, filter(Set.of(), Optional.empty(),
                Optional.of(START.plusSeconds(60)), Optional.of(START.plusSeconds(180)), Optional.empty())));

        assertThat(page.orders()).extracting(Order::id).containsExactly(oldestFirst.get(2), oldestFirst.get(1));
    }

    @Test
    void given_a_receipt_filter_then_only_orders_with_that_exact_receipt_are_listed() {
        Order wanted = stored(anOrder().withReceipt("receipt#7"));
        stored(anOrder().withReceipt("receipt#70"));

        OrderPage page = service.listOrders(query(10, filter(Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new Receipt("receipt#7")))));

        assertThat(page.orders()).extracting(Order::id).containsExactly(wanted.id());
    }

    @Test
    void given_a_filter_and_more_matches_than_a_page_then_every_page_holds_matches_only_until_the_last() {
        List<OrderId> capturedNewestFirst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // every other order is captured; the ones in between must never show up
            OrderStatus status = i % 2 == 0 ? OrderStatus.CAPTURED : OrderStatus.AUTHORIZED;
            Order order = stored(anOrder().withStatus(status).createdAt(START.plusSeconds(60L * i)));
            if (status == OrderStatus.CAPTURED) {
                capturedNewestFirst.add(0, order.id());
            }
        }
        OrderFilter capturedOnly = filter(Set.of(OrderStatus.CAPTURED), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        OrderPage first = service.listOrders(query(2, capturedOnly));
        OrderPage second = service.listOrders(new ListOrdersQuery(2, first.next(), capturedOnly));

        assertThat(first.orders()).extracting(Order::id).containsExactlyElementsOf(capturedNewestFirst.subList(0, 2));
        assertThat(first.next()).isPresent();
        assertThat(second.orders()).extracting(Order::id).containsExactly(capturedNewestFirst.get(2));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void given_orders_with_payments_then_the_totals_are_what_the_repository_sums_for_the_query() {
        stored(anOrder().withStatus(OrderStatus.CAPTURED).withPayment("p-1", 299_00, 0));
        stored(anOrder().withStatus(OrderStatus.PARTIALLY_REFUNDED).withPayment("p-2", 299_00, 100_00));
        stored(anOrder().withStatus(OrderStatus.AUTHORIZED).withPayment("p-3", 0, 0)
                .withAmount(Money.of(50_00, "SEK")));
        TotalsQuery query = new TotalsQuery(Optional.empty(), Optional.empty(), Optional.empty());

        List<CurrencyTotals> totals = service.totals(query);

        assertThat(totals).isEqualTo(orders.totals(query)).containsExactly(
                new CurrencyTotals(Currency.getInstance("NOK"), 598_00, 598_00, 100_00),
                new CurrencyTotals(Currency.getInstance("SEK"), 50_00, 0, 0));
        assertThat(totals.get(0).netMinorUnits()).isEqualTo(498_00);
    }

    @Test
    void given_a_totals_query_for_one_currency_then_only_that_currency_is_summed() {
        stored(anOrder().withStatus(OrderStatus.CAPTURED).withPayment("p-1", 299_00, 0));
        stored(anOrder().withStatus(OrderStatus.CAPTURED).withPayment("p-2", 50_00, 0)
                .withAmount(Money.of(50_00, "SEK")));

        List<CurrencyTotals> totals = service.totals(
                new TotalsQuery(Optional.of(Currency.getInstance("SEK")), Optional.empty(), Optional.empty()));

        assertThat(totals).containsExactly(new CurrencyTotals(Currency.getInstance("SEK"), 50_00, 50_00, 0));
    }

    private Order stored(TestOrders order) {
        Order built = order.build();
        orders.add(built, NOT_HELD);
        return built;
    }

    private static ListOrdersQuery query(int limit, OrderFilter filter) {
        return new ListOrdersQuery(limit, Optional.empty(), filter);
    }

    private static OrderFilter filter(Set<OrderStatus> statuses, Optional<Currency> currency,
                                      Optional<Instant> createdFrom, Optional<Instant> createdTo,
                                      Optional<Receipt> receipt) {
        return new OrderFilter(statuses, currency, createdFrom, createdTo, receipt);
    }
}
