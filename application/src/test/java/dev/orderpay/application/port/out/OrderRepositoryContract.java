package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventCursor;
import dev.orderpay.application.port.in.event.EventFilter;
import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.event.TestEvents;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.application.port.in.order.CurrencyTotals;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.in.order.TotalsQuery;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderPayment;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentState;
import dev.orderpay.domain.PendingOperation;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.TestOrders;
import dev.orderpay.domain.contents.Customer;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.LineLedger;
import dev.orderpay.domain.contents.LineSelection;
import dev.orderpay.domain.contents.LineShare;
import dev.orderpay.domain.contents.Metadata;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.OrderLines;
import dev.orderpay.domain.contents.TestContents;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.TestWebhookEndpoints;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.application.port.in.event.EventDelivery;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static dev.orderpay.domain.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every {@link OrderRepository} must do. Each implementation's test extends this class and supplies a
 * repository over empty storage, and the {@link EventLog} of that storage, where the events saved with its orders are,
 * with its webhook endpoints and the deliveries made with the events.
 */
public abstract class OrderRepositoryContract {

    /** The hold of an order stored whole, as a test's fixture: its creation ended long ago. */
    public static final Instant NOT_HELD = Instant.EPOCH;

    private static final Instant CUTOFF = Instant.parse("2026-03-08T14:00:00Z");
    private static final Instant AN_HOUR_BEFORE_CUTOFF = CUTOFF.minus(Duration.ofHours(1));
    private static final Instant NOW = CUTOFF.plus(Duration.ofMinutes(15));
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Instant STARTED_AT = Instant.parse("2026-03-08T13:40:00.123456Z");
    private static final Instant PERIOD_START = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2026-03-01T00:00:00Z");

    // The repository the listing fixture was added to, for list(..).
    private OrderRepository listingRepository;

    /** A repository with no orders in it. */
    protected abstract OrderRepository emptyRepository();

    /** The events of the storage {@link #emptyRepository()} last emptied. */
    protected abstract EventLog events();

    /** The webhook endpoints of that storage. */
    protected abstract WebhookEndpoints endpoints();

    /** The webhook deliveries of that storage. */
    protected abstract WebhookDeliveries deliveries();

    @Test
    void an_event_is_stored_with_a_delivery_to_every_endpoint_enabled_and_subscribed_to_it_then() {
        OrderRepository repository = emptyRepository();
        WebhookEndpoint everything = endpoint(TestWebhookEndpoints.anEndpoint());
        WebhookEndpoint authorizations = endpoint(TestWebhookEndpoints.anEndpoint()
                .subscribedTo(EventType.ORDER_AUTHORIZED));
        WebhookEndpoint creations = endpoint(TestWebhookEndpoints.anEndpoint()
                .subscribedTo(EventType.ORDER_CREATED, EventType.ORDER_CAPTURED));
        WebhookEndpoint disabled = endpoint(TestWebhookEndpoints.anEndpoint());
        endpoints().disable(disabled.id(), "Disabled through the API.", PERIOD_START);

        Order order = announced(repository, PERIOD_START);
        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        repository.update(loaded, TestEvents.of(loaded, PERIOD_START.plusSeconds(5)));
        endpoint(TestWebhookEndpoints.anEndpoint());

        List<Event> events = events().findByOrder(order.id());
        List<EventDelivery> ofCreated = deliveries().findByEvent(events.get(0).id());
        List<EventDelivery> ofAuthorized = deliveries().findByEvent(events.get(1).id());
        assertThat(ofCreated).extracting(EventDelivery::endpointId)
                .containsExactlyInAnyOrder(Optional.of(everything.id()), Optional.of(creations.id()));
        assertThat(ofAuthorized).extracting(EventDelivery::endpointId)
                .containsExactlyInAnyOrder(Optional.of(everything.id()), Optional.of(authorizations.id()));
        assertThat(ofAuthorized).allSatisfy(delivery -> {
            assertThat(delivery.eventId()).isEqualTo(events.get(1).id());
            assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(delivery.createdAt()).isEqualTo(PERIOD_START.plusSeconds(5));
            assertThat(delivery.nextAttemptAt()).contains(PERIOD_START.plusSeconds(5));
            assertThat(delivery.attempts()).isEmpty();
        });
    }

    @Test
    void a_stale_update_makes_no_delivery() {
        OrderRepository repository = emptyRepository();
        endpoint(TestWebhookEndpoints.anEndpoint());
        Order order = anOrderWithSession();
        repository.add(order, NOT_HELD);
        Order first = repository.findById(order.id()).orElseThrow();
        Order second = repository.findById(order.id()).orElseThrow();
        first.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        repository.update(first, TestEvents.of(first));
        second.followProvider(OrderStatus.DECLINED, TestOrders.BY_TEST);
        List<Event> lost = TestEvents.of(second);

        assertThatThrownBy(() -> repository.update(second, lost)).isInstanceOf(ConcurrentOrderUpdateException.class);

        assertThat(deliveries().findByEvent(lost.get(0).id())).isEmpty();
        assertThat(deliveries().findByEvent(events().findByOrder(order.id()).get(0).id())).hasSize(1);
    }

    private WebhookEndpoint endpoint(TestWebhookEndpoints.Builder builder) {
        WebhookEndpoint endpoint = builder.build();
        endpoints().addWithinLimit(endpoint, 16);
        return endpoint;
    }

    @Test
    void an_added_order_is_found_as_it_was_with_version_zero() {
        OrderRepository repository = emptyRepository();
        Order order = anOrder().withReceipt("receipt#1 æøå").build();

        repository.add(order, NOT_HELD);

        Order found = repository.findById(order.id()).orElseThrow();
        assertSameOrder(found, order);
        assertThat(found.version()).isZero();
        assertThat(found.session()).isEmpty();
        assertThat(found.payment()).isEqualTo(OrderPayment.none(order.amount().currency()));
        assertThat(found.pendingOperation()).isEmpty();
    }

    @Test
    void an_added_order_keeps_its_callback_url_through_its_updates() {
        OrderRepository repository = emptyRepository();
        Order order = anOrder().withCallbackUrl("https://shop.example/callbacks?order=7&token=t%C3%A5").build();

        repository.add(order, NOT_HELD);
        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.attachSession(TestOrders.sessionFor("S-1"));
        Order saved = repository.update(loaded, TestEvents.of(loaded, TestOrders.CREATED_AT));

        assertThat(loaded.callbackUrl()).isEqualTo(order.callbackUrl());
        assertThat(saved.callbackUrl()).isEqualTo(order.callbackUrl());
        assertThat(repository.findById(order.id()).orElseThrow().callbackUrl()).isEqualTo(order.callbackUrl())
                .isPresent();
        assertThat(repository.findById(announced(repository, TestOrders.CREATED_AT).id()).orElseThrow()
                .callbackUrl()).isEmpty();
    }

    @Test
    void an_added_order_keeps_its_payment_amounts_and_pending_operation() {
        OrderRepository repository = emptyRepository();
        OrderPayment payment = new OrderPayment(Optional.of(new PaymentId("payment-7")), TestOrders.nok(400_00),
                TestOrders.nok(100_00));
        PendingOperation refund = new PendingOperation(PendingOperation.Type.REFUND, TestOrders.nok(50_00),
                TestOrders.nok(100_00), STARTED_AT);
        Order order = Order.rehydrate(OrderId.newId(), TestOrders.nok(500_00), new Receipt("receipt#1"), null,
                OrderContents.NONE, TestOrders.CREATED_AT, OrderStatus.PARTIALLY_REFUNDED, TestOrders.sessionFor("S-1"), payment, refund, 0,
                0);

        repository.add(order, NOT_HELD);

        Order found = repository.findById(order.id()).orElseThrow();
        assertThat(found.payment()).isEqualTo(payment);
        assertThat(found.pendingOperation()).contains(refund);
    }

    @Test
    void an_update_stores_a_started_operation_and_then_the_payment_that_completes_it() {
        OrderRepository repository = emptyRepository();
        Order order = aPaidOrder("NOK", 500_00, OrderStatus.AUTHORIZED, 0, 0, TestOrders.CREATED_AT);
        repository.add(order, NOT_HELD);

        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.startCapture(Optional.of(TestOrders.nok(200_00)), STARTED_AT);
        Order withCaptureUnderway = repository.update(loaded, TestEvents.of(loaded));
        Order foundUnderway = repository.findById(order.id()).orElseThrow();
        withCaptureUnderway.followPayment(new PaymentState(paymentIdOf(order), OrderStatus.PARTIALLY_CAPTURED,
                TestOrders.nok(200_00), TestOrders.nok(0)), TestOrders.BY_TEST);
        repository.update(withCaptureUnderway, TestEvents.of(withCaptureUnderway));
        Order foundCaptured = repository.findById(order.id()).orElseThrow();

        assertThat(foundUnderway.pendingOperation()).contains(
                new PendingOperation(PendingOperation.Type.CAPTURE, TestOrders.nok(200_00), TestOrders.nok(0),
                        STARTED_AT));
        assertThat(foundCaptured.pendingOperation()).isEmpty();
        assertThat(foundCaptured.status()).isEqualTo(OrderStatus.PARTIALLY_CAPTURED);
        assertThat(foundCaptured.payment()).isEqualTo(new OrderPayment(Optional.of(paymentIdOf(order)),
                TestOrders.nok(200_00), TestOrders.nok(0)));
    }

    @Test
    void an_update_links_the_payment_the_provider_reports() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession();
        repository.add(order, NOT_HELD);

        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.followPayment(new PaymentState(new PaymentId("payment-9"), OrderStatus.CAPTURED, TestOrders.nok(299_00),
                TestOrders.nok(0)), TestOrders.BY_TEST);
        repository.update(loaded, TestEvents.of(loaded));

        assertThat(repository.findById(order.id()).orElseThrow().payment())
                .isEqualTo(new OrderPayment(Optional.of(new PaymentId("payment-9")), TestOrders.nok(299_00),
                        TestOrders.nok(0)));
    }

    @Test
    void an_unknown_order_is_not_found() {
        assertThat(emptyRepository().findById(OrderId.newId())).isEmpty();
    }

    @Test
    void adding_the_same_order_twice_is_refused() {
        OrderRepository repository = emptyRepository();
        Order order = anOrder().build();
        repository.add(order, NOT_HELD);

        assertThatThrownBy(() -> repository.add(order, NOT_HELD)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void an_update_stores_status_and_session_and_advances_the_version() {
        OrderRepository repository = emptyRepository();
        Order order = anOrder().build();
        repository.add(order, NOT_HELD);
        Order loaded = repository.findById(order.id()).orElseThrow();

        loaded.attachSession(TestOrders.sessionFor("S-1"));
        Order saved = repository.update(loaded, TestEvents.of(loaded));
        saved.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        Order savedAgain = repository.update(saved, TestEvents.of(saved));

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
        repository.add(order, NOT_HELD);
        Order first = repository.findById(order.id()).orElseThrow();
        Order second = repository.findById(order.id()).orElseThrow();

        first.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        repository.update(first, TestEvents.of(first));
        second.followProvider(OrderStatus.DECLINED, TestOrders.BY_TEST);

        assertThatThrownBy(() -> repository.update(second, TestEvents.of(second))).isInstanceOf(ConcurrentOrderUpdateException.class);
        assertThat(repository.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void orders_are_listed_newest_first() {
        OrderRepository repository = emptyRepository();
        Order oldest = anOrder().createdAt(Instant.parse("2026-01-01T10:00:00Z")).build();
        Order newest = anOrder().createdAt(Instant.parse("2026-01-03T10:00:00Z")).build();
        Order middle = anOrder().createdAt(Instant.parse("2026-01-02T10:00:00Z")).build();
        List.of(oldest, newest, middle).forEach(order -> repository.add(order, NOT_HELD));

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
            repository.add(order, NOT_HELD);
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
            repository.add(anOrder().createdAt(Instant.parse("2026-01-01T10:00:00Z").plusSeconds(i)).build(), NOT_HELD);
        }

        assertThat(repository.findNewestFirst(OrderFilter.NONE, Optional.empty(), 2)).hasSize(2);
    }

    @Test
    void a_status_filter_lists_only_orders_in_one_of_its_statuses() {
        Listed orders = addListingFixture();

        assertThat(list(filter(Set.of(OrderStatus.AUTHORIZED), null, null, null, null)))
                .containsExactly(orders.sekAuthorized(), orders.nokAuthorized());
        assertThat(list(filter(Set.of(OrderStatus.AUTHORIZED, OrderStatus.CAPTURED), null, null, null, null)))
                .containsExactly(orders.nokCaptured(), orders.sekCaptured(), orders.sekAuthorized(),
                        orders.nokAuthorized());
    }

    @Test
    void a_currency_filter_lists_only_orders_in_that_currency() {
        Listed orders = addListingFixture();

        assertThat(list(filter(Set.of(), "SEK", null, null, null)))
                .containsExactly(orders.sekCaptured(), orders.sekAuthorized());
    }

    @Test
    void a_period_filter_includes_its_start_and_excludes_its_end() {
        Listed orders = addListingFixture();

        assertThat(list(filter(Set.of(), null, day(3), null, null)))
                .containsExactly(orders.eurCancelled(), orders.nokCaptured(), orders.sekCaptured(),
                        orders.sekAuthorized());
        assertThat(list(filter(Set.of(), null, null, day(3), null)))
                .containsExactly(orders.nokAuthorized(), orders.nokPending());
        assertThat(list(filter(Set.of(), null, day(2), day(4), null)))
                .containsExactly(orders.sekAuthorized(), orders.nokAuthorized());
    }

    @Test
    void a_receipt_filter_lists_only_orders_with_exactly_that_receipt() {
        Listed orders = addListingFixture();

        assertThat(list(filter(Set.of(), null, null, null, "receipt#shared")))
                .containsExactly(orders.nokCaptured(), orders.sekCaptured());
        assertThat(list(filter(Set.of(), null, null, null, "RECEIPT#SHARED"))).isEmpty();
    }

    @Test
    void filters_given_together_must_all_pass() {
        Listed orders = addListingFixture();

        assertThat(list(filter(Set.of(OrderStatus.AUTHORIZED, OrderStatus.CAPTURED), "NOK", day(2), day(6), null)))
                .containsExactly(orders.nokCaptured(), orders.nokAuthorized());
        assertThat(list(filter(Set.of(OrderStatus.CAPTURED), "SEK", null, null, "receipt#shared")))
                .containsExactly(orders.sekCaptured());
        assertThat(list(filter(Set.of(OrderStatus.CAPTURED), "EUR", null, null, null))).isEmpty();
    }

    @Test
    void paging_through_a_filtered_listing_visits_every_matching_order_once_newest_first() {
        OrderRepository repository = emptyRepository();
        Listed orders = addListingFixture(repository);
        OrderFilter paid = filter(Set.of(OrderStatus.AUTHORIZED, OrderStatus.CAPTURED), null, null, null, null);

        List<Order> first = repository.findNewestFirst(paid, Optional.empty(), 3);
        List<Order> second = repository.findNewestFirst(paid, Optional.of(OrderCursor.after(first.get(2))), 3);

        assertThat(first).extracting(Order::id)
                .containsExactly(orders.nokCaptured(), orders.sekCaptured(), orders.sekAuthorized());
        assertThat(second).extracting(Order::id).containsExactly(orders.nokAuthorized());
    }

    @Test
    void totals_sum_per_currency_the_orders_authorized_or_later_created_in_the_period() {
        OrderRepository repository = emptyRepository();
        addTotalsFixture(repository);

        List<CurrencyTotals> totals = repository.totals(new TotalsQuery(Optional.empty(), Optional.of(PERIOD_START),
                Optional.of(PERIOD_END)));

        assertThat(totals).containsExactlyInAnyOrder(
                new CurrencyTotals(Currency.getInstance("NOK"), 610_00, 350_00, 300_00),
                new CurrencyTotals(Currency.getInstance("SEK"), 900_00, 900_00, 100_00));
    }

    @Test
    void totals_for_one_currency_leave_the_others_out() {
        OrderRepository repository = emptyRepository();
        addTotalsFixture(repository);

        List<CurrencyTotals> totals = repository.totals(new TotalsQuery(Optional.of(Currency.getInstance("SEK")),
                Optional.of(PERIOD_START), Optional.of(PERIOD_END)));

        assertThat(totals).containsExactly(new CurrencyTotals(Currency.getInstance("SEK"), 900_00, 900_00, 100_00));
    }

    @Test
    void totals_without_a_period_cover_every_order() {
        OrderRepository repository = emptyRepository();
        addTotalsFixture(repository);

        List<CurrencyTotals> totals = repository.totals(new TotalsQuery(Optional.empty(), Optional.empty(),
                Optional.empty()));

        assertThat(totals).containsExactlyInAnyOrder(
                new CurrencyTotals(Currency.getInstance("NOK"), 1_610_00, 1_350_00, 300_00),
                new CurrencyTotals(Currency.getInstance("SEK"), 2_900_00, 2_900_00, 100_00));
    }

    @Test
    void totals_over_orders_none_of_which_was_authorized_are_empty() {
        OrderRepository repository = emptyRepository();
        repository.add(anOrderWithSession(OrderStatus.PENDING, PERIOD_START), NOT_HELD);
        repository.add(aPaidOrder("NOK", 100_00, OrderStatus.CANCELLED, 0, 0, PERIOD_START), NOT_HELD);

        assertThat(repository.totals(new TotalsQuery(Optional.empty(), Optional.empty(), Optional.empty()))).isEmpty();
    }

    @Test
    void an_update_records_its_changes_as_history_with_their_provenance_oldest_first() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession();
        repository.add(order, NOT_HELD);
        Provenance held = Provenance.of(ChangeSource.CALLBACK, "event-1", Instant.parse("2026-03-08T13:30:00Z"));
        Provenance authorized = Provenance.of(ChangeSource.REDIRECT, "payment-1", Instant.parse("2026-03-08T13:31:00Z"));
        Provenance captured = Provenance.unreferenced(ChangeSource.RECONCILIATION, Instant.parse("2026-03-08T14:00:00Z"));

        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.ON_HOLD, held);
        loaded.followProvider(OrderStatus.AUTHORIZED, authorized);
        Order saved = repository.update(loaded, TestEvents.of(loaded));
        saved.followProvider(OrderStatus.CAPTURED, captured);
        repository.update(saved, TestEvents.of(saved));

        assertThat(repository.history(order.id())).containsExactly(
                new StatusChange(order.id(), OrderStatus.PENDING, OrderStatus.ON_HOLD, held),
                new StatusChange(order.id(), OrderStatus.ON_HOLD, OrderStatus.AUTHORIZED, authorized),
                new StatusChange(order.id(), OrderStatus.AUTHORIZED, OrderStatus.CAPTURED, captured));
    }

    @Test
    void an_order_returned_by_an_update_carries_no_changes_so_saving_it_again_records_none_twice() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession();
        repository.add(order, NOT_HELD);
        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);

        Order saved = repository.update(loaded, TestEvents.of(loaded));
        repository.update(saved, TestEvents.of(saved));

        assertThat(saved.uncommittedChanges()).isEmpty();
        assertThat(repository.history(order.id())).hasSize(1);
    }

    @Test
    void an_order_that_has_something_to_tell_cannot_be_added_since_its_events_come_with_an_update() {
        OrderRepository repository = emptyRepository();
        Provenance checkout = Provenance.unreferenced(ChangeSource.CHECKOUT, TestOrders.CREATED_AT);
        Order order = Order.place(OrderId.newId(), TestOrders.nok(100_00), new Receipt("receipt#1"),
                Optional.empty(), OrderContents.NONE, TestOrders.CREATED_AT);
        order.failCheckout(checkout);

        assertThatThrownBy(() -> repository.add(order, NOT_HELD)).isInstanceOf(IllegalArgumentException.class);

        assertThat(repository.findById(order.id())).isEmpty();
    }

    @Test
    void an_update_stores_the_orders_events_with_it_and_a_stale_one_stores_none() {
        OrderRepository repository = emptyRepository();
        Order order = anOrder().build();
        repository.add(order, NOT_HELD);
        Order first = repository.findById(order.id()).orElseThrow();
        Order second = repository.findById(order.id()).orElseThrow();
        first.attachSession(TestOrders.sessionFor("S-1"));
        second.failCheckout(TestOrders.BY_TEST);

        Order saved = repository.update(first, TestEvents.of(first));
        assertThatThrownBy(() -> repository.update(second, TestEvents.of(second)))
                .isInstanceOf(ConcurrentOrderUpdateException.class);

        assertThat(saved.lastEventSequence()).isEqualTo(1);
        assertThat(events().findByOrder(order.id())).extracting(Event::type, Event::sequence)
                .containsExactly(tuple(EventType.ORDER_CREATED, 1L));
    }

    @Test
    void an_update_refuses_events_that_are_not_the_orders_new_ones_and_stores_nothing() {
        OrderRepository repository = emptyRepository();
        Order order = anOrder().build();
        repository.add(order, NOT_HELD);
        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.failCheckout(TestOrders.BY_TEST);
        List<Event> onlyTheFirst = TestEvents.of(loaded).subList(0, 1);

        assertThatThrownBy(() -> repository.update(loaded, onlyTheFirst)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.update(loaded, List.of())).isInstanceOf(IllegalArgumentException.class);

        assertThat(repository.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(repository.history(order.id())).isEmpty();
        assertThat(events().findByOrder(order.id())).isEmpty();
    }

    @Test
    void events_are_listed_newest_first_through_their_filters_and_from_a_cursor() {
        OrderRepository repository = emptyRepository();
        Order first = announced(repository, PERIOD_START);
        Order second = announced(repository, PERIOD_START.plusSeconds(10));
        Order authorized = repository.findById(first.id()).orElseThrow();
        authorized.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        repository.update(authorized, TestEvents.of(authorized, PERIOD_START.plusSeconds(20)));

        List<Event> all = events().findNewestFirst(EventFilter.NONE, Optional.empty(), 10);
        assertThat(all).extracting(Event::orderId, Event::type).containsExactly(
                tuple(first.id(), EventType.ORDER_AUTHORIZED),
                tuple(second.id(), EventType.ORDER_CREATED),
                tuple(first.id(), EventType.ORDER_CREATED));
        assertThat(events().findNewestFirst(EventFilter.NONE, Optional.of(EventCursor.after(all.get(0))), 1))
                .containsExactly(all.get(1));
        assertThat(events().findNewestFirst(new EventFilter(Set.of(EventType.ORDER_CREATED), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10)).containsExactly(all.get(1), all.get(2));
        assertThat(events().findNewestFirst(new EventFilter(Set.of(), Optional.of(first.id()), Optional.empty(),
                Optional.empty(), Optional.empty()), Optional.empty(), 10)).containsExactly(all.get(0), all.get(2));
        assertThat(events().findNewestFirst(new EventFilter(Set.of(), Optional.empty(),
                Optional.of(PERIOD_START.plusSeconds(10)), Optional.of(PERIOD_START.plusSeconds(20)),
                Optional.empty()), Optional.empty(), 10)).containsExactly(all.get(1));
    }

    @Test
    void an_event_is_read_back_as_it_was_stored_and_an_orders_events_come_in_sequence_order() {
        OrderRepository repository = emptyRepository();
        Order order = announced(repository, PERIOD_START);
        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.ON_HOLD, TestOrders.BY_TEST);
        loaded.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        List<Event> recorded = TestEvents.of(loaded, PERIOD_START.plusSeconds(1));
        repository.update(loaded, recorded);

        assertThat(events().findById(recorded.get(1).id())).contains(recorded.get(1));
        assertThat(events().findById(EventId.newId())).isEmpty();
        assertThat(events().findByOrder(order.id())).extracting(Event::sequence, Event::type).containsExactly(
                tuple(1L, EventType.ORDER_CREATED), tuple(2L, EventType.ORDER_ON_HOLD),
                tuple(3L, EventType.ORDER_AUTHORIZED));
        assertThat(events().findByOrder(OrderId.newId())).isEmpty();
    }

    @Test
    void a_stale_update_records_no_history() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession();
        repository.add(order, NOT_HELD);
        Order first = repository.findById(order.id()).orElseThrow();
        Order second = repository.findById(order.id()).orElseThrow();
        first.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        repository.update(first, TestEvents.of(first));
        second.followProvider(OrderStatus.DECLINED, TestOrders.BY_TEST);

        assertThatThrownBy(() -> repository.update(second, TestEvents.of(second))).isInstanceOf(ConcurrentOrderUpdateException.class);

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
        List.of(pending, onHold).forEach(order -> repository.add(order, NOT_HELD));
        for (OrderStatus settled : List.of(OrderStatus.AUTHORIZED, OrderStatus.CAPTURED, OrderStatus.DECLINED,
                OrderStatus.FAILED, OrderStatus.CANCELLED, OrderStatus.EXPIRED)) {
            repository.add(anOrderWithSession(settled, AN_HOUR_BEFORE_CUTOFF.minusSeconds(120)), NOT_HELD);
        }
        repository.add(anOrderWithSession(OrderStatus.PENDING, CUTOFF), NOT_HELD);
        repository.add(anOrderWithSession(OrderStatus.ON_HOLD, CUTOFF.plusSeconds(1)), NOT_HELD);

        List<Order> claimed = repository.claimUnsettled(CUTOFF, NOW, NOW.plus(LEASE), 10);

        assertThat(claimed).extracting(Order::id).containsExactly(onHold.id(), pending.id());
        assertSameOrder(claimed.get(0), onHold);
        assertThat(claimed.get(0).session()).isEqualTo(onHold.session());
    }

    @Test
    void the_oldest_unsettled_order_is_found_whether_claimed_or_held_and_settled_ones_are_passed_over() {
        OrderRepository repository = emptyRepository();
        assertThat(repository.oldestUnsettledCreatedAt()).isEmpty();
        repository.add(anOrderWithSession(OrderStatus.CAPTURED, AN_HOUR_BEFORE_CUTOFF.minusSeconds(120)), NOT_HELD);
        Order capturing = withPending(aPaidOrder("NOK", 100_00, OrderStatus.AUTHORIZED, 0, 0,
                AN_HOUR_BEFORE_CUTOFF.minusSeconds(60)), new PendingOperation(PendingOperation.Type.CAPTURE,
                TestOrders.nok(100_00), TestOrders.nok(0), STARTED_AT));
        repository.add(capturing, NOT_HELD);
        repository.add(anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF), NOT_HELD);
        repository.add(anOrder().createdAt(CUTOFF).build(), NOW.plus(LEASE));
        repository.claimUnsettled(CUTOFF, NOW, NOW.plus(LEASE), 10);

        assertThat(repository.oldestUnsettledCreatedAt()).contains(AN_HOUR_BEFORE_CUTOFF.minusSeconds(60));
    }

    @Test
    void claiming_honours_its_limit_taking_the_oldest() {
        OrderRepository repository = emptyRepository();
        List<OrderId> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Order order = anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF.plusSeconds(i));
            repository.add(order, NOT_HELD);
            oldestFirst.add(order.id());
        }

        List<Order> claimed = repository.claimUnsettled(CUTOFF, NOW, NOW.plus(LEASE), 3);

        assertThat(claimed).extracting(Order::id).containsExactlyElementsOf(oldestFirst.subList(0, 3));
    }

    @Test
    void a_claimed_order_is_not_claimed_again_until_its_claim_expires() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF);
        repository.add(order, NOT_HELD);
        Instant claimedUntil = NOW.plus(LEASE);
        repository.claimUnsettled(CUTOFF, NOW, claimedUntil, 10);

        List<Order> whileClaimed = repository.claimUnsettled(CUTOFF, claimedUntil.minusMillis(1), NOW.plus(LEASE), 10);
        List<Order> onceExpired = repository.claimUnsettled(CUTOFF, claimedUntil, claimedUntil.plus(LEASE), 10);

        assertThat(whileClaimed).isEmpty();
        assertThat(onceExpired).extracting(Order::id).containsExactly(order.id());
    }

    @Test
    void released_claims_are_free_to_claim_at_once_and_others_stay_claimed() {
        OrderRepository repository = emptyRepository();
        Order released = anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF);
        Order kept = anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF.plusSeconds(1));
        List.of(released, kept).forEach(order -> repository.add(order, NOT_HELD));
        // Finer than the database keeps: the release must still name the claim exactly.
        Instant claimedUntil = NOW.plus(LEASE).plusNanos(987_654_321);
        repository.claimUnsettled(CUTOFF, NOW, claimedUntil, 10);

        int count = repository.releaseClaims(List.of(released.id(), OrderId.newId()), claimedUntil);
        List<Order> claimedAgain = repository.claimUnsettled(CUTOFF, NOW, NOW.plus(LEASE), 10);

        assertThat(count).isEqualTo(1);
        assertThat(claimedAgain).extracting(Order::id).containsExactly(released.id());
    }

    @Test
    void a_release_leaves_alone_a_claim_taken_after_ours_ran_out() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF);
        repository.add(order, NOT_HELD);
        Instant ours = NOW.plus(LEASE);
        repository.claimUnsettled(CUTOFF, NOW, ours, 10);
        Instant theirs = ours.plus(LEASE);
        repository.claimUnsettled(CUTOFF, ours, theirs, 10);

        int count = repository.releaseClaims(List.of(order.id()), ours);

        assertThat(count).isZero();
        assertThat(repository.claimUnsettled(CUTOFF, theirs.minusMillis(1), theirs.plus(LEASE), 10)).isEmpty();
    }

    @Test
    void claiming_leaves_the_version_alone_so_a_copy_loaded_before_the_claim_can_still_be_saved() {
        OrderRepository repository = emptyRepository();
        Order order = anOrderWithSession(OrderStatus.PENDING, AN_HOUR_BEFORE_CUTOFF);
        repository.add(order, NOT_HELD);
        Order loadedBeforeClaim = repository.findById(order.id()).orElseThrow();

        List<Order> claimed = repository.claimUnsettled(CUTOFF, NOW, NOW.plus(LEASE), 10);
        loadedBeforeClaim.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        Order saved = repository.update(loadedBeforeClaim, TestEvents.of(loadedBeforeClaim));

        assertThat(claimed).extracting(Order::version).containsExactly(0L);
        assertThat(saved.version()).isEqualTo(1);
        assertThat(repository.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void claiming_also_returns_orders_of_any_status_with_an_operation_pending_at_the_provider() {
        OrderRepository repository = emptyRepository();
        Order capturing = withPending(aPaidOrder("NOK", 100_00, OrderStatus.AUTHORIZED, 0, 0,
                AN_HOUR_BEFORE_CUTOFF.minusSeconds(30)), new PendingOperation(PendingOperation.Type.CAPTURE,
                TestOrders.nok(100_00), TestOrders.nok(0), STARTED_AT));
        Order refunding = withPending(aPaidOrder("NOK", 100_00, OrderStatus.CAPTURED, 100_00, 0,
                AN_HOUR_BEFORE_CUTOFF.minusSeconds(20)), new PendingOperation(PendingOperation.Type.REFUND,
                TestOrders.nok(40_00), TestOrders.nok(0), STARTED_AT));
        Order cancelling = withPending(aPaidOrder("NOK", 100_00, OrderStatus.AUTHORIZED, 0, 0,
                AN_HOUR_BEFORE_CUTOFF.minusSeconds(10)), new PendingOperation(PendingOperation.Type.CANCEL,
                TestOrders.nok(0), TestOrders.nok(0), STARTED_AT));
        List.of(refunding, cancelling, capturing).forEach(order -> repository.add(order, NOT_HELD));
        repository.add(aPaidOrder("NOK", 100_00, OrderStatus.AUTHORIZED, 0, 0, AN_HOUR_BEFORE_CUTOFF), NOT_HELD);
        repository.add(withPending(aPaidOrder("NOK", 100_00, OrderStatus.CAPTURED, 100_00, 0, CUTOFF),
                new PendingOperation(PendingOperation.Type.REFUND, TestOrders.nok(40_00), TestOrders.nok(0),
                        STARTED_AT)), NOT_HELD);

        List<Order> claimed = repository.claimUnsettled(CUTOFF, NOW, NOW.plus(LEASE), 10);

        assertThat(claimed).extracting(Order::id).containsExactly(capturing.id(), refunding.id(), cancelling.id());
        assertThat(claimed).extracting(Order::pendingOperation).containsExactly(capturing.pendingOperation(),
                refunding.pendingOperation(), cancelling.pendingOperation());
    }

    @Test
    void an_order_held_by_its_creation_is_not_claimed_until_the_hold_has_passed() {
        OrderRepository repository = emptyRepository();
        Order beingCreated = anOrder().createdAt(AN_HOUR_BEFORE_CUTOFF).build();
        Instant heldUntil = NOW.plus(LEASE);
        repository.add(beingCreated, heldUntil);

        List<Order> whileHeld = repository.claimUnsettled(CUTOFF, heldUntil.minusMillis(1), NOW.plus(LEASE), 10);
        List<Order> onceItPassed = repository.claimUnsettled(CUTOFF, heldUntil, heldUntil.plus(LEASE), 10);

        assertThat(whileHeld).isEmpty();
        assertThat(onceItPassed).extracting(Order::id).containsExactly(beingCreated.id());
        assertThat(onceItPassed.get(0).session()).isEmpty();
    }

    @Test
    void the_creation_storing_its_outcome_ends_the_hold() {
        OrderRepository repository = emptyRepository();
        Order beingCreated = anOrder().createdAt(AN_HOUR_BEFORE_CUTOFF).build();
        repository.add(beingCreated, NOW.plus(Duration.ofHours(1)));

        Order created = repository.findById(beingCreated.id()).orElseThrow();
        created.attachSession(TestOrders.sessionFor("S-1"));
        repository.update(created, TestEvents.of(created));
        List<Order> claimed = repository.claimUnsettled(CUTOFF, NOW, NOW.plus(LEASE), 10);

        assertThat(claimed).extracting(Order::id).containsExactly(beingCreated.id());
        assertThat(claimed.get(0).session()).contains(TestOrders.sessionFor("S-1"));
    }

    @Test
    void an_orders_contents_are_read_back_whole_by_id_and_after_an_update() {
        OrderRepository repository = emptyRepository();
        OrderContents contents = TestContents.contentsOf29900();
        Order order = anOrder().withContents(contents).build();
        repository.add(order, NOT_HELD);

        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.attachSession(TestOrders.sessionFor("S-1"));
        Order updated = repository.update(loaded, TestEvents.of(loaded, PERIOD_START));

        assertThat(loaded.contents()).isEqualTo(contents);
        assertThat(updated.contents()).isEqualTo(contents);
        assertThat(repository.findById(order.id()).orElseThrow().contents()).isEqualTo(contents);
    }

    @Test
    void a_listing_carries_a_summary_of_each_orders_contents_and_an_order_without_has_none() {
        OrderRepository repository = emptyRepository();
        OrderContents contents = TestContents.contentsOf29900();
        repository.add(anOrder().withContents(contents).createdAt(day(2)).build(), NOT_HELD);
        repository.add(anOrder().createdAt(day(1)).build(), NOT_HELD);

        List<Order> listed = repository.findNewestFirst(OrderFilter.NONE, Optional.empty(), 10);

        assertThat(listed.get(0).contents()).isEqualTo(contents.summary());
        assertThat(listed.get(0).contents().lines().isLoaded()).isFalse();
        assertThat(listed.get(1).contents()).isEqualTo(OrderContents.NONE.summary());
    }

    @Test
    void a_listing_filters_by_customer_email_and_by_every_metadata_pair_given() {
        OrderRepository repository = emptyRepository();
        OrderId kariXmas = add(repository, anOrder().withContents(contentsWith("kari@example.com",
                Map.of("channel", "web", "campaign", "xmas"))).createdAt(day(1)).build());
        OrderId web = add(repository, anOrder().withContents(contentsWith("ola@example.com",
                Map.of("channel", "web"))).createdAt(day(2)).build());
        add(repository, anOrder().createdAt(day(3)).build());
        listingRepository = repository;

        assertThat(list(contentsFilter("kari@example.com", Map.of()))).containsExactly(kariXmas);
        assertThat(list(contentsFilter(null, Map.of("channel", "web")))).containsExactly(web, kariXmas);
        assertThat(list(contentsFilter(null, Map.of("channel", "web", "campaign", "xmas"))))
                .containsExactly(kariXmas);
        assertThat(list(contentsFilter("ola@example.com", Map.of("campaign", "xmas")))).isEmpty();
        assertThat(list(contentsFilter(null, Map.of("channel", "shop")))).isEmpty();
    }

    private static OrderContents contentsWith(String email, Map<String, String> metadata) {
        return new OrderContents(OrderLines.NONE, new Customer(Optional.of(new EmailAddress(email)),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), Optional.empty(),
                Metadata.of(metadata));
    }

    /**
     * One writer moves an order's lines, a unit at a time, as the operations service and the provider's news do: a
     * capture or refund of a line is reserved (the row alone), then the provider shows it done and the lines move
     * with the money. Meanwhile one reader finds the order and another claims it while an operation is pending.
     * Every copy read must hold its row and its lines as of one moment: what the lines captured and refunded adds up
     * to the order's totals, and the pending operation's lines can still take it. Bounded by the writer's rounds;
     * the readers stop at the first copy that is torn.
     */
    @Test
    void an_order_whose_lines_keep_moving_is_read_and_claimed_with_its_row_and_lines_as_of_one_moment()
            throws Exception {
        OrderRepository repository = emptyRepository();
        Order order = TestOrders.anAuthorizedOrder().createdAt(AN_HOUR_BEFORE_CUTOFF).withContents(
                new OrderContents(new OrderLines(List.of(TestContents.line("a", "500", 500_00, 100_00),
                        TestContents.line("b", "500", 500_00, 100_00))), Customer.NONE, Optional.empty(),
                        Optional.empty(), Metadata.NONE)).build();
        repository.add(order, NOT_HELD);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger claims = new AtomicInteger();
        Runnable find = () -> {
            while (writing.get() && torn.get() == null) {
                Order read = repository.findById(order.id()).orElseThrow();
                reads.incrementAndGet();
                tornness(read).ifPresent(why -> torn.compareAndSet(null, "found " + why));
            }
        };
        Runnable claim = () -> {
            while (writing.get() && torn.get() == null) {
                // A claim that runs out at once, so the next one takes the order again.
                for (Order claimed : repository.claimUnsettled(CUTOFF, NOW, NOW, 10)) {
                    claims.incrementAndGet();
                    tornness(claimed).ifPresent(why -> torn.compareAndSet(null, "claimed " + why));
                }
            }
        };

        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> reading = List.of(readers.submit(find), readers.submit(claim));
            try {
                for (int round = 0; round < 100 && torn.get() == null; round++) {
                    String line = round % 2 == 0 ? "a" : "b";
                    moveOneUnit(repository, order.id(), line, PendingOperation.Type.CAPTURE);
                    moveOneUnit(repository, order.id(), line, PendingOperation.Type.REFUND);
                }
            } finally {
                writing.set(false);
            }
            for (Future<?> reader : reading) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            readers.shutdownNow();
        }

        assertThat(torn.get()).as("a copy torn between its row and its lines").isNull();
        assertThat(reads.get()).isPositive();
        assertThat(claims.get()).isPositive();
        Order last = repository.findById(order.id()).orElseThrow();
        assertThat(last.payment().captured()).isEqualTo(TestOrders.nok(100_00));
        assertThat(tornness(last)).isEmpty();
    }

    /**
     * Captures or refunds one unit of the line: reserved and saved, then shown done by the provider and saved with
     * the line moved, each step on a fresh copy as the services take them.
     */
    private static void moveOneUnit(OrderRepository repository, OrderId id, String lineId,
                                    PendingOperation.Type type) {
        Order loaded = repository.findById(id).orElseThrow();
        List<LineSelection> oneUnit = List.of(new LineSelection(lineId, Optional.of(BigDecimal.ONE),
                Optional.empty()));
        Money moved = type == PendingOperation.Type.CAPTURE
                ? loaded.startCapture(Optional.empty(), oneUnit, STARTED_AT)
                : loaded.startRefund(Optional.empty(), oneUnit, STARTED_AT);
        Order reserved = repository.update(loaded, List.of());
        OrderPayment before = reserved.payment();
        PaymentState shown = type == PendingOperation.Type.CAPTURE
                ? new PaymentState(paymentIdOf(reserved), reserved.status() == OrderStatus.AUTHORIZED
                ? OrderStatus.PARTIALLY_CAPTURED : reserved.status(), before.captured().plus(moved), before.refunded())
                : new PaymentState(paymentIdOf(reserved), OrderStatus.PARTIALLY_REFUNDED, before.captured(),
                before.refunded().plus(moved));
        reserved.followPayment(shown, Provenance.unreferenced(ChangeSource.CALLBACK, STARTED_AT));
        repository.update(reserved, TestEvents.of(reserved));
    }

    /** What is torn about a copy whose every capture and refund went by line, if anything is. */
    private static Optional<String> tornness(Order order) {
        Money zero = Money.zero(order.amount().currency());
        Money linesCaptured = order.lineLedgers().stream().map(ledger -> ledger.captured().amount())
                .reduce(zero, Money::plus);
        Money linesRefunded = order.lineLedgers().stream().map(ledger -> ledger.refunded().amount())
                .reduce(zero, Money::plus);
        if (!linesCaptured.equals(order.payment().captured()) || !linesRefunded.equals(order.payment().refunded())) {
            return Optional.of(order.payment() + " with lines that captured " + linesCaptured + " and refunded "
                    + linesRefunded + " (" + order.pendingOperation().map(PendingOperation::type).orElse(null)
                    + " pending)");
        }
        Map<String, LineLedger> ledgers = order.lineLedgers().stream()
                .collect(Collectors.toMap(LineLedger::lineId, ledger -> ledger));
        return order.pendingOperation().flatMap(pending -> pending.lines().stream()
                .filter(movement -> {
                    LineLedger ledger = ledgers.get(movement.lineId());
                    LineShare left = pending.type() == PendingOperation.Type.CAPTURE ? ledger.leftToCapture()
                            : ledger.leftToRefund();
                    return movement.quantity().compareTo(left.quantity()) > 0;
                })
                .findFirst()
                .map(movement -> "a pending " + pending.type() + " of line " + movement.lineId()
                        + " that has no more left"));
    }

    private static OrderFilter contentsFilter(String email, Map<String, String> metadata) {
        return new OrderFilter(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.ofNullable(email).map(EmailAddress::new), Metadata.of(metadata));
    }

    /** Orders from January 2026, each at 10:00 on its own day, to filter and page through. */
    private record Listed(OrderId nokPending, OrderId nokAuthorized, OrderId sekAuthorized, OrderId sekCaptured,
                          OrderId nokCaptured, OrderId eurCancelled) {
    }

    private Listed addListingFixture() {
        listingRepository = emptyRepository();
        return addListingFixture(listingRepository);
    }

    private static Listed addListingFixture(OrderRepository repository) {
        Listed orders = new Listed(
                add(repository, listed("NOK", OrderStatus.PENDING, day(1), "receipt#a")),
                add(repository, listed("NOK", OrderStatus.AUTHORIZED, day(2), "receipt#b")),
                add(repository, listed("SEK", OrderStatus.AUTHORIZED, day(3), "receipt#c")),
                add(repository, listed("SEK", OrderStatus.CAPTURED, day(4), "receipt#shared")),
                add(repository, listed("NOK", OrderStatus.CAPTURED, day(5), "receipt#shared")),
                add(repository, listed("EUR", OrderStatus.CANCELLED, day(6), "receipt#f")));
        return orders;
    }

    private List<OrderId> list(OrderFilter filter) {
        return listingRepository.findNewestFirst(filter, Optional.empty(), 10).stream().map(Order::id).toList();
    }

    private static OrderFilter filter(Set<OrderStatus> statuses, String currency, Instant from, Instant to,
                                      String receipt) {
        return new OrderFilter(statuses, Optional.ofNullable(currency).map(Currency::getInstance),
                Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(receipt).map(Receipt::new));
    }

    private static Instant day(int dayOfJanuary) {
        return Instant.parse("2026-01-01T10:00:00Z").plus(Duration.ofDays(dayOfJanuary - 1L));
    }

    private static Order listed(String currency, OrderStatus status, Instant createdAt, String receipt) {
        return TestOrders.anOrderWithCheckout().withAmount(Money.of(100_00, currency)).withStatus(status)
                .createdAt(createdAt).withReceipt(receipt).build();
    }

    private static OrderId add(OrderRepository repository, Order order) {
        repository.add(order, NOT_HELD);
        return order.id();
    }

    /**
     * In the period: NOK authorized 610.00 (captured 350.00, refunded 300.00) and SEK 900.00 (900.00, 100.00);
     * around them orders that never count (not yet or never authorized, or voided) and orders outside the period.
     */
    private static void addTotalsFixture(OrderRepository repository) {
        // Authorized before any payment was linked to it (as orders stored before payments were): it still counts.
        repository.add(TestOrders.anOrderWithCheckout().withAmount(TestOrders.nok(10_00))
                .withStatus(OrderStatus.AUTHORIZED).createdAt(PERIOD_START).build(), NOT_HELD);
        repository.add(aPaidOrder("NOK", 100_00, OrderStatus.AUTHORIZED, 0, 0, PERIOD_START.plusSeconds(1)), NOT_HELD);
        repository.add(aPaidOrder("NOK", 200_00, OrderStatus.PARTIALLY_CAPTURED, 50_00, 0, PERIOD_START.plusSeconds(2)), NOT_HELD);
        repository.add(aPaidOrder("NOK", 300_00, OrderStatus.REFUNDED, 300_00, 300_00, PERIOD_START.plusSeconds(3)), NOT_HELD);
        repository.add(aPaidOrder("SEK", 400_00, OrderStatus.CAPTURED, 400_00, 0, PERIOD_START.plusSeconds(4)), NOT_HELD);
        repository.add(aPaidOrder("SEK", 500_00, OrderStatus.PARTIALLY_REFUNDED, 500_00, 100_00,
                PERIOD_START.plusSeconds(5)), NOT_HELD);
        repository.add(anOrderWithSession(OrderStatus.PENDING, PERIOD_START.plusSeconds(6)), NOT_HELD);
        repository.add(aPaidOrder("EUR", 700_00, OrderStatus.ON_HOLD, 0, 0, PERIOD_START.plusSeconds(7)), NOT_HELD);
        for (OrderStatus neverCounted : List.of(OrderStatus.CANCELLED, OrderStatus.DECLINED, OrderStatus.FAILED,
                OrderStatus.EXPIRED)) {
            repository.add(aPaidOrder("NOK", 800_00, neverCounted, 0, 0, PERIOD_START.plusSeconds(8)), NOT_HELD);
        }
        repository.add(aPaidOrder("SEK", 2_000_00, OrderStatus.CAPTURED, 2_000_00, 0, PERIOD_START.minusNanos(1_000)), NOT_HELD);
        repository.add(aPaidOrder("NOK", 1_000_00, OrderStatus.CAPTURED, 1_000_00, 0, PERIOD_END), NOT_HELD);
    }

    private static Order aPaidOrder(String currency, long amount, OrderStatus status, long captured, long refunded,
                                    Instant createdAt) {
        OrderId id = OrderId.newId();
        return Order.rehydrate(id, Money.of(amount, currency), new Receipt("receipt#1"), null, OrderContents.NONE,
                createdAt, status,
                TestOrders.sessionFor("S-" + id), new OrderPayment(Optional.of(new PaymentId("payment-" + id)),
                        Money.of(captured, currency), Money.of(refunded, currency)), null, 0, 0);
    }

    private static Order withPending(Order order, PendingOperation operation) {
        return Order.rehydrate(order.id(), order.amount(), order.receipt(), order.callbackUrl().orElse(null),
                order.contents(),                order.createdAt(), order.status(), order.session().orElse(null), order.payment(), operation,
                order.lastEventSequence(), order.version());
    }

    /** An order added and then given its checkout, which announces it, at {@code at}. */
    private static Order announced(OrderRepository repository, Instant at) {
        Order order = anOrder().createdAt(at).build();
        repository.add(order, NOT_HELD);
        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.attachSession(TestOrders.sessionFor("S-" + order.id()));
        return repository.update(loaded, TestEvents.of(loaded, at));
    }

    private static PaymentId paymentIdOf(Order order) {
        return order.payment().paymentId().orElseThrow();
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
