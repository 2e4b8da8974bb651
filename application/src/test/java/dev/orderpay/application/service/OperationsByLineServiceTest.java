package dev.orderpay.application.service;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.idempotency.Fingerprint;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.operation.CaptureCommand;
import dev.orderpay.application.port.in.operation.OperationItem;
import dev.orderpay.application.port.in.operation.PaymentOperationResult;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Accepted;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Completed;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.OutcomeUnknown;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Reason;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Refused;
import dev.orderpay.application.port.in.operation.RefundCommand;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PlainIdempotentAnswers;
import dev.orderpay.application.port.out.event.PlainEventPayloads;
import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.audit.TestActors;
import dev.orderpay.domain.contents.LineLedger;
import dev.orderpay.domain.contents.LineShare;
import dev.orderpay.domain.contents.LineShortfall;
import dev.orderpay.domain.contents.TestContents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.orderpay.application.port.in.idempotency.IdempotentResults.executed;
import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static dev.orderpay.application.service.CheckoutsAtTheFake.withCheckoutOpened;
import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Captures and refunds by line with the in-memory order store and the fake provider: the provider gets the lines,
 * and the order's lines move only once the provider shows the operation done. The order: 3 units of "a" for 100.00
 * NOK and 1 of "b" for 50.00 NOK.
 */
class OperationsByLineServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00Z");
    private static final IdempotencyKey KEY = new IdempotencyKey("client-1", "key-1");

    private final TestClock clock = TestClock.standingAt(NOW);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final PaymentVerifier verifier = new PaymentVerifier(orders, gateway, clock,
            new EventRecorder(orders, new PlainEventPayloads(), clock));
    private final PaymentOperationsService service = new PaymentOperationsService(orders, gateway, clock, verifier,
            new KeyedRequests(new InMemoryIdempotentRequests(clock), clock,
                    new KeyedRequests.Policy(Duration.ofHours(24), Duration.ofMinutes(2))),
            new PlainIdempotentAnswers());
    private final Order order = withCheckoutOpened(gateway, anOrder().withContents(TestContents.twoLinesOf15000()),
            NOW.plus(Duration.ofHours(1)));

    OperationsByLineServiceTest() {
        orders.add(order, NOT_HELD);
    }

    @Test
    void given_an_authorized_order_when_a_unit_is_captured_then_the_provider_gets_the_line_and_the_line_moves() {
        PaymentId paymentId = paid();

        PaymentOperationResult result = executed(service.capture(captureOf(unitsOf("a", "1"))));

        assertThat(result).isInstanceOf(Completed.class);
        assertThat(gateway.operations()).containsExactly("capture " + paymentId + " 33.33 NOK a:1:3333");
        assertThat(stored().lineLedgers()).extracting(LineLedger::captured).containsExactly(
                new LineShare(BigDecimal.ONE, nok(33_33), nok(6_66)), LineShare.none(nok(0).currency()));
    }

    @Test
    void given_a_capture_by_line_accepted_for_later_when_the_provider_shows_it_done_then_the_line_moves_only_then() {
        PaymentId paymentId = paid();
        gateway.acceptOperationsForLater();

        PaymentOperationResult result = executed(service.capture(captureOf(unitsOf("b", "1"))));

        assertThat(result).isInstanceOf(Accepted.class);
        Order accepted = stored();
        assertThat(accepted.lineLedgers()).allSatisfy(line -> assertThat(line.captured().isNothing()).isTrue());
        assertThat(accepted.pendingOperation().orElseThrow().lines()).hasSize(1);
        gateway.carryOutAcceptedOperations();
        Order confirmed = verifier.follow(accepted, gateway.fetchPayment(paymentId), ChangeSource.CALLBACK,
                paymentId.value());
        assertThat(confirmed.pendingOperation()).isEmpty();
        assertThat(stored().lineLedgers().get(1).captured()).isEqualTo(LineShare.of(
                TestContents.twoLinesOf15000().lines().items().get(1)));
    }

    @Test
    void given_a_capture_by_line_the_provider_refuses_when_carried_out_then_no_line_moves() {
        paid();
        gateway.failOperations(PaymentProviderException.Kind.REJECTED);

        PaymentOperationResult result = executed(service.capture(captureOf(unitsOf("a", "3"))));

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.PROVIDER_REFUSED));
        assertThat(stored().lineLedgers()).allSatisfy(line -> assertThat(line.captured().isNothing()).isTrue());
        assertThat(stored().pendingOperation()).isEmpty();
    }

    @Test
    void given_more_of_a_line_than_is_left_when_refunded_then_it_is_refused_naming_the_line_without_the_provider() {
        paid();
        executed(service.capture(captureOf(unitsOf("a", "1"))));
        int operationsBefore = gateway.operations().size();

        PaymentOperationResult result = executed(service.refund(new RefundCommand(order.id(), Optional.empty(),
                List.of(unitsOf("a", "2")), Optional.empty(), TestActors.CLIENT, Optional.empty())));

        assertThat(result).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Reason.NOT_ALLOWED);
            assertThat(refused.shortfall()).contains(new LineShortfall("a", "refund", "2", "1"));
        });
        assertThat(gateway.operations()).hasSize(operationsBefore);
    }

    @Test
    void given_a_keyed_capture_by_line_whose_answer_was_lost_when_repeated_then_it_settles_and_the_line_moves() {
        PaymentId paymentId = paid();
        gateway.loseOperationAnswers(PaymentProviderException.Kind.TIMEOUT);
        gateway.failFetches(PaymentProviderException.Kind.TIMEOUT);
        CaptureCommand keyed = captureOf(unitsOf("a", "2")).withIdempotencyKey(KEY);
        PaymentOperationResult first = executed(service.capture(keyed));
        gateway.answerFetchesAgain();

        PaymentOperationResult settled = executed(service.capture(keyed));

        assertThat(first).isInstanceOf(OutcomeUnknown.class);
        assertThat(settled).isInstanceOf(Completed.class);
        assertThat(gateway.operations()).containsExactly("capture " + paymentId + " 66.66 NOK a:2:6666");
        assertThat(stored().lineLedgers().get(0).captured())
                .isEqualTo(new LineShare(new BigDecimal("2"), nok(66_66), nok(13_33)));
    }

    @Test
    void given_items_when_a_command_is_made_then_each_bad_one_is_named_by_its_path_and_items_change_the_fingerprint() {
        assertThatThrownBy(() -> new CaptureCommand(order.id(), Optional.empty(), List.of(
                new OperationItem("a", Optional.of(BigDecimal.ZERO), Optional.empty()),
                new OperationItem(null, Optional.empty(), Optional.of(-1L))), TestActors.CLIENT, Optional.empty()))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid -> assertThat(invalid.fieldErrors())
                        .containsOnlyKeys("items[0].quantity", "items[1].line_id", "items[1].amount"));
        CaptureCommand byAmount = new CaptureCommand(order.id(), Optional.empty(), TestActors.CLIENT);

        assertThat(captureOf(unitsOf("a", "1")).fingerprint()).isNotEqualTo(byAmount.fingerprint())
                .isNotEqualTo(captureOf(unitsOf("a", "2")).fingerprint())
                .isEqualTo(captureOf(unitsOf("a", "1.000")).fingerprint());
        assertThat(byAmount.fingerprint()).isEqualTo(Fingerprint.of("amount all"));
    }

    private PaymentId paid() {
        PaymentId paymentId = gateway.paymentFor(order, AUTHORIZED);
        new ConfirmPaymentService(orders, gateway, clock, verifier).confirmPayment(
                new ConfirmPaymentCommand(order.id(), Map.of("payment_id", List.of(paymentId.value()))));
        assertThat(stored().status()).isEqualTo(OrderStatus.AUTHORIZED);
        return paymentId;
    }

    private CaptureCommand captureOf(OperationItem... items) {
        return new CaptureCommand(order.id(), Optional.empty(), List.of(items), TestActors.CLIENT, Optional.empty());
    }

    private static OperationItem unitsOf(String lineId, String quantity) {
        return new OperationItem(lineId, Optional.of(new BigDecimal(quantity)), Optional.empty());
    }

    private Order stored() {
        return orders.findById(order.id()).orElseThrow();
    }
}
