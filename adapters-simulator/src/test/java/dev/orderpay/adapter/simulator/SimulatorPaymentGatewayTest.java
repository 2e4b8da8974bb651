package dev.orderpay.adapter.simulator;

import dev.orderpay.adapter.simulator.SimulatedProvider.BuyerChoice;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.application.port.out.OperationOutcome;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.contents.LineMovement;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.TestContents;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The merchant's side of the simulator: checkouts opened and read, and captures, refunds, voids and cancellations
 * refused exactly where a real provider refuses them. The buyer's payment is made through the simulated provider
 * directly; {@link SimulatorCheckoutTest} makes it through the page.
 */
@MicronautTest(startApplication = false)
@Property(name = "payments.provider", value = "simulator")
@Property(name = "orderpay.public-url", value = "https://shop.example.test/")
class SimulatorPaymentGatewayTest {

    @Inject
    PaymentGateway gateway;

    @Inject
    SimulatedProvider provider;

    @Test
    void given_a_checkout_request_when_opened_then_the_session_links_to_the_simulators_page_under_the_public_url() {
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1));

        PaymentSession session = gateway.openCheckout(request(OrderId.newId(), nok(100_00), expiresAt));

        assertThat(session.id().value()).matches("sim-sess-[0-9a-f-]{36}");
        assertThat(session.link()).isEqualTo(URI.create("https://shop.example.test/simulator/checkout/" + session.id()));
        assertThat(gateway.fetchCheckout(session.id()))
                .isEqualTo(new CheckoutStatus(Optional.empty(), Optional.empty(), Optional.of(expiresAt)));
    }

    @Test
    void given_a_checkout_opened_with_contents_when_the_buyer_pays_then_the_simulator_keeps_its_lines() {
        OrderContents contents = TestContents.contentsOf29900();
        PaymentSession session = gateway.openCheckout(
                request(OrderId.newId(), nok(299_00), Instant.now().plus(Duration.ofHours(1)), contents));

        PaymentId paymentId = provider.complete(session.id(), BuyerChoice.PAY).orElseThrow().paymentId().orElseThrow();

        assertThat(provider.checkout(session.id())).hasValueSatisfying(checkout -> {
            assertThat(checkout.lines()).isEqualTo(contents.lines());
            assertThat(checkout.paymentId()).contains(paymentId);
        });
        assertThat(gateway.fetchPayment(paymentId).sessionId()).contains(session.id());
    }

    @Test
    void given_an_authorized_payment_when_captured_in_two_parts_then_partially_captured_then_captured() {
        PaymentId paymentId = authorized(nok(100_00));

        OperationOutcome first = gateway.capture(paymentId, nok(30_00), List.of(), "op-1");
        OperationOutcome rest = gateway.capture(paymentId, nok(70_00), List.of(), "op-2");

        assertThat(payment(first).status()).isEqualTo(OrderStatus.PARTIALLY_CAPTURED);
        assertThat(payment(first).capturedMinorUnits()).isEqualTo(30_00);
        assertThat(payment(rest).status()).isEqualTo(OrderStatus.CAPTURED);
        assertThat(payment(rest).capturedMinorUnits()).isEqualTo(100_00);
        assertThat(gateway.fetchPayment(paymentId)).isEqualTo(payment(rest));
    }

    @Test
    void given_a_partly_captured_payment_when_more_than_the_rest_is_captured_then_rejected_and_nothing_changes() {
        PaymentId paymentId = authorized(nok(100_00));
        ProviderPayment partly = payment(gateway.capture(paymentId, nok(60_00), List.of(), "op-1"));

        assertRejected(() -> gateway.capture(paymentId, nok(40_01), List.of(), "op-2"));
        assertRejected(() -> gateway.capture(paymentId, Money.of(10_00, "SEK"), List.of(), "op-3"));
        assertThat(gateway.fetchPayment(paymentId)).isEqualTo(partly);
    }

    @Test
    void given_a_captured_payment_when_refunded_in_two_parts_then_partially_refunded_then_refunded() {
        PaymentId paymentId = authorized(nok(100_00));
        gateway.capture(paymentId, nok(100_00), List.of(), "op-1");

        OperationOutcome first = gateway.refund(paymentId, nok(25_00), List.of(), Optional.of("damaged"), "op-2");
        OperationOutcome rest = gateway.refund(paymentId, nok(75_00), List.of(), Optional.empty(), "op-3");

        assertThat(payment(first).status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(payment(first).refundedMinorUnits()).isEqualTo(25_00);
        assertThat(payment(rest).status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(payment(rest).refundedMinorUnits()).isEqualTo(100_00);
        assertThat(payment(rest).capturedMinorUnits()).isEqualTo(100_00);
    }

    @Test
    void given_a_partly_captured_payment_when_more_than_was_captured_is_refunded_then_rejected() {
        PaymentId paymentId = authorized(nok(100_00));
        ProviderPayment captured = payment(gateway.capture(paymentId, nok(40_00), List.of(), "op-1"));

        assertRejected(() -> gateway.refund(paymentId, nok(40_01), List.of(), Optional.empty(), "op-2"));
        assertThat(gateway.fetchPayment(paymentId)).isEqualTo(captured);
    }

    @Test
    void given_an_authorized_payment_when_refunded_before_any_capture_then_rejected() {
        PaymentId paymentId = authorized(nok(100_00));

        assertRejected(() -> gateway.refund(paymentId, nok(1_00), List.of(), Optional.empty(), "op-1"));
    }

    @Test
    void given_an_authorized_payment_when_voided_then_cancelled_and_it_can_no_longer_be_captured() {
        PaymentId paymentId = authorized(nok(100_00));

        OperationOutcome voided = gateway.voidAuthorization(paymentId);

        assertThat(payment(voided).status()).isEqualTo(OrderStatus.CANCELLED);
        assertRejected(() -> gateway.capture(paymentId, nok(1_00), List.of(), "op-1"));
    }

    @Test
    void given_a_payment_with_a_capture_when_voided_then_rejected() {
        PaymentId paymentId = authorized(nok(100_00));
        gateway.capture(paymentId, nok(1_00), List.of(), "op-1");

        assertRejected(() -> gateway.voidAuthorization(paymentId));
    }

    @Test
    void given_an_unknown_payment_when_read_or_operated_on_then_not_found() {
        assertKind(Kind.NOT_FOUND, () -> gateway.fetchPayment(new PaymentId("sim-pay-unknown")));
        assertKind(Kind.NOT_FOUND, () -> gateway.capture(new PaymentId("sim-pay-unknown"), nok(1_00), List.of(),
                "op-1"));
        assertKind(Kind.NOT_FOUND, () -> gateway.refund(new PaymentId("sim-pay-unknown"), nok(1_00), List.of(),
                Optional.empty(), "op-2"));
        assertKind(Kind.NOT_FOUND, () -> gateway.voidAuthorization(new PaymentId("sim-pay-unknown")));
    }

    @Test
    void given_an_open_checkout_when_cancelled_twice_then_it_ended_cancelled_and_the_buyer_can_no_longer_pay() {
        PaymentSession session = openFor(nok(100_00));

        gateway.cancelCheckout(session.id());
        gateway.cancelCheckout(session.id());

        assertThat(gateway.fetchCheckout(session.id()).endedWithoutPayment()).contains(CheckoutEnding.CANCELLED);
        assertThat(provider.complete(session.id(), BuyerChoice.PAY)).isEmpty();
        assertThat(gateway.fetchCheckout(session.id()).paymentId()).isEmpty();
    }

    @Test
    void given_a_paid_checkout_when_cancelled_then_rejected_and_the_payment_stands() {
        PaymentSession session = openFor(nok(100_00));
        PaymentId paymentId = provider.complete(session.id(), BuyerChoice.PAY).orElseThrow().paymentId()
                .orElseThrow();

        assertRejected(() -> gateway.cancelCheckout(session.id()));
        assertThat(gateway.fetchCheckout(session.id()).endedWithoutPayment()).isEmpty();
        assertThat(gateway.fetchPayment(paymentId).status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void given_an_unknown_checkout_when_read_or_cancelled_then_not_found() {
        assertKind(Kind.NOT_FOUND, () -> gateway.fetchCheckout(new SessionId("sim-sess-unknown")));
        assertKind(Kind.NOT_FOUND, () -> gateway.cancelCheckout(new SessionId("sim-sess-unknown")));
    }

    @Test
    void given_lines_captured_when_more_of_a_line_is_refunded_than_was_captured_of_it_then_rejected() {
        PaymentId paymentId = authorized(nok(100_00));
        ProviderPayment captured = payment(gateway.capture(paymentId, nok(100_00),
                List.of(line("a", 60_00), line("b", 40_00)), "op-1"));

        assertRejected(() -> gateway.refund(paymentId, nok(40_01), List.of(line("b", 40_01)), Optional.empty(),
                "op-2"));
        assertThat(gateway.fetchPayment(paymentId)).isEqualTo(captured);
        OperationOutcome refunded = gateway.refund(paymentId, nok(40_00), List.of(line("b", 40_00)),
                Optional.empty(), "op-3");
        assertThat(payment(refunded).refundedMinorUnits()).isEqualTo(40_00);
        assertRejected(() -> gateway.refund(paymentId, nok(1_00), List.of(line("b", 1_00)), Optional.empty(),
                "op-4"));
    }

    @Test
    void given_an_authorized_payment_when_captured_with_lines_that_do_not_add_up_then_rejected() {
        PaymentId paymentId = authorized(nok(100_00));

        assertRejected(() -> gateway.capture(paymentId, nok(100_00), List.of(line("a", 99_99)), "op-1"));
        assertThat(gateway.fetchPayment(paymentId).capturedMinorUnits()).isZero();
    }

    private static LineMovement line(String lineId, long amountMinor) {
        return new LineMovement(lineId, BigDecimal.ONE, nok(amountMinor), nok(0));
    }

    private PaymentId authorized(Money amount) {
        return provider.complete(openFor(amount).id(), BuyerChoice.PAY).orElseThrow().paymentId().orElseThrow();
    }

    private PaymentSession openFor(Money amount) {
        return gateway.openCheckout(request(OrderId.newId(), amount, Instant.now().plus(Duration.ofHours(1))));
    }

    private static CheckoutRequest request(OrderId orderId, Money amount, Instant expiresAt) {
        return request(orderId, amount, expiresAt, OrderContents.NONE);
    }

    private static CheckoutRequest request(OrderId orderId, Money amount, Instant expiresAt, OrderContents contents) {
        return new CheckoutRequest(orderId, amount, URI.create("https://shop.example.test/orders/" + orderId + "/redirect"),
                URI.create("https://shop.example.test/orders/" + orderId + "/callback"), expiresAt, contents);
    }

    private static Money nok(long minorUnits) {
        return Money.of(minorUnits, "NOK");
    }

    private static ProviderPayment payment(OperationOutcome outcome) {
        assertThat(outcome).isInstanceOf(OperationOutcome.Completed.class);
        return ((OperationOutcome.Completed) outcome).payment();
    }

    private static void assertRejected(ThrowingCallable operation) {
        assertKind(Kind.REJECTED, operation);
    }

    private static void assertKind(Kind kind, ThrowingCallable operation) {
        PaymentProviderException refused = catchThrowableOfType(PaymentProviderException.class, operation);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.kind()).isEqualTo(kind);
    }
}
