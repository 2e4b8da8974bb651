package dev.orderpay.application.service;

import dev.orderpay.application.port.in.order.OrderContentsInput;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.out.event.PlainEventPayloads;
import dev.orderpay.application.port.in.order.CheckoutFailedException;
import dev.orderpay.application.port.in.order.CreateOrderCommand;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.application.port.out.PlainIdempotentAnswers;
import dev.orderpay.application.port.out.ShopPaymentUrls;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.webhook.CallbackUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.orderpay.application.port.in.idempotency.IdempotentResults.executed;
import static dev.orderpay.application.port.in.idempotency.IdempotentResults.replayed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class CreateOrderServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-08T13:24:40.818123456Z");
    private static final Duration CHECKOUT_LIFETIME = Duration.ofHours(1);
    private static final PaymentUrls URLS = new ShopPaymentUrls();

    private static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final Duration HOLD = Duration.ofMinutes(2);
    private static final IdempotencyKey KEY = new IdempotencyKey("client-1", "key-1");
    private static final PlainIdempotentAnswers ANSWERS = new PlainIdempotentAnswers();

    private final TestClock clock = TestClock.standingAt(NOW);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final InMemoryIdempotentRequests requests = new InMemoryIdempotentRequests(clock);
    private final CreateOrderService service = serviceWith(gateway, clock, true);

    private final CreateOrderCommand command = CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE);

    @Test
    void when_an_order_is_created_then_it_is_stored_pending_with_its_checkout_and_a_saved_version() {
        Order created = executed(service.createOrder(command));

        Order stored = orders.findById(created.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(stored.session()).isPresent().isEqualTo(created.session());
        assertThat(stored.amount()).isEqualTo(Money.of(299_00, "NOK"));
        assertThat(stored.receipt()).isEqualTo(new Receipt("receipt#1"));
        // added at version 0, then saved once with its session
        assertThat(stored.version()).isEqualTo(1);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void given_a_callback_url_when_an_order_is_created_then_the_stored_order_carries_it() {
        Order created = executed(service.createOrder(CreateOrderCommand.of(299_00L, "NOK", "receipt#1",
                "https://shop.example/callback", OrderContentsInput.NONE)));

        assertThat(orders.findById(created.id()).orElseThrow().callbackUrl())
                .contains(CallbackUrl.parse("https://shop.example/callback"));
    }

    @Test
    void given_no_callback_signing_secret_when_an_order_with_a_callback_url_is_created_then_it_is_refused_unstored() {
        CreateOrderService unsigned = serviceWith(gateway, clock, false);
        CreateOrderCommand withCallback = CreateOrderCommand.of(299_00L, "NOK", "receipt#1",
                "https://shop.example/callback", OrderContentsInput.NONE).withIdempotencyKey(new IdempotencyKey("client-1", "key-1"));

        assertThatThrownBy(() -> unsigned.createOrder(withCallback))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors().get("callback_url")).contains("no callback signing secret"));
        assertThat(allOrders()).isEmpty();
        assertThat(gateway.checkoutRequests()).isEmpty();
        // The key was not taken either: the same key with an order the service can take goes through.
        assertThat(unsigned.createOrder(command.withIdempotencyKey(new IdempotencyKey("client-1", "key-1"))))
                .isInstanceOf(IdempotentResult.Executed.class);
    }

    @Test
    void given_a_callback_url_the_sender_refuses_when_an_order_is_created_then_it_is_refused_unstored() {
        assertThatThrownBy(() -> service.createOrder(CreateOrderCommand.of(299_00L, "NOK", "receipt#1",
                "http://shop.example/callback", OrderContentsInput.NONE)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsEntry("callback_url", "must be an https URL"));
        assertThat(allOrders()).isEmpty();
        assertThat(gateway.checkoutRequests()).isEmpty();
    }

    @Test
    void when_an_order_is_created_then_the_provider_is_asked_for_a_checkout_of_that_order_amount_and_return_url() {
        Order created = executed(service.createOrder(command));

        assertThat(gateway.checkoutRequests()).containsExactly(new CheckoutRequest(created.id(),
                Money.of(299_00, "NOK"),
                URI.create("https://shop.example.test/orders/" + created.id() + "/return"),
                URI.create("https://shop.example.test/orders/" + created.id() + "/notify"),
                created.createdAt().plus(CHECKOUT_LIFETIME), OrderContents.NONE));
    }

    @Test
    void given_items_a_customer_and_addresses_when_an_order_is_created_then_the_checkout_request_carries_them() {
        OrderContentsInput.Place oslo = new OrderContentsInput.Place("Kari", "Nordmann", "Storgata 1", null, "0155",
                "Oslo", "NO", null, null);
        CreateOrderCommand withContents = CreateOrderCommand.of(null, "NOK", "receipt#1", null,
                new OrderContentsInput(List.of(
                        new OrderContentsInput.Item("1", "Wool socks", new BigDecimal("2"), 198_00L,
                                new BigDecimal("25"), 39_60L, "SOCK-42"),
                        new OrderContentsInput.Item("2", "Gift wrap", BigDecimal.ONE, 101_00L, new BigDecimal("25"),
                                20_20L, null)),
                        new OrderContentsInput.Person("kari@example.com", "+4799999999", "Kari", "Nordmann"),
                        oslo, oslo, null));

        Order created = executed(service.createOrder(withContents));

        assertThat(gateway.checkoutRequests()).singleElement().satisfies(request -> {
            assertThat(request.contents()).isEqualTo(withContents.contents()).isEqualTo(created.contents());
            assertThat(request.contents().lines().items()).extracting(line -> line.lineId()).containsExactly("1", "2");
            assertThat(request.amount()).isEqualTo(Money.of(299_00, "NOK"));
        });
    }

    @Test
    void when_an_order_is_created_then_its_checkout_expires_one_lifetime_after_creation_and_notifies_the_service() {
        Order created = executed(service.createOrder(command));

        CheckoutRequest request = gateway.checkoutRequests().get(0);
        assertThat(request.expiresAt()).isEqualTo(Instant.parse("2026-03-08T14:24:40.818123Z"));
        assertThat(request.notificationUrl())
                .isEqualTo(URI.create("https://shop.example.test/orders/" + created.id() + "/notify"));
    }

    @Test
    void when_an_order_is_created_then_opening_its_checkout_records_no_status_change() {
        Order created = executed(service.createOrder(command));

        assertThat(orders.history(created.id())).isEmpty();
    }

    @Test
    void given_the_provider_fails_when_an_order_is_created_then_the_failure_is_recorded_as_coming_from_the_checkout() {
        gateway.failCheckouts(PaymentProviderException.Kind.UNAVAILABLE);

        CheckoutFailedException failure =
                catchThrowableOfType(CheckoutFailedException.class, () -> executed(service.createOrder(command)));

        List<StatusChange> history = orders.history(failure.order().id());
        assertThat(history).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(OrderStatus.PENDING);
            assertThat(change.to()).isEqualTo(OrderStatus.FAILED);
            assertThat(change.provenance().source()).isEqualTo(ChangeSource.CHECKOUT);
            assertThat(change.provenance().providerReference()).isEmpty();
            assertThat(change.provenance().at()).isCloseTo(NOW, within(1, ChronoUnit.MICROS));
        });
    }

    @Test
    void when_two_orders_are_created_then_each_gets_its_own_id_and_checkout() {
        Order first = executed(service.createOrder(command));
        Order second = executed(service.createOrder(command));

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.session()).isNotEqualTo(second.session());
        assertThat(gateway.checkoutRequests()).extracting(CheckoutRequest::orderId)
                .containsExactly(first.id(), second.id());
    }

    @ParameterizedTest
    @EnumSource(PaymentProviderException.Kind.class)
    void given_the_provider_fails_when_an_order_is_created_then_it_is_stored_failed_and_the_failure_is_reported(
            PaymentProviderException.Kind kind) {
        gateway.failCheckouts(kind);

        CheckoutFailedException failure =
                catchThrowableOfType(CheckoutFailedException.class, () -> executed(service.createOrder(command)));

        assertThat(failure).isNotNull();
        assertThat(failure.timedOut()).isEqualTo(kind == PaymentProviderException.Kind.TIMEOUT);
        assertThat(failure.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(failure.order().session()).isEmpty();
        Order stored = orders.findById(failure.order().id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(stored.session()).isEmpty();
        assertThat(stored.version()).isEqualTo(failure.order().version()).isEqualTo(1);
        assertThat(gateway.checkoutRequests()).extracting(CheckoutRequest::orderId)
                .containsExactly(stored.id());
    }

    @Test
    void when_an_order_is_created_then_its_creation_time_is_the_clock_truncated_to_microseconds() {
        Order created = executed(service.createOrder(command));

        Instant expected = Instant.parse("2026-03-08T13:24:40.818123Z");
        assertThat(created.createdAt()).isEqualTo(expected);
        assertThat(orders.findById(created.id()).orElseThrow().createdAt()).isEqualTo(expected);
    }

    @Test
    void given_a_request_with_a_key_when_it_is_repeated_then_its_recorded_answer_is_replayed_with_one_checkout() {
        CreateOrderCommand keyed = command.withIdempotencyKey(KEY);

        Order first = executed(service.createOrder(keyed));
        RecordedAnswer repeat = replayed(service.createOrder(keyed));

        assertThat(repeat).isEqualTo(ANSWERS.created(first));
        assertThat(gateway.checkoutRequests()).hasSize(1);
        assertThat(allOrders()).hasSize(1);
    }

    @Test
    void given_a_keyed_order_that_changed_since_when_the_request_is_repeated_then_the_first_answer_is_replayed() {
        CreateOrderCommand keyed = command.withIdempotencyKey(KEY);
        Order first = executed(service.createOrder(keyed));
        Order paid = orders.findById(first.id()).orElseThrow();
        paid.followProvider(OrderStatus.AUTHORIZED, Provenance.unreferenced(ChangeSource.REDIRECT, clock.instant()));
        new EventRecorder(orders, new PlainEventPayloads(), clock).save(paid);

        RecordedAnswer repeat = replayed(service.createOrder(keyed));

        assertThat(repeat.body()).isEqualTo("created " + first.id() + " PENDING");
    }

    @Test
    void given_a_key_used_before_when_a_different_request_comes_with_it_then_it_is_refused_and_nothing_is_created() {
        service.createOrder(command.withIdempotencyKey(KEY));
        CreateOrderCommand different = CreateOrderCommand.of(300_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE)
                .withIdempotencyKey(KEY);

        assertThatThrownBy(() -> service.createOrder(different)).isInstanceOf(IdempotencyKeyReusedException.class);

        assertThat(gateway.checkoutRequests()).hasSize(1);
        assertThat(allOrders()).hasSize(1);
    }

    @Test
    void given_a_key_used_with_items_when_other_items_come_with_it_then_it_is_refused_and_nothing_is_created() {
        service.createOrder(withItems(100_00, 199_00).withIdempotencyKey(KEY));

        assertThatThrownBy(() -> service.createOrder(withItems(199_00, 100_00).withIdempotencyKey(KEY)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(allOrders()).hasSize(1);
    }

    @Test
    void given_contents_when_an_order_is_created_then_the_stored_order_carries_them() {
        CreateOrderCommand command = withItems(100_00, 199_00);

        Order created = executed(service.createOrder(command));

        assertThat(created.contents()).isEqualTo(command.contents());
        assertThat(orders.findById(created.id()).orElseThrow().contents()).isEqualTo(command.contents());
        assertThat(created.amount()).isEqualTo(Money.of(299_00, "NOK"));
    }

    private static CreateOrderCommand withItems(long first, long second) {
        return CreateOrderCommand.of(null, "NOK", "receipt#1", null, new OrderContentsInput(List.of(
                new OrderContentsInput.Item("1", "Socks", BigDecimal.ONE, first, BigDecimal.TEN, 0L, null),
                new OrderContentsInput.Item("2", "Shoes", BigDecimal.ONE, second, BigDecimal.TEN, 0L, null)),
                new OrderContentsInput.Person("kari@example.com", null, null, null), null, null, null));
    }

    @Test
    void given_a_key_used_before_when_the_receipt_differs_then_it_is_a_different_request() {
        service.createOrder(command.withIdempotencyKey(KEY));
        CreateOrderCommand otherReceipt = CreateOrderCommand.of(299_00L, "NOK", "receipt#2", null, OrderContentsInput.NONE)
                .withIdempotencyKey(KEY);

        assertThatThrownBy(() -> service.createOrder(otherReceipt)).isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void given_two_clients_using_the_same_key_then_each_gets_its_own_order() {
        Order mine = executed(service.createOrder(command.withIdempotencyKey(KEY)));
        Order theirs = executed(service.createOrder(command.withIdempotencyKey(new IdempotencyKey("client-2",
                "key-1"))));

        assertThat(theirs.id()).isNotEqualTo(mine.id());
        assertThat(gateway.checkoutRequests()).hasSize(2);
    }

    @Test
    void given_a_key_just_within_its_lifetime_when_the_request_is_repeated_then_it_is_still_a_replay() {
        CreateOrderCommand keyed = command.withIdempotencyKey(KEY);
        Order first = executed(service.createOrder(keyed));
        clock.advance(KEY_LIFETIME.minusSeconds(1));

        RecordedAnswer repeat = replayed(service.createOrder(keyed));

        assertThat(repeat.location()).contains("/orders/" + first.id());
    }

    @Test
    void given_a_key_past_its_lifetime_when_the_request_is_repeated_then_a_new_order_is_created() {
        CreateOrderCommand keyed = command.withIdempotencyKey(KEY);
        Order first = executed(service.createOrder(keyed));
        clock.advance(KEY_LIFETIME.plusSeconds(1));

        Order later = executed(service.createOrder(keyed));

        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(gateway.checkoutRequests()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(PaymentProviderException.Kind.class)
    void given_a_keyed_request_whose_checkout_failed_when_it_is_repeated_then_the_failure_is_replayed_as_it_was(
            PaymentProviderException.Kind kind) {
        gateway.failCheckouts(kind);
        CreateOrderCommand keyed = command.withIdempotencyKey(KEY);
        CheckoutFailedException failure =
                catchThrowableOfType(CheckoutFailedException.class, () -> service.createOrder(keyed));

        RecordedAnswer repeat = replayed(service.createOrder(keyed));

        assertThat(repeat).isEqualTo(ANSWERS.checkoutFailed(failure.order(), failure.timedOut()));
        assertThat(repeat.status()).isEqualTo(kind == PaymentProviderException.Kind.TIMEOUT ? 504 : 502);
        assertThat(gateway.checkoutRequests()).hasSize(1);
    }

    @Test
    @Timeout(10) // the old behaviour polled until a deadline that a fixed clock never reaches
    void given_the_first_request_still_opening_its_checkout_when_it_is_repeated_then_the_repeat_is_told_at_once()
            throws Exception {
        SlowCheckouts slow = new SlowCheckouts();
        CreateOrderService slowService = serviceWith(slow, clock, true);
        CreateOrderCommand keyed = command.withIdempotencyKey(KEY);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<IdempotentResult<Order>> first = thread.submit(() -> slowService.createOrder(keyed));
            assertThat(slow.opening.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> slowService.createOrder(keyed))
                    .isInstanceOf(IdempotentRequestInProgressException.class);

            slow.release.countDown();
            Order created = executed(first.get(5, TimeUnit.SECONDS));
            RecordedAnswer replayed = replayed(slowService.createOrder(keyed));
            assertThat(replayed).isEqualTo(ANSWERS.created(created));
            assertThat(slow.checkoutRequests()).hasSize(1);
            assertThat(allOrders()).hasSize(1);
        } finally {
            slow.release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void given_a_keyed_request_that_stopped_before_storing_its_order_when_repeated_after_its_hold_then_it_is_created() {
        CreateOrderCommand keyed = command.withIdempotencyKey(KEY);
        OrderId claimed = OrderId.newId();
        claimedAndAbandoned(keyed, claimed);
        clock.advance(HOLD.plusSeconds(1));

        Order created = executed(service.createOrder(keyed));

        assertThat(created.id()).isEqualTo(claimed);
        assertThat(allOrders()).extracting(Order::id).containsExactly(claimed);
        assertThat(replayed(service.createOrder(keyed))).isEqualTo(ANSWERS.created(created));
    }

    @Test
    void given_a_keyed_request_that_stopped_after_opening_its_checkout_when_repeated_after_its_hold_then_that_order_is_the_answer() {
        Order stored = executed(service.createOrder(command));
        CreateOrderCommand keyed = command.withIdempotencyKey(KEY);
        claimedAndAbandoned(keyed, stored.id());
        clock.advance(HOLD.plusSeconds(1));

        Order answer = executed(service.createOrder(keyed));

        assertThat(answer.id()).isEqualTo(stored.id());
        assertThat(gateway.checkoutRequests()).hasSize(1);
        assertThat(replayed(service.createOrder(keyed))).isEqualTo(ANSWERS.created(answer));
    }

    @Test
    void given_a_keyed_request_that_stopped_while_its_checkout_was_opening_when_repeated_then_it_is_in_progress_until_its_order_is_failed() {
        OrderId cutShort = OrderId.newId();
        orders.add(Order.place(cutShort, Money.of(299_00, "NOK"), new Receipt("receipt#1"), Optional.empty(), OrderContents.NONE, NOW),
                NOW.plusSeconds(40));
        CreateOrderCommand keyed = command.withIdempotencyKey(KEY);
        claimedAndAbandoned(keyed, cutShort);
        clock.advance(HOLD.plusSeconds(1));

        assertThatThrownBy(() -> service.createOrder(keyed)).isInstanceOf(IdempotentRequestInProgressException.class);
        Order failed = orders.findById(cutShort).orElseThrow();
        failed.failCheckout(Provenance.unreferenced(ChangeSource.RECONCILIATION, clock.instant()));
        new EventRecorder(orders, new PlainEventPayloads(), clock).save(failed);

        CheckoutFailedException failure =
                catchThrowableOfType(CheckoutFailedException.class, () -> service.createOrder(keyed));
        assertThat(failure.order().id()).isEqualTo(cutShort);
        assertThat(replayed(service.createOrder(keyed))).isEqualTo(ANSWERS.checkoutFailed(failure.order(), false));
        assertThat(gateway.checkoutRequests()).isEmpty();
    }

    /** A request with the key claimed it for this order and then stopped, without recording anything more. */
    private void claimedAndAbandoned(CreateOrderCommand keyed, OrderId orderId) {
        requests.claim(new IdempotentRequests.Request(KEY, IdempotentRequests.Operation.CREATE_ORDER,
                Optional.empty(), keyed.fingerprint()), Optional.of(orderId.value()), clock.instant().plus(HOLD),
                clock.instant().plus(KEY_LIFETIME));
    }

    /** Callbacks may go to https URLs only, as a stand-in for the sender's rules. */
    private CreateOrderService serviceWith(FakePaymentGateway provider, Clock time, boolean callbacksSigned) {
        return new CreateOrderService(orders, provider, URLS,
                new KeyedRequests(requests, time, new KeyedRequests.Policy(KEY_LIFETIME, HOLD)), ANSWERS,
                url -> "https".equals(url.getScheme()) ? Optional.empty() : Optional.of("must be an https URL"), time,
                new CreateOrderService.Policy(CHECKOUT_LIFETIME, Duration.ofSeconds(40), callbacksSigned),
                new EventRecorder(orders, new PlainEventPayloads(), time));
    }

    private List<Order> allOrders() {
        return orders.findNewestFirst(OrderFilter.NONE, Optional.empty(), 100);
    }
}
