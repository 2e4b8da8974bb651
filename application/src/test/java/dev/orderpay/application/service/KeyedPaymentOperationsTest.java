package dev.orderpay.application.service;

import dev.orderpay.application.port.in.confirmation.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.in.operation.CancelCommand;
import dev.orderpay.application.port.in.operation.CaptureCommand;
import dev.orderpay.application.port.in.operation.PaymentOperationResult;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Completed;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.OutcomeUnknown;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Reason;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Refused;
import dev.orderpay.application.port.in.operation.RefundCommand;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.ForwardingOrderRepository;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PlainIdempotentAnswers;
import dev.orderpay.application.port.out.event.PlainEventPayloads;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.audit.TestActors;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.orderpay.application.port.in.idempotency.IdempotentResults.executed;
import static dev.orderpay.application.port.in.idempotency.IdempotentResults.replayed;
import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static dev.orderpay.application.service.CheckoutsAtTheFake.withCheckoutOpened;
import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Captures, refunds and cancellations sent with an idempotency key: a repeat is answered as the first request was
 * and never reaches the provider again; a repeat of a request whose outcome was lost reads the payment first.
 */
class KeyedPaymentOperationsTest {

    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00Z");
    private static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final Duration HOLD = Duration.ofMinutes(2);
    private static final IdempotencyKey KEY = new IdempotencyKey("client-1", "key-1");
    private static final PlainIdempotentAnswers ANSWERS = new PlainIdempotentAnswers();

    private final TestClock clock = TestClock.standingAt(NOW);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final InMemoryIdempotentRequests requests = new InMemoryIdempotentRequests(clock);
    private final EventRecorder recorder = new EventRecorder(orders, new PlainEventPayloads(), clock);
    private final PaymentVerifier verifier = new PaymentVerifier(orders, gateway, clock, recorder);
    private final PaymentOperationsService service = operationsOver(orders);

    private final Order order = withCheckoutOpened(gateway, anOrder(), NOW.plus(Duration.ofHours(1)));

    KeyedPaymentOperationsTest() {
        orders.add(order, NOT_HELD);
    }

    @Test
    void given_a_captured_request_when_it_is_repeated_then_its_answer_is_replayed_and_the_provider_asked_once() {
        PaymentId paymentId = paid(AUTHORIZED);

        PaymentOperationResult first = executed(service.capture(captureAll()));
        RecordedAnswer repeat = replayed(service.capture(captureAll()));

        assertThat(first).isInstanceOf(Completed.class);
        assertThat(repeat).isEqualTo(ANSWERS.operation(first));
        assertThat(gateway.operations()).containsExactly("capture " + paymentId + " 299.00 NOK");
    }

    @Test
    void given_a_key_used_for_a_capture_when_it_comes_with_another_amount_operation_or_order_then_it_is_refused() {
        paid(AUTHORIZED);
        executed(service.capture(new CaptureCommand(order.id(), Optional.of(100_00L),
                TestActors.CLIENT).withIdempotencyKey(KEY)));
        Order other = withCheckoutOpened(gateway, anOrder(), NOW.plus(Duration.ofHours(1)));
        orders.add(other, NOT_HELD);

        assertThatThrownBy(() -> service.capture(new CaptureCommand(order.id(), Optional.of(100_01L), TestActors.CLIENT)
                .withIdempotencyKey(KEY))).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> service.refund(new RefundCommand(order.id(), Optional.of(100_00L), Optional.empty(),
                TestActors.CLIENT)
                .withIdempotencyKey(KEY))).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> service.capture(new CaptureCommand(other.id(), Optional.of(100_00L), TestActors.CLIENT)
                .withIdempotencyKey(KEY))).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(gateway.operations()).hasSize(1);
    }

    @Test
    void given_a_capture_the_order_did_not_allow_when_it_is_repeated_once_it_would_then_the_refusal_is_replayed() {
        PaymentOperationResult refused = executed(service.capture(captureAll()));
        paid(AUTHORIZED);

        RecordedAnswer repeat = replayed(service.capture(captureAll()));

        assertThat(refused).isInstanceOfSatisfying(Refused.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(Reason.NOT_ALLOWED));
        assertThat(repeat).isEqualTo(ANSWERS.operation(refused));
        assertThat(gateway.operations()).isEmpty();
    }

    @Test
    void given_a_keyed_capture_that_lost_a_race_for_the_order_when_it_is_repeated_then_it_is_carried_out_afresh() {
        paid(AUTHORIZED);
        Order stale = stored();
        executed(service.capture(new CaptureCommand(order.id(), Optional.of(100_00L), TestActors.CLIENT)));
        PaymentOperationsService withStaleOrder = operationsOver(new ServingOnce(orders, stale));

        PaymentOperationResult lost = executed(withStaleOrder.capture(captureAll()));
        PaymentOperationResult again = executed(service.capture(captureAll()));

        assertThat(lost).isInstanceOfSatisfying(Refused.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(Reason.CHANGED_CONCURRENTLY));
        assertThat(again).isInstanceOf(Completed.class);
        assertThat(stored().status()).isEqualTo(CAPTURED);
    }

    @Test
    void given_a_capture_whose_answer_was_lost_when_it_is_repeated_then_the_payment_is_read_and_it_is_not_sent_again() {
        PaymentId paymentId = paid(AUTHORIZED);
        gateway.loseOperationAnswers(PaymentProviderException.Kind.TIMEOUT);
        gateway.failFetches(PaymentProviderException.Kind.TIMEOUT);
        PaymentOperationResult first = executed(service.capture(captureAll()));
        gateway.answerFetchesAgain();
        int fetchesBefore = gateway.fetchCount();

        PaymentOperationResult settled = executed(service.capture(captureAll()));
        RecordedAnswer later = replayed(service.capture(captureAll()));

        assertThat(first).isInstanceOf(OutcomeUnknown.class);
        assertThat(settled).isInstanceOf(Completed.class);
        assertThat(settled.order().status()).isEqualTo(CAPTURED);
        assertThat(gateway.fetchCount()).isEqualTo(fetchesBefore + 1);
        assertThat(gateway.operations()).containsExactly("capture " + paymentId + " 299.00 NOK");
        assertThat(later).isEqualTo(ANSWERS.operation(settled));
        assertThat(stored().pendingOperation()).isEmpty();
    }

    @Test
    void given_a_capture_whose_outcome_is_still_unknown_when_it_is_repeated_then_it_stays_unknown_and_is_not_sent_again() {
        paid(AUTHORIZED);
        gateway.failOperations(PaymentProviderException.Kind.TIMEOUT);
        gateway.failFetches(PaymentProviderException.Kind.UNAVAILABLE);
        executed(service.capture(captureAll()));

        PaymentOperationResult repeat = executed(service.capture(captureAll()));
        gateway.answerFetchesAgain();
        PaymentOperationResult providerShowsNothingYet = executed(service.capture(captureAll()));

        assertThat(repeat).isInstanceOfSatisfying(OutcomeUnknown.class,
                unknown -> assertThat(unknown.timedOut()).isFalse());
        assertThat(providerShowsNothingYet).isInstanceOf(OutcomeUnknown.class);
        assertThat(gateway.operations()).hasSize(1);
        assertThat(stored().pendingOperation()).isPresent();
    }

    @Test
    void given_a_capture_whose_outcome_was_unknown_and_that_reconciliation_let_go_when_repeated_then_it_did_not_happen() {
        paid(AUTHORIZED);
        gateway.failOperations(PaymentProviderException.Kind.TIMEOUT);
        executed(service.capture(captureAll()));
        Order abandoned = stored();
        abandoned.abandonOperation();
        recorder.save(abandoned);

        PaymentOperationResult repeat = executed(service.capture(captureAll()));

        assertThat(repeat).isInstanceOfSatisfying(Refused.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(Reason.NOT_CARRIED_OUT));
        assertThat(repeat.order().payment().captured()).isEqualTo(nok(0));
        assertThat(replayed(service.capture(captureAll()))).isEqualTo(ANSWERS.operation(repeat));
        assertThat(gateway.operations()).hasSize(1);
    }

    @Test
    void given_a_capture_whose_outcome_was_unknown_and_that_a_notification_settled_when_repeated_then_it_is_done() {
        PaymentId paymentId = paid(AUTHORIZED);
        gateway.loseOperationAnswers(PaymentProviderException.Kind.TIMEOUT);
        gateway.failFetches(PaymentProviderException.Kind.TIMEOUT);
        executed(service.capture(captureAll()));
        gateway.answerFetchesAgain();
        verifier.follow(stored(), gateway.fetchPayment(paymentId), ChangeSource.CALLBACK,
                "event-1");

        PaymentOperationResult repeat = executed(service.capture(captureAll()));

        assertThat(repeat).isInstanceOf(Completed.class);
        assertThat(repeat.order().status()).isEqualTo(CAPTURED);
        assertThat(gateway.operations()).hasSize(1);
    }

    @Test
    void given_a_keyed_capture_running_when_it_is_repeated_then_the_repeat_is_told_it_is_in_progress() {
        paid(AUTHORIZED);
        requests.claim(new IdempotentRequests.Request(KEY, IdempotentRequests.Operation.CAPTURE,
                Optional.of(order.id().toString()), captureAll().fingerprint()), Optional.empty(),
                clock.instant().plus(HOLD), clock.instant().plus(KEY_LIFETIME));

        assertThatThrownBy(() -> service.capture(captureAll()))
                .isInstanceOf(IdempotentRequestInProgressException.class);
        assertThat(gateway.operations()).isEmpty();
    }

    @Test
    void given_a_keyed_capture_that_stopped_before_starting_when_repeated_after_its_hold_then_it_is_carried_out() {
        PaymentId paymentId = paid(AUTHORIZED);
        requests.claim(new IdempotentRequests.Request(KEY, IdempotentRequests.Operation.CAPTURE,
                Optional.of(order.id().toString()), captureAll().fingerprint()), Optional.empty(),
                clock.instant().plus(HOLD), clock.instant().plus(KEY_LIFETIME));
        clock.advance(HOLD.plusSeconds(1));

        PaymentOperationResult repeat = executed(service.capture(captureAll()));

        assertThat(repeat).isInstanceOf(Completed.class);
        assertThat(gateway.operations()).containsExactly("capture " + paymentId + " 299.00 NOK");
    }

    @Test
    void given_a_keyed_cancellation_when_it_is_repeated_then_its_answer_is_replayed() {
        paid(AUTHORIZED);
        CancelCommand cancel = new CancelCommand(order.id(), TestActors.CLIENT).withIdempotencyKey(KEY);

        PaymentOperationResult first = executed(service.cancel(cancel));
        RecordedAnswer repeat = replayed(service.cancel(cancel));

        assertThat(first.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(repeat).isEqualTo(ANSWERS.operation(first));
        assertThat(gateway.operations()).hasSize(1);
    }

    @Test
    void given_a_keyed_refund_when_it_is_repeated_then_its_answer_is_replayed_and_the_money_refunded_once() {
        paid(CAPTURED);
        RefundCommand refund = new RefundCommand(order.id(), Optional.of(50_00L), Optional.of("damaged"),
                TestActors.CLIENT)
                .withIdempotencyKey(KEY);

        PaymentOperationResult first = executed(service.refund(refund));
        RecordedAnswer repeat = replayed(service.refund(refund));

        assertThat(repeat).isEqualTo(ANSWERS.operation(first));
        assertThat(stored().payment().refunded()).isEqualTo(nok(50_00));
        assertThat(gateway.operations()).hasSize(1);
    }

    private PaymentOperationsService operationsOver(OrderRepository store) {
        return new PaymentOperationsService(store, gateway, clock,
                new PaymentVerifier(store, gateway, clock, new EventRecorder(store, new PlainEventPayloads(), clock)),
                new KeyedRequests(requests, clock, new KeyedRequests.Policy(KEY_LIFETIME, HOLD)), ANSWERS);
    }

    private PaymentId paid(OrderStatus status) {
        PaymentId paymentId = gateway.paymentFor(order, status);
        new ConfirmPaymentService(orders, gateway, clock, verifier).confirmPayment(
                new ConfirmPaymentCommand(order.id(), Map.of("payment_id", List.of(paymentId.value()))));
        assertThat(stored().status()).isEqualTo(status);
        return paymentId;
    }

    private CaptureCommand captureAll() {
        return new CaptureCommand(order.id(), Optional.empty(), TestActors.CLIENT).withIdempotencyKey(KEY);
    }

    private Order stored() {
        return orders.findById(order.id()).orElseThrow();
    }

    /** Hands out a copy of the order as it was once, as a request that loaded it just before another saved. */
    private static final class ServingOnce extends ForwardingOrderRepository {

        private Order stale;

        ServingOnce(OrderRepository delegate, Order stale) {
            super(delegate);
            this.stale = stale;
        }

        @Override
        public Optional<Order> findById(OrderId id) {
            if (stale != null) {
                Order once = stale;
                stale = null;
                return Optional.of(once);
            }
            return delegate.findById(id);
        }
    }
}
