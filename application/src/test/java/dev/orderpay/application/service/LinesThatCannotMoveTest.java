package dev.orderpay.application.service;

import dev.orderpay.application.port.in.confirmation.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.in.confirmation.NotificationCommand;
import dev.orderpay.application.port.in.confirmation.NotificationOutcome;
import dev.orderpay.application.port.in.operation.CaptureCommand;
import dev.orderpay.application.port.in.operation.OperationItem;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Accepted;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Completed;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryDeliveryLog;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PlainIdempotentAnswers;
import dev.orderpay.application.port.out.event.PlainEventPayloads;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.audit.TestActors;
import dev.orderpay.domain.contents.LineItem;
import dev.orderpay.domain.contents.LineLedger;
import dev.orderpay.domain.contents.LineShare;
import dev.orderpay.domain.contents.TestContents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.orderpay.application.port.in.idempotency.IdempotentResults.executed;
import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static dev.orderpay.application.service.CheckoutsAtTheFake.withCheckoutOpened;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's notification of a capture by line, for an order whose lines cannot take it: a copy read torn
 * between its row and its lines (a capture still pending over lines that already moved), or stored lines that
 * disagree with the operation. The order: 3 units of "a" for 100.00 NOK and 1 of "b" for 50.00 NOK; line a is
 * captured, then the rest (line b) is accepted by the provider for later and carried out.
 */
class LinesThatCannotMoveTest {

    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00Z");
    private static final LineItem LINE_B = TestContents.twoLinesOf15000().lines().items().get(1);

    private final TestClock clock = TestClock.standingAt(NOW);
    // The next read of an order gives this copy instead, once.
    private final AtomicReference<Order> nextRead = new AtomicReference<>();
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository() {
        @Override
        public Optional<Order> findById(OrderId id) {
            Order given = nextRead.getAndSet(null);
            return given != null ? Optional.of(given) : super.findById(id);
        }
    };
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final PaymentVerifier verifier = new PaymentVerifier(orders, gateway, clock,
            new EventRecorder(orders, new PlainEventPayloads(), clock));
    private final PaymentOperationsService operations = new PaymentOperationsService(orders, gateway, clock,
            verifier, new KeyedRequests(new InMemoryIdempotentRequests(clock), clock,
            new KeyedRequests.Policy(Duration.ofHours(24), Duration.ofMinutes(2))), new PlainIdempotentAnswers());
    private final HandleNotificationService notifications = new HandleNotificationService(orders, gateway,
            new InMemoryDeliveryLog(), verifier);
    private final Order order = withCheckoutOpened(gateway, anOrder().withContents(TestContents.twoLinesOf15000()),
            NOW.plus(Duration.ofHours(1)));
    private final Logger verifierLog = Logger.getLogger(PaymentVerifier.class.getName());
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler warningsKept = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel() == Level.WARNING) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LinesThatCannotMoveTest() {
        orders.add(order, NOT_HELD);
        verifierLog.addHandler(warningsKept);
    }

    @AfterEach
    void stopKeepingWarnings() {
        verifierLog.removeHandler(warningsKept);
    }

    @Test
    void given_a_copy_torn_between_row_and_lines_when_the_capture_is_notified_then_it_is_handled_and_lines_move_once() {
        PaymentId paymentId = paidWithLineACapturedAndTheRestAccepted();
        Order pending = stored();
        gateway.carryOutAcceptedOperations();
        // Reconciliation, say, sees the capture done first: the row and line b move together.
        verifier.follow(stored(), gateway.fetchPayment(paymentId), ChangeSource.RECONCILIATION, paymentId.value());
        Order settled = stored();
        nextRead.set(Order.rehydrate(pending.id(), pending.amount(), pending.receipt(), null, pending.contents(),
                pending.createdAt(), pending.status(), pending.session().orElseThrow(), pending.payment(),
                settled.lineLedgers(), pending.pendingOperation().orElseThrow(), pending.lastEventSequence(),
                pending.version()));

        NotificationOutcome outcome = notify(paymentId);

        assertThat(outcome).isEqualTo(NotificationOutcome.HANDLED);
        Order after = stored();
        assertThat(after.version()).isEqualTo(settled.version());
        assertThat(after.payment().captured()).isEqualTo(nok(150_00));
        assertThat(after.lineLedgers().get(1).captured()).isEqualTo(LineShare.of(LINE_B));
        // The torn copy lost its race, so nothing it decided was stored, nor warned of.
        assertThat(warnings).isEmpty();
    }

    @Test
    void given_stored_lines_already_showing_the_pending_capture_when_notified_then_the_money_follows_with_a_warning() {
        PaymentId paymentId = paidWithLineACapturedAndTheRestAccepted();
        Order pending = stored();
        List<LineLedger> bAlreadyCaptured = List.of(pending.lineLedgers().get(0),
                new LineLedger(LINE_B, LineShare.of(LINE_B), LineShare.none(nok(0).currency())));
        orders.update(Order.rehydrate(pending.id(), pending.amount(), pending.receipt(), null, pending.contents(),
                pending.createdAt(), pending.status(), pending.session().orElseThrow(), pending.payment(),
                bAlreadyCaptured, pending.pendingOperation().orElseThrow(), pending.lastEventSequence(),
                pending.version()), List.of());
        gateway.carryOutAcceptedOperations();

        NotificationOutcome outcome = notify(paymentId);

        assertThat(outcome).isEqualTo(NotificationOutcome.HANDLED);
        Order after = stored();
        assertThat(after.status()).isEqualTo(OrderStatus.CAPTURED);
        assertThat(after.payment().captured()).isEqualTo(nok(150_00));
        assertThat(after.pendingOperation()).isEmpty();
        assertThat(after.lineLedgers()).isEqualTo(bAlreadyCaptured);
        assertThat(warnings).singleElement().satisfies(warning -> assertThat(warning.getMessage())
                .contains(order.id().toString(), "capture of 50.00 NOK", "lines could not take it"));
    }

    /** Authorized; all of line a captured; the rest (line b) accepted by the provider, not yet carried out. */
    private PaymentId paidWithLineACapturedAndTheRestAccepted() {
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        new ConfirmPaymentService(orders, gateway, clock, verifier).confirmPayment(
                new ConfirmPaymentCommand(order.id(), Map.of("payment_id", List.of(paymentId.value()))));
        assertThat(executed(operations.capture(new CaptureCommand(order.id(), Optional.empty(),
                List.of(new OperationItem("a", Optional.of(new BigDecimal("3")), Optional.empty())),
                TestActors.CLIENT, Optional.empty())))).isInstanceOf(Completed.class);
        gateway.acceptOperationsForLater();
        assertThat(executed(operations.capture(new CaptureCommand(order.id(), Optional.empty(), TestActors.CLIENT))))
                .isInstanceOf(Accepted.class);
        assertThat(stored().pendingOperation().orElseThrow().lines()).extracting(line -> line.lineId())
                .containsExactly("b");
        return paymentId;
    }

    private NotificationOutcome notify(PaymentId paymentId) {
        return notifications.handleNotification(new NotificationCommand(order.id(), new InboundNotification("POST",
                "shop.example.test", "/orders/" + order.id() + "/notifications", "",
                Map.of("payment_id", List.of(paymentId.value())),
                Map.of(FakePaymentGateway.SIGNATURE_HEADER, List.of(FakePaymentGateway.VALID_SIGNATURE),
                        FakePaymentGateway.DELIVERY_HEADER, List.of("d-1")))));
    }

    private Order stored() {
        return orders.findById(order.id()).orElseThrow();
    }
}
