package dev.orderpay.application.service;

import dev.orderpay.application.port.out.event.PlainEventPayloads;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.maintenance.ReconciliationReport;
import dev.orderpay.application.port.in.operation.CaptureCommand;
import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.PlainIdempotentAnswers;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.service.ReconcileOrdersService.Policy;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderPayment;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PendingOperation;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.TestOrders;
import dev.orderpay.domain.audit.TestActors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static dev.orderpay.application.service.CheckoutsAtTheFake.withCheckoutOpened;
import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.EXPIRED;
import static dev.orderpay.domain.OrderStatus.FAILED;
import static dev.orderpay.domain.OrderStatus.ON_HOLD;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;

class ReconcileOrdersServiceTest {

    /** Some 35 minutes after the test orders' creation time, {@link TestOrders#CREATED_AT}: old enough to settle. */
    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00Z");
    private static final Duration SETTLE_AFTER = Duration.ofMinutes(15);
    private static final Duration CLAIM_FOR = Duration.ofMinutes(5);
    private static final Instant STILL_OPEN = NOW.plus(Duration.ofHours(1));
    private static final Instant LAPSED = NOW.minusSeconds(1);

    private final TestClock clock = TestClock.standingAt(NOW);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final ReconcileOrdersService service = serviceWithBatchesOf(10);

    @Test
    void only_orders_older_than_the_settling_time_and_still_awaiting_an_outcome_or_an_operation_are_examined() {
        Order pending = storedWithCheckout(anOrder(), STILL_OPEN);
        Order onHold = storedWithCheckout(anOrder().withStatus(ON_HOLD), STILL_OPEN);
        Order justOldEnough =
                storedWithCheckout(anOrder().createdAt(NOW.minus(SETTLE_AFTER).minusSeconds(1)), STILL_OPEN);
        Order young = storedWithCheckout(anOrder().createdAt(NOW.minus(SETTLE_AFTER).plusSeconds(1)), STILL_OPEN);
        // Each of these would move if it were examined: the provider holds an authorized payment for every one
        // (a captured one for the order already authorized).
        Map<OrderStatus, Order> decided = Arrays.stream(OrderStatus.values()).filter(status -> !status.awaitsOutcome())
                .collect(Collectors.toMap(Function.identity(),
                        status -> storedWithCheckout(anOrder().withStatus(status), STILL_OPEN)));
        gateway.paymentFor(pending, AUTHORIZED);
        gateway.paymentFor(onHold, AUTHORIZED);
        gateway.paymentFor(justOldEnough, AUTHORIZED);
        gateway.paymentFor(young, AUTHORIZED);
        decided.forEach((status, order) -> gateway.paymentFor(order, status == AUTHORIZED ? CAPTURED : AUTHORIZED));
        // Decided too, but a capture is under way that the provider shows done.
        Order capturing = storedWithCaptureUnderWay(CAPTURED);

        ReconciliationReport report = service.reconcileBatch();

        assertThat(report.examined()).isEqualTo(4);
        assertThat(stored(capturing).status()).isEqualTo(CAPTURED);
        assertThat(stored(pending).status()).isEqualTo(AUTHORIZED);
        assertThat(stored(onHold).status()).isEqualTo(AUTHORIZED);
        assertThat(stored(justOldEnough).status()).isEqualTo(AUTHORIZED);
        assertThat(stored(young).status()).isEqualTo(PENDING);
        decided.forEach((status, order) -> assertThat(stored(order).status()).as("%s order", status).isEqualTo(status));
    }

    @ParameterizedTest
    @EnumSource(names = {"ON_HOLD", "AUTHORIZED", "CAPTURED", "DECLINED"})
    void given_a_paid_checkout_then_the_order_follows_the_verified_payment_as_reconciled(OrderStatus paid) {
        Order order = storedWithCheckout(anOrder(), STILL_OPEN);
        PaymentId paymentId = gateway.paymentFor(order, paid);

        service.reconcileBatch();

        assertThat(stored(order).status()).isEqualTo(paid);
        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, paid,
                Provenance.of(ChangeSource.RECONCILIATION, paymentId.value(), NOW)));
    }

    @Test
    void given_a_checkout_holding_another_orders_payment_then_the_order_is_left_as_it_is() {
        Order order = storedWithCheckout(anOrder(), LAPSED);
        gateway.record(sessionOf(order), "another-order", order.amount().minorUnits(), "NOK", AUTHORIZED);

        service.reconcileBatch();

        assertUnchanged(order);
    }

    @Test
    void given_a_checkout_that_lapsed_without_payment_then_the_order_expires() {
        Order order = storedWithCheckout(anOrder(), LAPSED);

        service.reconcileBatch();

        assertThat(stored(order).status()).isEqualTo(EXPIRED);
        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, EXPIRED,
                Provenance.of(ChangeSource.RECONCILIATION, sessionOf(order).value(), NOW)));
    }

    @Test
    void given_a_checkout_still_open_and_not_lapsed_then_the_order_is_left_pending() {
        Order order = storedWithCheckout(anOrder(), STILL_OPEN);

        ReconciliationReport report = service.reconcileBatch();

        assertThat(report).isEqualTo(new ReconciliationReport(1, 0, 0));
        assertUnchanged(order);
    }

    @ParameterizedTest
    @EnumSource(names = {"PENDING", "AUTHORIZED"})
    void given_a_lapsed_checkout_the_provider_shows_paid_then_the_order_is_never_expired(OrderStatus paid) {
        // PENDING: the buyer started a payment the provider has not decided yet; that is not an expiry either
        Order order = storedWithCheckout(anOrder(), LAPSED);
        gateway.paymentFor(order, paid);

        service.reconcileBatch();

        assertThat(stored(order).status()).isEqualTo(paid);
        assertThat(orders.history(order.id())).extracting(StatusChange::to).doesNotContain(EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(value = CheckoutEnding.class, names = {"CANCELLED", "DECLINED", "FAILED"})
    void given_a_checkout_the_provider_shows_ended_without_payment_then_the_order_takes_that_ending(
            CheckoutEnding ending) {
        Order order = storedWithCheckout(anOrder(), STILL_OPEN);
        gateway.endCheckout(sessionOf(order), ending);

        service.reconcileBatch();

        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, ending.toStatus(),
                Provenance.of(ChangeSource.RECONCILIATION, sessionOf(order).value(), NOW)));
    }

    @Test
    void given_an_order_whose_creation_stopped_before_its_checkout_then_it_fails_without_asking_the_provider() {
        Order order = anOrder().build();
        orders.add(order, NOT_HELD);

        service.reconcileBatch();

        assertThat(stored(order).status()).isEqualTo(FAILED);
        assertThat(orders.history(order.id())).containsExactly(new StatusChange(order.id(), PENDING, FAILED,
                Provenance.unreferenced(ChangeSource.RECONCILIATION, NOW)));
        assertThat(gateway.fetchCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(names = {"UNAVAILABLE", "TIMEOUT", "REJECTED"})
    void given_the_provider_cannot_be_asked_then_the_order_is_counted_failed_and_left_unchanged(
            PaymentProviderException.Kind kind) {
        Order order = storedWithCheckout(anOrder(), LAPSED);
        gateway.failFetches(kind);

        ReconciliationReport report = service.reconcileBatch();

        assertThat(report).isEqualTo(new ReconciliationReport(1, 0, 1));
        assertUnchanged(order);
    }

    @Test
    void given_an_order_the_provider_could_not_be_asked_about_then_it_is_examined_again_only_once_its_claim_ran_out() {
        storedWithCheckout(anOrder(), STILL_OPEN);
        gateway.failFetches(PaymentProviderException.Kind.UNAVAILABLE);
        service.reconcileBatch();

        clock.set(NOW.plus(CLAIM_FOR).minusSeconds(1));
        ReconciliationReport whileClaimed = service.reconcileBatch();
        clock.set(NOW.plus(CLAIM_FOR).plusSeconds(1));
        ReconciliationReport afterTheClaim = service.reconcileBatch();

        assertThat(whileClaimed.examined()).isZero();
        assertThat(afterTheClaim).isEqualTo(new ReconciliationReport(1, 0, 1));
        assertThat(gateway.fetchCount()).isEqualTo(2);
    }

    @Test
    void given_claims_this_instance_holds_when_it_lets_go_then_another_instance_reconciles_those_orders_at_once() {
        storedWithCheckout(anOrder(), STILL_OPEN);
        storedWithCheckout(anOrder(), STILL_OPEN);
        gateway.failFetches(PaymentProviderException.Kind.UNAVAILABLE);
        service.reconcileBatch();
        ReconcileOrdersService another = serviceWithBatchesOf(10);
        ReconciliationReport whileClaimed = another.reconcileBatch();

        int released = service.releaseClaims();

        assertThat(whileClaimed.examined()).isZero();
        assertThat(released).isEqualTo(2);
        assertThat(another.reconcileBatch().examined()).isEqualTo(2);
        assertThat(service.releaseClaims()).isZero();
    }

    @Test
    void once_stopped_a_run_ends_after_the_order_it_is_on_and_later_runs_claim_nothing() {
        AtomicReference<ReconcileOrdersService> reconciling = new AtomicReference<>();
        FakePaymentGateway stoppingAtTheFirstQuestion = new FakePaymentGateway() {
            @Override
            public CheckoutStatus fetchCheckout(SessionId sessionId) {
                reconciling.get().stop();
                return super.fetchCheckout(sessionId);
            }
        };
        for (int i = 0; i < 3; i++) {
            orders.add(withCheckoutOpened(stoppingAtTheFirstQuestion, anOrder(), STILL_OPEN), NOT_HELD);
        }
        reconciling.set(new ReconcileOrdersService(orders, stoppingAtTheFirstQuestion, clock,
                new Policy(SETTLE_AFTER, CLAIM_FOR, 10), new PaymentVerifier(orders, stoppingAtTheFirstQuestion,
                clock, new EventRecorder(orders, new PlainEventPayloads(), clock))));

        ReconciliationReport run = reconciling.get().reconcileDue();
        ReconciliationReport afterTheStop = reconciling.get().reconcileDue();
        int released = reconciling.get().releaseClaims();

        assertThat(run.examined()).isEqualTo(1);
        assertThat(afterTheStop.examined()).isZero();
        assertThat(stoppingAtTheFirstQuestion.fetchCount()).isEqualTo(1);
        assertThat(released).isEqualTo(3);
        assertThat(serviceWithBatchesOf(10).reconcileBatch().examined()).isEqualTo(3);
    }

    @Test
    void the_report_counts_the_orders_examined_and_changed() {
        gateway.paymentFor(storedWithCheckout(anOrder(), STILL_OPEN), AUTHORIZED);
        storedWithCheckout(anOrder(), LAPSED);
        storedWithCheckout(anOrder(), STILL_OPEN);
        // a checkout the fake provider never opened: it expires (see the test below)
        orders.add(TestOrders.anOrderWithCheckout().build(), NOT_HELD);

        ReconciliationReport report = service.reconcileBatch();

        assertThat(report).isEqualTo(new ReconciliationReport(4, 3, 0));
    }

    @Test
    void given_more_unsettled_orders_than_a_batch_then_one_run_examines_a_batch_and_the_next_run_the_rest() {
        ReconcileOrdersService inPairs = serviceWithBatchesOf(2);
        for (int i = 0; i < 3; i++) {
            storedWithCheckout(anOrder(), STILL_OPEN);
        }

        ReconciliationReport first = inPairs.reconcileBatch();
        int fetchesInTheFirstRun = gateway.fetchCount();
        ReconciliationReport second = inPairs.reconcileBatch();
        ReconciliationReport third = inPairs.reconcileBatch();

        assertThat(first.examined()).isEqualTo(2);
        assertThat(fetchesInTheFirstRun).isEqualTo(2);
        assertThat(second.examined()).isEqualTo(1);
        assertThat(third.examined()).isZero();
    }

    @Test
    void given_more_unsettled_orders_than_a_batch_when_the_due_orders_are_reconciled_then_one_run_drains_them_all() {
        ReconcileOrdersService inPairs = serviceWithBatchesOf(2);
        for (int i = 0; i < 5; i++) {
            gateway.paymentFor(storedWithCheckout(anOrder(), STILL_OPEN), AUTHORIZED);
        }

        ReconciliationReport run = inPairs.reconcileDue();

        assertThat(run).isEqualTo(new ReconciliationReport(5, 5, 0));
        assertThat(inPairs.reconcileBatch().examined()).isZero();
    }

    @Test
    void given_a_capture_accepted_for_later_then_reconciliation_completes_it_once_the_provider_shows_it_done() {
        Order order = storedWithCheckout(anOrder(), STILL_OPEN);
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        new ConfirmPaymentService(orders, gateway, clock, new PaymentVerifier(orders, gateway, clock,
                new EventRecorder(orders, new PlainEventPayloads(), clock))).confirmPayment(
                new ConfirmPaymentCommand(order.id(), Map.of("payment_id", List.of(paymentId.value()))));
        gateway.acceptOperationsForLater();
        new PaymentOperationsService(orders, gateway, clock,
                new PaymentVerifier(orders, gateway, clock, new EventRecorder(orders, new PlainEventPayloads(), clock)),
                new KeyedRequests(new InMemoryIdempotentRequests(clock), clock,
                        new KeyedRequests.Policy(Duration.ofDays(1), Duration.ofMinutes(1))),
                new PlainIdempotentAnswers()).capture(new CaptureCommand(order.id(), Optional.empty(),
                        TestActors.CLIENT));

        ReconciliationReport beforeItIsDone = service.reconcileBatch();
        gateway.carryOutAcceptedOperations();
        clock.set(NOW.plus(CLAIM_FOR).plusSeconds(1));
        ReconciliationReport afterItIsDone = service.reconcileBatch();

        assertThat(beforeItIsDone).isEqualTo(new ReconciliationReport(1, 0, 0));
        assertThat(afterItIsDone).isEqualTo(new ReconciliationReport(1, 1, 0));
        Order stored = stored(order);
        assertThat(stored.status()).isEqualTo(CAPTURED);
        assertThat(stored.payment()).isEqualTo(new OrderPayment(Optional.of(paymentId), nok(299_00), nok(0)));
        assertThat(stored.pendingOperation()).isEmpty();
        assertThat(orders.history(order.id())).last().isEqualTo(new StatusChange(order.id(), AUTHORIZED, CAPTURED,
                Provenance.of(ChangeSource.RECONCILIATION, paymentId.value(), clock.instant())));
    }

    @Test
    void given_an_operation_the_provider_never_shows_then_it_stays_pending_until_the_settling_time_and_is_then_let_go() {
        Order order = storedWithCaptureUnderWay(AUTHORIZED);

        clock.set(NOW.plus(SETTLE_AFTER).minusSeconds(1));
        service.reconcileBatch();
        Order whileYoung = stored(order);
        // past the settling time, and past the first run's claim
        clock.set(NOW.plus(SETTLE_AFTER).plus(CLAIM_FOR));
        ReconciliationReport report = service.reconcileBatch();

        assertThat(whileYoung.pendingOperation()).isPresent();
        assertThat(report).isEqualTo(new ReconciliationReport(1, 0, 0));
        Order stored = stored(order);
        assertThat(stored.pendingOperation()).isEmpty();
        assertThat(stored.status()).isEqualTo(AUTHORIZED);
        assertThat(stored.payment().captured()).isEqualTo(nok(0));
        assertThat(orders.history(order.id())).isEmpty();
        // Let go: a new capture may start.
        assertThat(stored.startCapture(Optional.empty(), clock.instant())).isEqualTo(order.amount());
    }

    @Test
    void given_an_operation_under_way_when_the_provider_cannot_be_asked_then_it_is_counted_failed_and_stays_pending() {
        Order order = storedWithCaptureUnderWay(AUTHORIZED);
        gateway.failFetches(PaymentProviderException.Kind.UNAVAILABLE);
        clock.set(NOW.plus(SETTLE_AFTER).plusSeconds(1));

        ReconciliationReport report = service.reconcileBatch();

        assertThat(report).isEqualTo(new ReconciliationReport(1, 0, 1));
        assertThat(stored(order).pendingOperation()).isPresent();
    }

    @Test
    void given_an_operation_on_a_payment_the_provider_no_longer_knows_then_it_is_let_go_once_stale() {
        Order order = storedWithCaptureUnderWay(AUTHORIZED);
        gateway.forgetPayments();

        clock.set(NOW.plus(SETTLE_AFTER).minusSeconds(1));
        ReconciliationReport whileYoung = service.reconcileBatch();
        Order stillUnderWay = stored(order);
        clock.set(NOW.plus(SETTLE_AFTER).plus(CLAIM_FOR));
        ReconciliationReport onceStale = service.reconcileBatch();

        assertThat(whileYoung).isEqualTo(new ReconciliationReport(1, 0, 0));
        assertThat(stillUnderWay.pendingOperation()).isPresent();
        assertThat(onceStale).isEqualTo(new ReconciliationReport(1, 0, 0));
        Order stored = stored(order);
        assertThat(stored.pendingOperation()).isEmpty();
        assertThat(stored.status()).isEqualTo(AUTHORIZED);
        assertThat(orders.findByOrder(order.id())).extracting(event -> event.type().wireName())
                .containsExactly("operation.failed");
    }

    /**
     * An authorized order, its payment linked, with a capture of all of it under way since {@link #NOW}; the
     * provider's payment stands at {@code providerShows}.
     */
    private Order storedWithCaptureUnderWay(OrderStatus providerShows) {
        TestOrders builder = anOrder().withStatus(AUTHORIZED);
        Order opened = withCheckoutOpened(gateway, builder, STILL_OPEN);
        PaymentId paymentId = gateway.paymentFor(opened, providerShows);
        Order order = builder.withPayment(paymentId.value(), 0, 0)
                .withPendingOperation(new PendingOperation(PendingOperation.Type.CAPTURE, nok(299_00), nok(0), NOW))
                .build();
        orders.add(order, NOT_HELD);
        return order;
    }

    private ReconcileOrdersService serviceWithBatchesOf(int batchSize) {
        return new ReconcileOrdersService(orders, gateway, clock, new Policy(SETTLE_AFTER, CLAIM_FOR, batchSize),
                new PaymentVerifier(orders, gateway, clock, new EventRecorder(orders, new PlainEventPayloads(),
                        clock)));
    }

    private Order storedWithCheckout(TestOrders order, Instant checkoutExpiresAt) {
        Order stored = withCheckoutOpened(gateway, order, checkoutExpiresAt);
        orders.add(stored, NOT_HELD);
        return stored;
    }

    private void assertUnchanged(Order order) {
        Order stored = stored(order);
        assertThat(stored.status()).isEqualTo(order.status());
        assertThat(stored.version()).isEqualTo(order.version());
        assertThat(orders.history(order.id())).isEmpty();
    }

    private Order stored(Order order) {
        return orders.findById(order.id()).orElseThrow();
    }

    private static SessionId sessionOf(Order order) {
        return order.session().orElseThrow().id();
    }

    @Test
    void the_report_counts_the_orders_whose_status_changed() {
        gateway.paymentFor(storedWithCheckout(anOrder(), STILL_OPEN), AUTHORIZED);
        storedWithCheckout(anOrder(), LAPSED);
        orders.add(anOrder().build(), NOT_HELD);
        storedWithCheckout(anOrder(), STILL_OPEN);

        ReconciliationReport report = service.reconcileBatch();

        // paid, lapsed and never opened change; the open checkout does not
        assertThat(report).isEqualTo(new ReconciliationReport(4, 3, 0));
    }

    @Test
    void given_a_checkout_the_provider_no_longer_knows_then_the_order_expires_instead_of_being_asked_about_forever() {
        Order forgotten = anOrder().withSession(TestOrders.sessionFor("forgotten-by-the-provider")).build();
        orders.add(forgotten, NOT_HELD);

        ReconciliationReport report = service.reconcileBatch();

        assertThat(orders.findById(forgotten.id()).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(report.failed()).isZero();
    }
}
