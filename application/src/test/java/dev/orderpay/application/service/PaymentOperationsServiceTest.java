package dev.orderpay.application.service;

import dev.orderpay.application.port.out.event.PlainEventPayloads;
import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.in.confirmation.NotificationCommand;
import dev.orderpay.application.port.in.confirmation.NotificationOutcome;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.operation.CancelCommand;
import dev.orderpay.application.port.in.operation.CaptureCommand;
import dev.orderpay.application.port.in.operation.PaymentOperationResult;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Accepted;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Completed;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.OutcomeUnknown;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Reason;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Refused;
import dev.orderpay.application.port.in.operation.RefundCommand;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.ForwardingOrderRepository;
import dev.orderpay.application.port.out.InMemoryDeliveryLog;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PlainIdempotentAnswers;
import dev.orderpay.application.port.out.audit.InMemoryAuditLog;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderPayment;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PendingOperation;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.audit.TestActors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static dev.orderpay.application.service.CheckoutsAtTheFake.withCheckoutOpened;
import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_REFUNDED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.OrderStatus.REFUNDED;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.nok;
import static dev.orderpay.application.port.in.idempotency.IdempotentResults.executed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PaymentOperationsServiceTest {

    /** Some 35 minutes after the test orders' creation time: old enough for reconciliation to look at them. */
    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00Z");
    private static final Duration SETTLE_AFTER = Duration.ofMinutes(15);
    private static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final Duration HOLD = Duration.ofMinutes(2);
    private static final IdempotencyKey KEY = new IdempotencyKey("client-1", "key-1");
    private static final PlainIdempotentAnswers ANSWERS = new PlainIdempotentAnswers();

    private final TestClock clock = TestClock.standingAt(NOW);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(
            new InMemoryWebhookDeliveries(new InMemoryWebhookEndpoints()), auditLog);
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final InMemoryIdempotentRequests requests = new InMemoryIdempotentRequests(clock);
    private final PaymentOperationsService service = operationsOver(orders);

    /** 299.00 NOK, its checkout opened at the fake provider and stored; not yet paid. */
    private final Order order = withCheckoutOpened(gateway, anOrder(), NOW.plus(Duration.ofHours(1)));

    PaymentOperationsServiceTest() {
        orders.add(order, NOT_HELD);
    }

    @Test
    void given_an_authorized_order_when_all_of_it_is_captured_then_it_is_captured_in_full_as_the_provider_shows() {
        PaymentId paymentId = paid(AUTHORIZED);

        PaymentOperationResult result = executed(service.capture(captureAll()));

        assertThat(result).isInstanceOf(Completed.class);
        assertThat(result.order().status()).isEqualTo(CAPTURED);
        assertThat(gateway.operations()).containsExactly("capture " + paymentId + " 299.00 NOK");
        Order stored = stored();
        assertThat(stored.status()).isEqualTo(CAPTURED);
        assertThat(stored.payment()).isEqualTo(new OrderPayment(Optional.of(paymentId), nok(299_00), nok(0)));
        assertThat(stored.pendingOperation()).isEmpty();
        assertThat(orders.history(order.id())).last().isEqualTo(new StatusChange(order.id(), AUTHORIZED, CAPTURED,
                Provenance.of(ChangeSource.API, paymentId.value(), NOW)));
    }

    @Test
    void given_an_authorized_order_when_a_part_and_then_the_rest_are_captured_then_it_is_partly_then_fully_captured() {
        PaymentId paymentId = paid(AUTHORIZED);

        PaymentOperationResult part = executed(service.capture(capture(100_00)));
        Order afterThePart = stored();
        PaymentOperationResult rest = executed(service.capture(captureAll()));

        assertThat(part.order().status()).isEqualTo(PARTIALLY_CAPTURED);
        assertThat(afterThePart.status()).isEqualTo(PARTIALLY_CAPTURED);
        assertThat(afterThePart.payment().captured()).isEqualTo(nok(100_00));
        assertThat(afterThePart.pendingOperation()).isEmpty();
        assertThat(rest.order().status()).isEqualTo(CAPTURED);
        assertThat(stored().payment().captured()).isEqualTo(nok(299_00));
        assertThat(gateway.operations()).containsExactly(
                "capture " + paymentId + " 100.00 NOK",
                "capture " + paymentId + " 199.00 NOK");
        assertThat(orders.history(order.id())).extracting(StatusChange::to)
                .containsExactly(AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED);
    }

    @Test
    void given_a_captured_order_when_a_part_and_then_the_rest_are_refunded_then_it_is_partly_then_fully_refunded() {
        PaymentId paymentId = paid(CAPTURED);

        PaymentOperationResult part = executed(service.refund(refund(50_00)));
        Order afterThePart = stored();
        PaymentOperationResult rest = executed(service.refund(new RefundCommand(order.id(), Optional.empty(),
                Optional.empty(), TestActors.CLIENT)));

        assertThat(part).isInstanceOf(Completed.class);
        assertThat(afterThePart.status()).isEqualTo(PARTIALLY_REFUNDED);
        assertThat(afterThePart.payment()).isEqualTo(new OrderPayment(Optional.of(paymentId), nok(299_00), nok(50_00)));
        assertThat(rest.order().status()).isEqualTo(REFUNDED);
        assertThat(stored().payment()).isEqualTo(new OrderPayment(Optional.of(paymentId), nok(299_00), nok(299_00)));
        assertThat(stored().pendingOperation()).isEmpty();
        assertThat(gateway.operations()).containsExactly(
                "refund " + paymentId + " 50.00 NOK",
                "refund " + paymentId + " 249.00 NOK");
    }

    @Test
    void given_an_order_captured_in_part_and_refunded_in_part_when_the_rest_is_captured_then_it_stays_partly_refunded() {
        PaymentId paymentId = paid(AUTHORIZED);
        executed(service.capture(capture(100_00)));
        executed(service.refund(refund(40_00)));

        PaymentOperationResult rest = executed(service.capture(captureAll()));

        assertThat(rest).isInstanceOf(Completed.class);
        assertThat(rest.order().status()).isEqualTo(PARTIALLY_REFUNDED);
        assertThat(stored().payment()).isEqualTo(new OrderPayment(Optional.of(paymentId), nok(299_00), nok(40_00)));
        assertThat(gateway.operations()).containsExactly(
                "capture " + paymentId + " 100.00 NOK",
                "refund " + paymentId + " 40.00 NOK",
                "capture " + paymentId + " 199.00 NOK");
        assertThat(orders.findByOrder(order.id())).extracting(event -> event.type().wireName()).endsWith(
                "order.partially_captured", "order.partially_refunded", "order.captured");
    }

    @Test
    void given_an_authorized_order_when_it_is_cancelled_then_its_authorization_is_voided_and_it_is_cancelled() {
        PaymentId paymentId = paid(AUTHORIZED);

        PaymentOperationResult result = executed(service.cancel(new CancelCommand(order.id(), TestActors.CLIENT)));

        assertThat(result).isInstanceOf(Completed.class);
        assertThat(result.order().status()).isEqualTo(CANCELLED);
        assertThat(gateway.operations()).containsExactly("void " + paymentId);
        assertThat(stored().status()).isEqualTo(CANCELLED);
        assertThat(stored().pendingOperation()).isEmpty();
        assertThat(orders.history(order.id())).last().isEqualTo(new StatusChange(order.id(), AUTHORIZED, CANCELLED,
                Provenance.of(ChangeSource.API, paymentId.value(), NOW)));
    }

    @Test
    void given_an_unpaid_order_with_its_checkout_open_when_it_is_cancelled_then_the_checkout_is_closed_and_it_is_cancelled() {
        PaymentOperationResult result = executed(service.cancel(new CancelCommand(order.id(), TestActors.CLIENT)));

        assertThat(result).isInstanceOf(Completed.class);
        assertThat(result.order().status()).isEqualTo(CANCELLED);
        assertThat(gateway.operations()).containsExactly("cancel checkout " + sessionId());
        assertThat(gateway.fetchCheckout(sessionId()).endedWithoutPayment()).contains(CheckoutEnding.CANCELLED);
        Order stored = stored();
        assertThat(stored.status()).isEqualTo(CANCELLED);
        assertThat(stored.pendingOperation()).isEmpty();
        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, CANCELLED,
                Provenance.of(ChangeSource.API, sessionId().value(), NOW)));
    }

    @Test
    void given_an_authorized_order_when_more_than_authorized_is_captured_then_it_is_refused_without_asking_the_provider() {
        paid(AUTHORIZED);

        assertRefusedWithoutAskingTheProvider(() -> executed(service.capture(capture(299_01))));
    }

    @Test
    void given_a_captured_order_when_more_than_captured_is_refunded_then_it_is_refused_without_asking_the_provider() {
        paid(CAPTURED);

        assertRefusedWithoutAskingTheProvider(() -> executed(service.refund(refund(299_01))));
    }

    @Test
    void given_an_authorized_order_when_a_refund_is_asked_for_then_it_is_refused_without_asking_the_provider() {
        paid(AUTHORIZED);

        assertRefusedWithoutAskingTheProvider(() -> executed(service.refund(refund(1_00))));
    }

    @Test
    void given_a_cancelled_order_when_it_is_captured_then_it_is_refused_without_asking_the_provider() {
        paid(AUTHORIZED);
        executed(service.cancel(new CancelCommand(order.id(), TestActors.CLIENT)));
        int operationsSoFar = gateway.operations().size();

        Order before = stored();
        PaymentOperationResult result = executed(service.capture(captureAll()));

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_ALLOWED));
        assertThat(result.order().status()).isEqualTo(CANCELLED);
        assertThat(gateway.operations()).hasSize(operationsSoFar);
        assertThat(stored().version()).isEqualTo(before.version());
    }

    @Test
    void given_a_captured_order_when_it_is_cancelled_then_it_is_refused_without_asking_the_provider() {
        paid(CAPTURED);

        assertRefusedWithoutAskingTheProvider(() -> executed(service.cancel(new CancelCommand(order.id(),
                TestActors.CLIENT))));
    }

    @Test
    void given_an_authorized_order_when_all_of_it_is_captured_then_one_audit_entry_names_who_what_and_how_much() {
        paid(AUTHORIZED);

        executed(service.capture(captureAll()));

        assertThat(auditLog.all()).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(TestActors.CLIENT);
            assertThat(entry.action()).isEqualTo(AuditAction.PAYMENT_CAPTURE_REQUESTED);
            assertThat(entry.targetId()).isEqualTo(order.id().toString());
            assertThat(entry.amount()).contains(nok(299_00));
            assertThat(entry.occurredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void given_a_captured_order_when_a_part_is_refunded_and_then_it_is_cancelled_then_only_the_refund_is_audited() {
        paid(CAPTURED);

        executed(service.refund(refund(50_00)));
        executed(service.cancel(new CancelCommand(order.id(), TestActors.CLIENT)));

        assertThat(auditLog.all()).extracting(AuditEntry::action, AuditEntry::amount)
                .containsExactly(tuple(AuditAction.PAYMENT_REFUND_REQUESTED, Optional.of(nok(50_00))));
    }

    @Test
    void given_an_authorized_order_when_it_is_cancelled_then_the_cancellation_is_audited_without_an_amount() {
        paid(AUTHORIZED);

        executed(service.cancel(new CancelCommand(order.id(), TestActors.CLIENT)));

        assertThat(auditLog.all()).extracting(AuditEntry::action, AuditEntry::amount)
                .containsExactly(tuple(AuditAction.PAYMENT_CANCEL_REQUESTED, Optional.empty()));
    }

    @Test
    void given_the_provider_rejects_a_capture_then_the_request_stays_in_the_audit_log() {
        paid(AUTHORIZED);
        gateway.failOperations(PaymentProviderException.Kind.REJECTED);

        executed(service.capture(capture(100_00)));

        assertThat(auditLog.all()).extracting(AuditEntry::action)
                .containsExactly(AuditAction.PAYMENT_CAPTURE_REQUESTED);
    }

    @Test
    void given_an_unknown_order_when_it_is_captured_then_it_is_not_found_and_the_provider_is_not_asked() {
        OrderId unknown = OrderId.newId();

        assertThatThrownBy(() -> executed(service.capture(new CaptureCommand(unknown, Optional.empty(),
                TestActors.CLIENT))))
                .isInstanceOf(OrderNotFoundException.class);
        assertThat(gateway.operations()).isEmpty();
    }

    @Test
    void given_the_provider_rejects_a_capture_then_it_is_refused_by_the_provider_and_the_capture_is_let_go() {
        paid(AUTHORIZED);
        gateway.failOperations(PaymentProviderException.Kind.REJECTED);

        PaymentOperationResult result = executed(service.capture(captureAll()));

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.PROVIDER_REFUSED));
        assertThat(result.order().pendingOperation()).isEmpty();
        Order stored = stored();
        assertThat(stored.status()).isEqualTo(AUTHORIZED);
        assertThat(stored.payment().captured()).isEqualTo(nok(0));
        assertThat(stored.pendingOperation()).isEmpty();
        // A retry may start: it reaches the provider again instead of being refused as under way.
        assertThat(executed(service.capture(captureAll()))).isInstanceOf(Refused.class);
        assertThat(gateway.operations()).hasSize(2);
    }

    @Test
    void given_the_answer_to_a_capture_is_lost_then_the_payment_is_read_again_and_the_capture_recorded_once() {
        PaymentId paymentId = paid(AUTHORIZED);
        int fetchesBefore = gateway.fetchCount();
        gateway.loseOperationAnswers(PaymentProviderException.Kind.TIMEOUT);

        PaymentOperationResult result = executed(service.capture(captureAll()));

        assertThat(result).isInstanceOf(Completed.class);
        assertThat(result.order().status()).isEqualTo(CAPTURED);
        assertThat(stored().payment().captured()).isEqualTo(nok(299_00));
        assertThat(stored().pendingOperation()).isEmpty();
        assertThat(gateway.fetchCount()).isEqualTo(fetchesBefore + 1);
        assertThat(gateway.operations()).containsExactly("capture " + paymentId + " 299.00 NOK");
    }

    @Test
    void given_the_provider_cannot_be_reached_at_all_then_the_outcome_is_unknown_and_the_capture_stays_pending() {
        paid(AUTHORIZED);
        gateway.failOperations(PaymentProviderException.Kind.TIMEOUT);
        gateway.failFetches(PaymentProviderException.Kind.TIMEOUT);

        PaymentOperationResult result = executed(service.capture(captureAll()));

        assertThat(result).isInstanceOfSatisfying(OutcomeUnknown.class,
                unknown -> assertThat(unknown.timedOut()).isTrue());
        PendingOperation capture = new PendingOperation(PendingOperation.Type.CAPTURE, nok(299_00), nok(0), NOW);
        assertThat(result.order().pendingOperation()).contains(capture);
        assertThat(stored().pendingOperation()).contains(capture);
        // Nobody knows whether the first capture happened, so a second may not start.
        assertThat(executed(service.capture(captureAll()))).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_ALLOWED));
        assertThat(gateway.operations()).hasSize(1);
    }

    @Test
    void given_the_provider_accepts_a_capture_for_later_then_it_is_not_completed_and_the_order_shows_it_pending() {
        paid(AUTHORIZED);
        gateway.acceptOperationsForLater();

        PaymentOperationResult result = executed(service.capture(captureAll()));

        assertThat(result).isInstanceOf(Accepted.class);
        assertThat(result.order().status()).isEqualTo(AUTHORIZED);
        assertThat(result.order().pendingOperation())
                .contains(new PendingOperation(PendingOperation.Type.CAPTURE, nok(299_00), nok(0), NOW));
        assertThat(stored().pendingOperation()).isEqualTo(result.order().pendingOperation());
        assertThat(executed(service.refund(refund(1_00)))).isInstanceOf(Refused.class);
        assertThat(gateway.operations()).hasSize(1);
    }

    @Test
    void given_a_capture_accepted_for_later_when_the_provider_notifies_its_payment_then_the_capture_is_complete() {
        PaymentId paymentId = paid(AUTHORIZED);
        gateway.acceptOperationsForLater();
        executed(service.capture(captureAll()));
        gateway.carryOutAcceptedOperations();

        NotificationOutcome outcome = new HandleNotificationService(orders, gateway, new InMemoryDeliveryLog(),
                new PaymentVerifier(orders, gateway, clock, new EventRecorder(orders, new PlainEventPayloads(), clock)))
                .handleNotification(new NotificationCommand(order.id(), new InboundNotification("POST",
                        "shop.example.test", "/orders/" + order.id() + "/notifications", "",
                        Map.of("payment_id", List.of(paymentId.value())),
                        Map.of(FakePaymentGateway.SIGNATURE_HEADER, List.of(FakePaymentGateway.VALID_SIGNATURE),
                                FakePaymentGateway.DELIVERY_HEADER, List.of("d-1")))));

        assertThat(outcome).isEqualTo(NotificationOutcome.HANDLED);
        Order stored = stored();
        assertThat(stored.status()).isEqualTo(CAPTURED);
        assertThat(stored.payment().captured()).isEqualTo(nok(299_00));
        assertThat(stored.pendingOperation()).isEmpty();
    }

    @Test
    void given_a_capture_accepted_for_later_when_reconciliation_sees_it_done_then_the_capture_is_complete() {
        paid(AUTHORIZED);
        gateway.acceptOperationsForLater();
        executed(service.capture(captureAll()));
        gateway.carryOutAcceptedOperations();

        new ReconcileOrdersService(orders, gateway, clock,
                new ReconcileOrdersService.Policy(SETTLE_AFTER, Duration.ofMinutes(5), 10),
                new PaymentVerifier(orders, gateway, clock, new EventRecorder(orders, new PlainEventPayloads(),
                        clock))).reconcileBatch();

        Order stored = stored();
        assertThat(stored.status()).isEqualTo(CAPTURED);
        assertThat(stored.payment().captured()).isEqualTo(nok(299_00));
        assertThat(stored.pendingOperation()).isEmpty();
    }

    @Test
    void given_the_provider_fails_to_close_a_checkout_then_it_is_refused_and_the_order_is_as_before() {
        gateway.failOperations(PaymentProviderException.Kind.UNAVAILABLE);

        assertThat(executed(service.cancel(new CancelCommand(order.id(),
                TestActors.CLIENT)))).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.PROVIDER_UNAVAILABLE));

        Order stored = stored();
        assertThat(stored.status()).isEqualTo(PENDING);
        assertThat(stored.pendingOperation()).isEmpty();
        assertThat(orders.history(order.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"UNAVAILABLE", "TIMEOUT"})
    void given_the_answer_to_a_refund_is_lost_then_the_refund_is_recorded_from_the_payment_read_again(
            PaymentProviderException.Kind kind) {
        PaymentId paymentId = paid(CAPTURED);
        gateway.loseOperationAnswers(kind);

        PaymentOperationResult result = executed(service.refund(refund(100_00)));

        assertThat(result.order().status()).isEqualTo(PARTIALLY_REFUNDED);
        assertThat(stored().payment()).isEqualTo(new OrderPayment(Optional.of(paymentId), nok(299_00), nok(100_00)));
        assertThat(stored().pendingOperation()).isEmpty();
    }

    @Test
    void given_two_captures_of_the_rest_at_once_then_exactly_one_reaches_the_provider() throws Exception {
        PaymentId paymentId = paid(AUTHORIZED);
        // Both requests load the order before either saves: only the version check can stop the second.
        BothLoadBeforeEitherSaves racing = new BothLoadBeforeEitherSaves(orders);
        PaymentOperationsService racingService = operationsOver(racing);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<PaymentOperationResult> outcomes = new ArrayList<>();
        try {
            Future<PaymentOperationResult> first =
                    threads.submit(() -> executed(racingService.capture(captureAll())));
            Future<PaymentOperationResult> second =
                    threads.submit(() -> executed(racingService.capture(captureAll())));
            for (Future<PaymentOperationResult> attempt : List.of(first, second)) {
                outcomes.add(attempt.get(10, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(racing.bothLoaded()).isTrue();
        assertThat(gateway.operations()).containsExactly("capture " + paymentId + " 299.00 NOK");
        assertThat(outcomes).filteredOn(Completed.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Refused.class::isInstance).singleElement()
                .extracting(outcome -> ((Refused) outcome).reason())
                .isIn(Reason.CHANGED_CONCURRENTLY, Reason.NOT_ALLOWED);
        assertThat(stored().status()).isEqualTo(CAPTURED);
        assertThat(stored().payment().captured()).isEqualTo(nok(299_00));
    }

    /** The provider holds a payment for the order in that status, and the buyer's return linked it; its id. */
    @Test
    void given_a_pending_order_whose_initiated_payment_was_linked_when_it_is_cancelled_then_its_checkout_is_closed() {
        PaymentId paymentId = gateway.paymentFor(order, PENDING);
        new ConfirmPaymentService(orders, gateway, clock, new PaymentVerifier(orders, gateway, clock,
                new EventRecorder(orders, new PlainEventPayloads(), clock))).confirmPayment(
                new ConfirmPaymentCommand(order.id(), Map.of("payment_id", List.of(paymentId.value()))));

        executed(service.cancel(new CancelCommand(order.id(), TestActors.CLIENT)));

        assertThat(gateway.operations()).containsExactly("cancel checkout " + sessionId());
        assertThat(stored().status()).isEqualTo(CANCELLED);
    }

    private PaymentId paid(OrderStatus status) {
        PaymentId paymentId = gateway.paymentFor(order, status);
        new ConfirmPaymentService(orders, gateway, clock, new PaymentVerifier(orders, gateway, clock,
                new EventRecorder(orders, new PlainEventPayloads(), clock))).confirmPayment(
                new ConfirmPaymentCommand(order.id(), Map.of("payment_id", List.of(paymentId.value()))));
        assertThat(stored().status()).isEqualTo(status);
        return paymentId;
    }

    private void assertRefusedWithoutAskingTheProvider(Supplier<PaymentOperationResult> operation) {
        Order before = stored();

        PaymentOperationResult result = operation.get();

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_ALLOWED));
        assertThat(result.order().status()).isEqualTo(before.status());

        assertThat(gateway.operations()).isEmpty();
        Order after = stored();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.pendingOperation()).isEmpty();
        assertThat(after.payment()).isEqualTo(before.payment());
    }

    private PaymentOperationsService operationsOver(OrderRepository store) {
        return new PaymentOperationsService(store, gateway, clock,
                new PaymentVerifier(store, gateway, clock, new EventRecorder(store, new PlainEventPayloads(), clock)),
                new KeyedRequests(requests, clock, new KeyedRequests.Policy(KEY_LIFETIME, HOLD)), ANSWERS);
    }

    private CaptureCommand captureAll() {
        return new CaptureCommand(order.id(), Optional.empty(), TestActors.CLIENT);
    }

    private CaptureCommand capture(long minorUnits) {
        return new CaptureCommand(order.id(), Optional.of(minorUnits), TestActors.CLIENT);
    }

    private RefundCommand refund(long minorUnits) {
        return new RefundCommand(order.id(), Optional.of(minorUnits), Optional.of("returned goods"), TestActors.CLIENT);
    }

    private Order stored() {
        return orders.findById(order.id()).orElseThrow();
    }

    private SessionId sessionId() {
        return order.session().orElseThrow().id();
    }

    /** Holds the first two loads until both have happened, so two requests work on the same version. */
    private static final class BothLoadBeforeEitherSaves extends ForwardingOrderRepository {

        private final CountDownLatch loads = new CountDownLatch(2);

        BothLoadBeforeEitherSaves(OrderRepository delegate) {
            super(delegate);
        }

        boolean bothLoaded() {
            return loads.getCount() == 0;
        }

        @Override
        public Optional<Order> findById(OrderId id) {
            Optional<Order> loaded = delegate.findById(id);
            loads.countDown();
            try {
                loads.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return loaded;
        }
    }
}
