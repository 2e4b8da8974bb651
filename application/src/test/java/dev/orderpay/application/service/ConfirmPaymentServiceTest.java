package dev.orderpay.application.service;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.out.event.TestEvents;
import dev.orderpay.application.port.out.event.PlainEventPayloads;
import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.confirmation.PaymentConfirmation;
import dev.orderpay.application.port.in.confirmation.PaymentConfirmation.Verdict;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.ForwardingOrderRepository;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentState;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.TestOrders;
import dev.orderpay.domain.audit.AuditEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static dev.orderpay.application.service.CheckoutsAtTheFake.withCheckoutOpened;
import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ConfirmPaymentServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-08T13:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Map<String, List<String>> CANCEL_RETURN = Map.of("error", List.of("cancelled"));

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final ConfirmPaymentService service = new ConfirmPaymentService(orders, gateway, CLOCK, new PaymentVerifier(orders, gateway, CLOCK, new EventRecorder(orders, new PlainEventPayloads(), CLOCK)));

    private final Order order = withCheckoutOpened(gateway, anOrder(), NOW.plus(Duration.ofHours(1)));

    ConfirmPaymentServiceTest() {
        orders.add(order, NOT_HELD);
    }

    @ParameterizedTest
    @EnumSource(names = {"AUTHORIZED", "CAPTURED", "ON_HOLD", "DECLINED"})
    void given_the_provider_confirms_a_payment_of_this_order_then_the_order_takes_its_status(OrderStatus status) {
        PaymentId paymentId = gateway.paymentFor(order, status);

        PaymentConfirmation confirmation = confirm(Map.of("payment_id", List.of(paymentId.value())));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(confirmation.order().status()).isEqualTo(status);
        Order stored = stored();
        assertThat(stored.status()).isEqualTo(status);
        assertThat(stored.version()).isEqualTo(confirmation.order().version()).isEqualTo(1);
    }

    @Test
    void given_the_provider_reports_the_payment_only_initiated_then_the_order_stays_pending_with_the_payment_linked() {
        PaymentId paymentId = gateway.paymentFor(order, PENDING);

        PaymentConfirmation confirmation = confirm(paymentReturn(paymentId));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(confirmation.order().status()).isEqualTo(PENDING);
        Order stored = stored();
        assertThat(stored.status()).isEqualTo(PENDING);
        assertThat(stored.payment().paymentId()).contains(paymentId);
        assertThat(orders.history(order.id())).isEmpty();
    }

    @Test
    void given_a_payment_made_for_another_order_then_it_is_refused_as_a_mismatch() {
        PaymentId otherOrdersPayment = gateway.record(sessionId(), OrderId.newId().toString(),
                order.amount().minorUnits(), "NOK", AUTHORIZED);

        assertRefusedAsMismatch(otherOrdersPayment);
    }

    @Test
    void given_a_payment_made_through_another_checkout_then_it_is_refused_as_a_mismatch() {
        PaymentId otherSessionsPayment = gateway.record(new SessionId("another-session"), order.id().toString(),
                order.amount().minorUnits(), "NOK", AUTHORIZED);

        assertRefusedAsMismatch(otherSessionsPayment);
    }

    @Test
    void given_a_payment_of_another_amount_then_it_is_refused_as_a_mismatch() {
        PaymentId smallerPayment = gateway.record(sessionId(), order.id().toString(),
                order.amount().minorUnits() - 1, "NOK", AUTHORIZED);

        assertRefusedAsMismatch(smallerPayment);
    }

    @Test
    void given_a_payment_in_another_currency_then_it_is_refused_as_a_mismatch() {
        PaymentId paymentInKronor = gateway.record(sessionId(), order.id().toString(),
                order.amount().minorUnits(), "SEK", AUTHORIZED);

        assertRefusedAsMismatch(paymentInKronor);
    }

    @Test
    void given_a_payment_the_provider_does_not_know_then_it_is_refused_as_a_mismatch() {
        assertRefusedAsMismatch(new PaymentId("payment-nobody-made"));
    }

    @ParameterizedTest
    @EnumSource(names = {"UNAVAILABLE", "TIMEOUT", "REJECTED"})
    void given_the_provider_cannot_be_asked_then_the_order_awaits_the_provider_unchanged(
            PaymentProviderException.Kind kind) {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        gateway.failFetches(kind);

        PaymentConfirmation confirmation = confirm(paymentReturn(paymentId));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.AWAITING_PROVIDER);
        assertThat(confirmation.order().status()).isEqualTo(PENDING);
        assertUnchanged();
    }

    @Test
    void given_a_verified_payment_then_the_change_is_recorded_as_a_redirect_proven_by_the_payment_id() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);

        confirm(paymentReturn(paymentId));

        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, AUTHORIZED,
                Provenance.of(ChangeSource.REDIRECT, paymentId.value(), NOW)));
    }

    @Test
    void given_a_confirmed_payment_when_it_is_confirmed_again_then_nothing_more_is_saved() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        confirm(paymentReturn(paymentId));

        PaymentConfirmation again = confirm(paymentReturn(paymentId));

        assertThat(again.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(again.order().status()).isEqualTo(AUTHORIZED);
        assertThat(again.order().version()).isEqualTo(1);
        assertThat(stored().version()).isEqualTo(1);
    }

    @Test
    void given_a_payment_captured_since_the_last_return_when_confirmed_again_then_the_order_follows() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
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

        PaymentConfirmation late = confirm(CANCEL_RETURN);

        assertThat(late.verdict()).isEqualTo(Verdict.FAILURE_REPORTED);
        assertThat(late.order().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().version()).isEqualTo(1);
        assertThat(gateway.fetchCount()).isEqualTo(fetchesSoFar);
        assertThat(orders.history(order.id())).hasSize(1);
    }

    @Test
    void given_a_cancel_return_while_the_provider_shows_the_checkout_open_then_nothing_is_recorded() {
        PaymentConfirmation confirmation = confirm(CANCEL_RETURN);

        assertThat(confirmation.verdict()).isEqualTo(Verdict.FAILURE_REPORTED);
        assertThat(confirmation.order().status()).isEqualTo(PENDING);
        assertUnchanged();
        // the provider was asked: without that check the hint would have been taken at its word
        assertThat(gateway.fetchCount()).isEqualTo(1);
    }

    @Test
    void given_a_lapsed_checkout_still_open_at_the_provider_when_the_buyer_returns_cancelled_then_it_is_not_expired() {
        Order lapsed = withCheckoutOpened(gateway, anOrder(), NOW.minusSeconds(1));
        orders.add(lapsed, NOT_HELD);

        PaymentConfirmation confirmation =
                service.confirmPayment(new ConfirmPaymentCommand(lapsed.id(), CANCEL_RETURN));

        // expiring is left to reconciliation, which looks at every lapsed checkout, not only returning buyers'
        assertThat(confirmation.verdict()).isEqualTo(Verdict.FAILURE_REPORTED);
        assertThat(orders.findById(lapsed.id()).orElseThrow().status()).isEqualTo(PENDING);
        assertThat(orders.history(lapsed.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = CheckoutEnding.class, names = {"CANCELLED", "DECLINED", "FAILED"})
    void given_a_cancel_return_when_the_provider_shows_the_checkout_ended_without_payment_then_its_ending_is_recorded(
            CheckoutEnding ending) {
        gateway.endCheckout(sessionId(), ending);

        PaymentConfirmation confirmation = confirm(CANCEL_RETURN);

        assertThat(confirmation.verdict()).isEqualTo(Verdict.FAILURE_REPORTED);
        assertThat(confirmation.order().status()).isEqualTo(ending.toStatus());
        assertThat(stored().status()).isEqualTo(ending.toStatus());
        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, ending.toStatus(),
                Provenance.of(ChangeSource.REDIRECT, sessionId().value(), NOW)));
    }

    @Test
    void given_a_cancel_return_when_the_provider_shows_a_payment_of_this_order_then_the_payment_is_followed() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);

        PaymentConfirmation confirmation = confirm(CANCEL_RETURN);

        assertThat(confirmation.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(confirmation.order().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, AUTHORIZED,
                Provenance.of(ChangeSource.REDIRECT, paymentId.value(), NOW)));
    }

    @Test
    void given_a_cancel_return_when_the_provider_shows_a_payment_that_is_not_this_orders_then_it_is_a_mismatch() {
        gateway.record(sessionId(), OrderId.newId().toString(), order.amount().minorUnits(), "NOK", AUTHORIZED);

        PaymentConfirmation confirmation = confirm(CANCEL_RETURN);

        assertThat(confirmation.verdict()).isEqualTo(Verdict.MISMATCH);
        assertUnchanged();
    }

    @ParameterizedTest
    @EnumSource(names = {"UNAVAILABLE", "TIMEOUT"})
    void given_a_cancel_return_when_the_provider_cannot_be_asked_then_the_hint_is_recorded_unverified(
            PaymentProviderException.Kind kind) {
        gateway.failFetches(kind);

        PaymentConfirmation confirmation = confirm(CANCEL_RETURN);

        assertThat(confirmation.verdict()).isEqualTo(Verdict.FAILURE_REPORTED);
        assertThat(confirmation.order().status()).isEqualTo(CANCELLED);
        assertThat(stored().status()).isEqualTo(CANCELLED);
        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, CANCELLED,
                Provenance.unreferenced(ChangeSource.REDIRECT, NOW)));
    }

    @Test
    void given_an_order_without_a_checkout_when_a_cancel_return_arrives_then_nothing_changes_and_nobody_is_asked() {
        Order withoutCheckout = anOrder().build();
        orders.add(withoutCheckout, NOT_HELD);

        PaymentConfirmation confirmation =
                service.confirmPayment(new ConfirmPaymentCommand(withoutCheckout.id(), CANCEL_RETURN));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.FAILURE_REPORTED);
        assertThat(orders.findById(withoutCheckout.id()).orElseThrow().status()).isEqualTo(PENDING);
        assertThat(gateway.fetchCount()).isZero();
    }

    @Test
    void given_an_order_cancelled_on_a_return_when_the_provider_confirms_payment_then_money_wins() {
        gateway.endCheckout(sessionId(), CheckoutEnding.CANCELLED);
        confirm(CANCEL_RETURN);
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);

        PaymentConfirmation confirmation = confirm(paymentReturn(paymentId));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
        assertThat(orders.history(order.id())).extracting(StatusChange::from, StatusChange::to)
                .containsExactly(tuple(PENDING, CANCELLED), tuple(CANCELLED, AUTHORIZED));
    }

    @Test
    void given_a_return_naming_a_payment_and_an_error_then_the_payment_decides() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);

        PaymentConfirmation confirmation =
                confirm(Map.of("payment_id", List.of(paymentId.value()), "error", List.of("cancelled")));

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
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);

        OrderNotFoundException notFound = catchThrowableOfType(OrderNotFoundException.class, () ->
                service.confirmPayment(new ConfirmPaymentCommand(unknown, paymentReturn(paymentId))));

        assertThat(notFound).isNotNull();
        assertThat(notFound.orderId()).isEqualTo(unknown);
        assertThat(gateway.fetchCount()).isZero();
    }

    @Test
    void given_another_confirmation_saves_the_same_payment_first_then_the_order_moves_once() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        AnotherCopySavesFirst racing = new AnotherCopySavesFirst(orders, 1,
                other -> other.followPayment(new PaymentState(paymentId, AUTHORIZED, nok(0), nok(0)),
                        TestOrders.BY_TEST));

        PaymentConfirmation confirmation = new ConfirmPaymentService(racing, gateway, CLOCK, new PaymentVerifier(racing, gateway, CLOCK, new EventRecorder(racing, new PlainEventPayloads(), CLOCK)))
                .confirmPayment(new ConfirmPaymentCommand(order.id(), paymentReturn(paymentId)));

        assertThat(racing.racesRun()).isEqualTo(1);
        assertThat(confirmation.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(confirmation.order().status()).isEqualTo(AUTHORIZED);
        // version 1: only the other copy's save happened; the retry found the change already made
        assertThat(stored().version()).isEqualTo(1);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().payment().paymentId()).contains(paymentId);
        assertThat(orders.history(order.id())).containsExactly(
                new StatusChange(order.id(), PENDING, AUTHORIZED, TestOrders.BY_TEST));
    }

    @Test
    void given_a_cancel_hint_is_saved_first_then_the_confirmed_payment_still_wins_on_the_retry() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        AnotherCopySavesFirst racing = new AnotherCopySavesFirst(orders, 1,
                other -> other.settleWithoutPayment(CheckoutEnding.CANCELLED, TestOrders.BY_TEST));

        PaymentConfirmation confirmation = new ConfirmPaymentService(racing, gateway, CLOCK, new PaymentVerifier(racing, gateway, CLOCK, new EventRecorder(racing, new PlainEventPayloads(), CLOCK)))
                .confirmPayment(new ConfirmPaymentCommand(order.id(), paymentReturn(paymentId)));

        assertThat(confirmation.order().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().status()).isEqualTo(AUTHORIZED);
        assertThat(stored().version()).isEqualTo(2);
        assertThat(orders.history(order.id())).containsExactly(
                new StatusChange(order.id(), PENDING, CANCELLED, TestOrders.BY_TEST),
                new StatusChange(order.id(), CANCELLED, AUTHORIZED, Provenance.of(ChangeSource.REDIRECT, paymentId.value(), NOW)));
    }

    @Test
    void given_every_save_loses_a_race_then_the_confirmation_gives_up_and_the_buyer_is_told_it_is_being_confirmed() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        AnotherCopySavesFirst racing = new AnotherCopySavesFirst(orders, Integer.MAX_VALUE, other -> { });

        PaymentConfirmation confirmation = new ConfirmPaymentService(racing, gateway, CLOCK, new PaymentVerifier(racing, gateway, CLOCK, new EventRecorder(racing, new PlainEventPayloads(), CLOCK)))
                .confirmPayment(new ConfirmPaymentCommand(order.id(), paymentReturn(paymentId)));

        assertThat(confirmation.verdict()).isEqualTo(Verdict.AWAITING_PROVIDER);
        assertThat(confirmation.order().status()).isEqualTo(PENDING);
        assertThat(racing.racesRun()).isBetween(2, 10);
        assertThat(stored().status()).isEqualTo(PENDING);
        assertThat(orders.history(order.id())).isEmpty();
    }

    private PaymentConfirmation confirm(Map<String, List<String>> returnParameters) {
        return service.confirmPayment(new ConfirmPaymentCommand(order.id(), returnParameters));
    }

    private void assertRefusedAsMismatch(PaymentId paymentId) {
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
        assertThat(orders.history(order.id())).isEmpty();
    }

    private Order stored() {
        return orders.findById(order.id()).orElseThrow();
    }

    private SessionId sessionId() {
        return order.session().orElseThrow().id();
    }

    private static Map<String, List<String>> paymentReturn(PaymentId paymentId) {
        return Map.of("payment_id", List.of(paymentId.value()));
    }

    /**
     * Lets another copy of the order, changed by {@code otherChange}, be saved just before each of the first
     * {@code races} updates: what a second confirmation running at the same moment would do.
     */
    private static final class AnotherCopySavesFirst extends ForwardingOrderRepository {

        private final int races;
        private final Consumer<Order> otherChange;
        private int racesRun;

        AnotherCopySavesFirst(OrderRepository delegate, int races, Consumer<Order> otherChange) {
            super(delegate);
            this.races = races;
            this.otherChange = otherChange;
        }

        @Override
        public Order update(Order order, List<Event> events, Optional<AuditEntry> audit) {
            if (racesRun < races) {
                racesRun++;
                Order other = delegate.findById(order.id()).orElseThrow();
                otherChange.accept(other);
                delegate.update(other, TestEvents.of(other));
            }
            return delegate.update(order, events, audit);
        }

        int racesRun() {
            return racesRun;
        }
    }
}
