package dev.orderpay.application.service;

import dev.orderpay.domain.TestOrders;
import dev.orderpay.application.port.in.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.OrderCursor;
import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.PaymentConfirmation;
import dev.orderpay.application.port.in.PaymentConfirmation.Verdict;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.StatusChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.TestOrders.anOrderWithCheckout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfirmPaymentServiceTest {

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final ConfirmPaymentService service = new ConfirmPaymentService(orders, gateway, Clock.systemUTC());

    private final Order order = anOrderWithCheckout().build();

    ConfirmPaymentServiceTest() {
        orders.add(order);
    }

    @ParameterizedTest
    @EnumSource(names = {"AUTHORIZED", "CAPTURED", "ON_HOLD", "DECLINED"})
    void given_the_provider_confirms_a_payment_of_this_order_then_the_order_takes_its_status(OrderStatus status) {
        String paymentId = gateway.paymentFor(order, status);

        PaymentConfirmation confirmation = confirm(Map.of("payment_id", List.of(paymentId)));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(confirmation.order().status()).isEqualTo(status);
        Order stored = stored();
        assertThat(stored.status()).isEqualTo(status);
        assertThat(stored.version()).isEqualTo(confirmation.order().version()).isEqualTo(1);
    }

    @Test
    void given_the_provider_reports_the_payment_only_initiated_then_the_order_stays_pending_and_unsaved() {
        String paymentId = gateway.paymentFor(order, PENDING);

        PaymentConfirmation confirmation = confirm(paymentReturn(paymentId));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(confirmation.order().status()).isEqualTo(PENDING);
        assertUnchanged();
    }

    @Test
    void given_a_payment_made_for_another_order_then_it_is_refused_as_a_mismatch() {
        String otherOrdersPayment = gateway.record(sessionId(), OrderId.newId().toString(),
                order.amount().minorUnits(), "NOK", AUTHORIZED);

        assertRefusedAsMismatch(otherOrdersPayment);
    }

    @Test
    void given_a_payment_made_through_another_checkout_then_it_is_refused_as_a_mismatch() {
        String otherSessionsPayment = gateway.record("another-session", order.id().toString(),
                order.amount().minorUnits(), "NOK", AUTHORIZED);

        assertRefusedAsMismatch(otherSessionsPayment);
    }

    @Test
    void given_a_payment_of_another_amount_then_it_is_refused_as_a_mismatch() {
        String smallerPayment = gateway.record(sessionId(), order.id().toString(),
                order.amount().minorUnits() - 1, "NOK", AUTHORIZED);

        assertRefusedAsMismatch(smallerPayment);
    }

    @Test
    void given_a_payment_in_another_currency_then_it_is_refused_as_a_mismatch() {
        String paymentInKronor = gateway.record(sessionId(), order.id().toString(),
                order.amount().minorUnits(), "SEK", AUTHORIZED);

        assertRefusedAsMismatch(paymentInKronor);
    }

    @Test
    void given_a_payment_the_provider_does_not_know_then_it_is_refused_as_a_mismatch() {
        assertRefusedAsMismatch("payment-nobody-made");
    }

    @ParameterizedTest
    @EnumSource(names = {"UNAVAILABLE", "TIMEOUT", "REJECTED"})
    void given_the_provider_cannot_be_asked_then_its_failure_propagates_and_the_order_is_unchanged(
            PaymentProviderException.Kind kind) {
        String paymentId = gateway.paymentFor(order, AUTHORIZED);
        gateway.failFetches(kind);

        PaymentProviderException failure = catchThrowableOfType(PaymentProviderException.class,
                () -> confirm(paymentReturn(paymentId)));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(kind);
        assertUnchanged();
    }

    @Test
    void given_a_confirmed_payment_when_it_is_confirmed_again_then_nothing_more_is_saved() {
        String paymentId = gateway.paymentFor(order, AUTHORIZED);
        confirm(paymentReturn(paymentId));

        PaymentConfirmation again = confirm(paymentReturn(paymentId));

        assertThat(again.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(again.order().status()).isEqualTo(AUTHORIZED);
        assertThat(again.order().version()).isEqualTo(1);
        assertThat(stored().version()).isEqualTo(1);
    }

    @Test
    void given_a_payment_captured_since_the_last_return_when_confirmed_again_then_the_order_follows() {
        String paymentId = gateway.paymentFor(order, AUTHORIZED);
        confirm(paymentReturn(paymentId));
        gateway.changeStatus(paymentId, CAPTURED);

        PaymentConfirmation again = confirm(paymentReturn(paymentId));

        assertThat(again.order().status()).isEqualTo(CAPTURED);
        assertThat(stored().status()).isEqualTo(CAPTURED);
        assertThat(stored().version()).isEqualTo(2);
    }

    @Test
    void given_an_authorized_order_when_a_late_cancel_return_arrives_then_nothing_changes() {
        confirm(paymentReturn(gateway.paymentFor(order, AUTHORIZED)));
        int fetchesSoFar = gateway.fetchCount();

        PaymentConfirmation late = confirm(Map.of("error", List.of("cancelled")));

        assertThat(late.verdict()).isEqualTo(Verdict.FAILURE_REPORTED);
        assertThat(late.order().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().version()).isEqualTo(1);
        assertThat(gateway.fetchCount()).isEqualTo(fetchesSoFar);
    }

    @Test
    void given_a_pending_order_when_the_buyer_returns_cancelled_then_it_is_cancelled_unverified() {
        PaymentConfirmation confirmation = confirm(Map.of("error", List.of("cancelled")));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.FAILURE_REPORTED);
        assertThat(confirmation.order().status()).isEqualTo(CANCELLED);
        assertThat(stored().status()).isEqualTo(CANCELLED);
        assertThat(gateway.fetchCount()).isZero();
    }

    @Test
    void given_an_order_cancelled_on_a_hint_when_the_provider_confirms_payment_then_money_wins() {
        confirm(Map.of("error", List.of("cancelled")));

        PaymentConfirmation confirmation = confirm(paymentReturn(gateway.paymentFor(order, AUTHORIZED)));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
    }

    @Test
    void given_a_return_naming_a_payment_and_an_error_then_the_payment_decides() {
        String paymentId = gateway.paymentFor(order, AUTHORIZED);

        PaymentConfirmation confirmation =
                confirm(Map.of("payment_id", List.of(paymentId), "error", List.of("cancelled")));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
    }

    @Test
    void given_a_return_without_parameters_then_there_is_nothing_to_confirm() {
        PaymentConfirmation confirmation = confirm(Map.of());

        assertThat(confirmation.verdict()).isEqualTo(Verdict.NOTHING_TO_CONFIRM);
        assertThat(confirmation.order().id()).isEqualTo(order.id());
        assertUnchanged();
        assertThat(gateway.fetchCount()).isZero();
    }

    @Test
    void given_an_unknown_order_then_it_is_not_found_and_the_provider_is_not_asked() {
        OrderId unknown = OrderId.newId();
        String paymentId = gateway.paymentFor(order, AUTHORIZED);

        OrderNotFoundException notFound = catchThrowableOfType(OrderNotFoundException.class, () ->
                service.confirmPayment(new ConfirmPaymentCommand(unknown, paymentReturn(paymentId))));

        assertThat(notFound).isNotNull();
        assertThat(notFound.orderId()).isEqualTo(unknown);
        assertThat(gateway.fetchCount()).isZero();
    }

    @Test
    void given_another_confirmation_saves_the_same_payment_first_then_the_order_moves_once() {
        String paymentId = gateway.paymentFor(order, AUTHORIZED);
        AnotherCopySavesFirst racing = new AnotherCopySavesFirst(orders, 1,
                other -> other.followProvider(AUTHORIZED, TestOrders.BY_TEST));

        PaymentConfirmation confirmation = new ConfirmPaymentService(racing, gateway, Clock.systemUTC())
                .confirmPayment(new ConfirmPaymentCommand(order.id(), paymentReturn(paymentId)));

        assertThat(racing.racesRun()).isEqualTo(1);
        assertThat(confirmation.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(confirmation.order().status()).isEqualTo(AUTHORIZED);
        // version 1: only the other copy's save happened; the retry found the change already made
        assertThat(stored().version()).isEqualTo(1);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
    }

    @Test
    void given_a_cancel_hint_is_saved_first_then_the_confirmed_payment_still_wins_on_the_retry() {
        String paymentId = gateway.paymentFor(order, AUTHORIZED);
        AnotherCopySavesFirst racing = new AnotherCopySavesFirst(orders, 1,
                other -> other.settleWithoutPayment(CANCELLED, TestOrders.BY_TEST));

        PaymentConfirmation confirmation = new ConfirmPaymentService(racing, gateway, Clock.systemUTC())
                .confirmPayment(new ConfirmPaymentCommand(order.id(), paymentReturn(paymentId)));

        assertThat(confirmation.order().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().version()).isEqualTo(2);
    }

    @Test
    void given_every_save_loses_a_race_then_the_confirmation_gives_up_instead_of_looping() {
        String paymentId = gateway.paymentFor(order, AUTHORIZED);
        AnotherCopySavesFirst racing = new AnotherCopySavesFirst(orders, Integer.MAX_VALUE, other -> { });

        assertThatThrownBy(() -> new ConfirmPaymentService(racing, gateway, Clock.systemUTC())
                .confirmPayment(new ConfirmPaymentCommand(order.id(), paymentReturn(paymentId))))
                .isInstanceOf(ConcurrentOrderUpdateException.class);
        assertThat(racing.racesRun()).isBetween(2, 10);
        assertThat(stored().status()).isEqualTo(PENDING);
    }

    private PaymentConfirmation confirm(Map<String, List<String>> returnParameters) {
        return service.confirmPayment(new ConfirmPaymentCommand(order.id(), returnParameters));
    }

    private void assertRefusedAsMismatch(String paymentId) {
        PaymentConfirmation confirmation = confirm(paymentReturn(paymentId));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.MISMATCH);
        assertThat(confirmation.order().status()).isEqualTo(PENDING);
        assertUnchanged();
    }

    private void assertUnchanged() {
        Order stored = stored();
        assertThat(stored.status()).isEqualTo(PENDING);
        assertThat(stored.version()).isZero();
        assertThat(stored.session()).isEqualTo(order.session());
    }

    private Order stored() {
        return orders.findById(order.id()).orElseThrow();
    }

    private String sessionId() {
        return order.session().orElseThrow().id();
    }

    private static Map<String, List<String>> paymentReturn(String paymentId) {
        return Map.of("payment_id", List.of(paymentId));
    }

    /**
     * Lets another copy of the order, changed by {@code otherChange}, be saved just before each of the first
     * {@code races} updates: what a second confirmation running at the same moment would do.
     */
    private static final class AnotherCopySavesFirst implements OrderRepository {

        private final OrderRepository delegate;
        private final int races;
        private final Consumer<Order> otherChange;
        private int racesRun;

        AnotherCopySavesFirst(OrderRepository delegate, int races, Consumer<Order> otherChange) {
            this.delegate = delegate;
            this.races = races;
            this.otherChange = otherChange;
        }

        @Override
        public Order update(Order order) {
            if (racesRun < races) {
                racesRun++;
                Order other = delegate.findById(order.id()).orElseThrow();
                otherChange.accept(other);
                delegate.update(other);
            }
            return delegate.update(order);
        }

        int racesRun() {
            return racesRun;
        }

        @Override
        public void add(Order order) {
            delegate.add(order);
        }

        @Override
        public Optional<Order> findById(OrderId id) {
            return delegate.findById(id);
        }

        @Override
        public List<Order> findNewestFirst(Optional<OrderCursor> after, int limit) {
            return delegate.findNewestFirst(after, limit);
        }

        @Override
        public List<StatusChange> history(OrderId id) {
            return delegate.history(id);
        }

        @Override
        public List<Order> claimUnsettled(Instant createdBefore, Instant now, Instant claimedUntil, int limit) {
            return delegate.claimUnsettled(createdBefore, now, claimedUntil, limit);
        }
    }
}
