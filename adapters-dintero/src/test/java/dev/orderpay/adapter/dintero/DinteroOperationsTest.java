package dev.orderpay.adapter.dintero;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.orderpay.application.port.out.OperationOutcome;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.contents.LineMovement;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.orderpay.adapter.dintero.DinteroSandbox.ACCESS_TOKEN;
import static dev.orderpay.adapter.dintero.DinteroSandbox.dinteroError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Capture, refund, void and checkout cancellation against WireMock playing Dintero: the exact requests, how each
 * answer is read, and that none of them is ever sent twice on its own (Dintero has no idempotency key).
 */
class DinteroOperationsTest {

    private static final PaymentId TRANSACTION_ID = new PaymentId("T11223344.tx1");
    private static final String TRANSACTION_PATH = "/v1/transactions/" + TRANSACTION_ID;
    private static final SessionId SESSION_ID = new SessionId("T11223344.ses1");
    private static final String CANCEL_PATH = "/v1/sessions/" + SESSION_ID + "/cancel";
    private static final String REFERENCE = "6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10-3";

    @RegisterExtension
    static final DinteroSandbox dintero = DinteroSandbox.forTheGateway().grantingTokens();
    private DinteroPaymentGateway gateway;

    /** One operation as the service asks for it (giving back its outcome), and the path Dintero receives it on. */
    private record Operation(String name, String path, Function<PaymentGateway, Object> call) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Operation CAPTURE = new Operation("capture", TRANSACTION_PATH + "/capture",
            gateway -> gateway.capture(TRANSACTION_ID, Money.of(100_00, "NOK"), List.of(), REFERENCE));
    private static final Operation REFUND = new Operation("refund", TRANSACTION_PATH + "/refund",
            gateway -> gateway.refund(TRANSACTION_ID, Money.of(40_00, "NOK"), List.of(), Optional.empty(), REFERENCE));
    private static final Operation VOID = new Operation("void", TRANSACTION_PATH + "/void",
            gateway -> gateway.voidAuthorization(TRANSACTION_ID));
    private static final Operation CANCEL = new Operation("cancel checkout", CANCEL_PATH,
            gateway -> {
                gateway.cancelCheckout(SESSION_ID);
                return "cancelled";
            });

    @BeforeEach
    void freshGateway() {
        gateway = dintero.newGateway();
    }

    @Test
    void given_an_authorized_payment_when_capturing_part_then_dintero_receives_exactly_the_amount_and_reference_and_the_capture_is_completed() {
        givenAnswer(CAPTURE, okJson(transaction("PARTIALLY_CAPTURED", """
                {"event": "AUTHORIZE", "success": true, "amount": 29900, "transaction_status": "AUTHORIZED"},
                {"event": "CAPTURE", "success": true, "amount": 10000, "transaction_status": "PARTIALLY_CAPTURED",
                 "event_reference": "%s"}""".formatted(REFERENCE))));

        OperationOutcome outcome = gateway.capture(TRANSACTION_ID, Money.of(100_00, "NOK"), List.of(), REFERENCE);

        assertThat(outcome).isEqualTo(new OperationOutcome.Completed(new ProviderPayment(TRANSACTION_ID, Optional.of(SESSION_ID),
                "ref", 299_00, "NOK", OrderStatus.PARTIALLY_CAPTURED, 100_00, 0)));
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(CAPTURE.path()))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Dintero-System-Name", equalTo("orderpay"))
                .withRequestBody(equalToJson("""
                        {"amount": 10000, "capture_reference": "%s"}""".formatted(REFERENCE))));
    }

    @Test
    void given_a_capture_by_line_when_capturing_then_dintero_receives_exactly_the_items_with_the_amount() {
        givenAnswer(CAPTURE, okJson(transaction("PARTIALLY_CAPTURED", """
                {"event": "AUTHORIZE", "success": true, "amount": 29900, "transaction_status": "AUTHORIZED"},
                {"event": "CAPTURE", "success": true, "amount": 10000}""")));

        gateway.capture(TRANSACTION_ID, Money.of(100_00, "NOK"), List.of(
                new LineMovement("1", new BigDecimal("1.5"), Money.of(75_00, "NOK"), Money.of(15_00, "NOK")),
                new LineMovement("2", BigDecimal.ZERO, Money.of(25_00, "NOK"), Money.of(5_00, "NOK"))), REFERENCE);

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(CAPTURE.path()))
                .withRequestBody(equalToJson("""
                        {"amount": 10000, "capture_reference": "%s", "items": [
                         {"line_id": "1", "quantity": 1.5, "amount": 7500, "vat_amount": 1500},
                         {"line_id": "2", "amount": 2500, "vat_amount": 500}]}""".formatted(REFERENCE))));
    }

    @Test
    void given_a_refund_by_line_when_refunding_then_dintero_receives_exactly_the_items_with_amount_and_reason() {
        givenAnswer(REFUND, okJson(transaction("PARTIALLY_REFUNDED", """
                {"event": "CAPTURE", "success": true, "amount": 29900},
                {"event": "REFUND", "success": true, "amount": 4000}""")));

        gateway.refund(TRANSACTION_ID, Money.of(40_00, "NOK"), List.of(
                new LineMovement("2", new BigDecimal("2"), Money.of(40_00, "NOK"), Money.of(8_00, "NOK"))),
                Optional.of("Returned one item"), REFERENCE);

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(REFUND.path()))
                .withRequestBody(equalToJson("""
                        {"amount": 4000, "reason": "Returned one item", "refund_reference": "%s", "items": [
                         {"line_id": "2", "quantity": 2, "amount": 4000, "vat_amount": 800}]}"""
                        .formatted(REFERENCE))));
    }

    @Test
    void given_a_captured_payment_when_refunding_with_a_reason_then_dintero_receives_exactly_amount_reason_and_reference() {
        givenAnswer(REFUND, okJson(transaction("PARTIALLY_REFUNDED", """
                {"event": "CAPTURE", "success": true, "amount": 29900},
                {"event": "REFUND", "success": true, "amount": 4000}""")));

        OperationOutcome outcome = gateway.refund(TRANSACTION_ID, Money.of(40_00, "NOK"), List.of(),
                Optional.of("Returned one item"), REFERENCE);

        assertThat(outcome).isEqualTo(new OperationOutcome.Completed(new ProviderPayment(TRANSACTION_ID, Optional.of(SESSION_ID),
                "ref", 299_00, "NOK", OrderStatus.PARTIALLY_REFUNDED, 299_00, 40_00)));
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(REFUND.path()))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"amount": 4000, "reason": "Returned one item", "refund_reference": "%s"}"""
                        .formatted(REFERENCE))));
    }

    @Test
    void given_no_reason_when_refunding_then_the_body_has_no_reason_at_all() {
        givenAnswer(REFUND, okJson(transaction("REFUNDED", "")));

        REFUND.call().apply(gateway);

        // equalToJson is strict: a "reason": null would not match.
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(REFUND.path())).withRequestBody(equalToJson("""
                {"amount": 4000, "refund_reference": "%s"}""".formatted(REFERENCE))));
    }

    @Test
    void given_an_authorized_payment_when_voiding_then_dintero_receives_a_bodyless_void_and_the_payment_reads_cancelled() {
        givenAnswer(VOID, okJson(transaction("AUTHORIZATION_VOIDED", """
                {"event": "AUTHORIZE", "success": true, "amount": 29900},
                {"event": "VOID", "success": true, "amount": 29900}""")));

        OperationOutcome outcome = gateway.voidAuthorization(TRANSACTION_ID);

        assertThat(outcome).isEqualTo(new OperationOutcome.Completed(new ProviderPayment(TRANSACTION_ID, Optional.of(SESSION_ID),
                "ref", 299_00, "NOK", OrderStatus.CANCELLED, 0, 0)));
        assertSentWithoutBody(VOID);
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(VOID.path()))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Dintero-System-Name", equalTo("orderpay")));
    }

    @Test
    void given_an_unpaid_checkout_when_cancelling_it_then_dintero_receives_a_bodyless_cancel_of_that_session() {
        givenAnswer(CANCEL, okJson("""
                {"id": "%s", "cancelled_at": "2026-03-08T12:10:00Z", "cancelled_by": "client-id-123",
                 "url": {"return_url": "https://shop.example.test/return"}}""".formatted(SESSION_ID)));

        gateway.cancelCheckout(SESSION_ID);

        assertSentWithoutBody(CANCEL);
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(CANCEL_PATH))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Dintero-System-Name", equalTo("orderpay")));
    }

    @Test
    void given_dintero_answers_a_refund_with_the_whole_history_when_read_then_amounts_come_from_the_successful_events() {
        // Two part captures, a failed capture, two part refunds and a failed refund.
        givenAnswer(REFUND, okJson(transaction("PARTIALLY_CAPTURED_REFUNDED", """
                {"event": "AUTHORIZE", "success": true, "amount": 29900},
                {"event": "CAPTURE", "success": true, "amount": 10000},
                {"event": "CAPTURE", "success": false, "amount": 19900,
                 "error": {"code": "DECLINED", "message": "declined by acquirer"}},
                {"event": "CAPTURE", "success": true, "amount": 5000},
                {"event": "REFUND", "success": true, "amount": 2500},
                {"event": "REFUND", "success": false, "amount": 9999},
                {"event": "REFUND", "success": true, "amount": 4000}""")));

        OperationOutcome outcome = gateway.refund(TRANSACTION_ID, Money.of(40_00, "NOK"), List.of(), Optional.empty(),
                REFERENCE);

        assertThat(outcome).isInstanceOfSatisfying(OperationOutcome.Completed.class, completed ->
                assertThat(completed.payment().state()).satisfies(state -> {
                    assertThat(state.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
                    assertThat(state.captured()).isEqualTo(Money.of(150_00, "NOK"));
                    assertThat(state.refunded()).isEqualTo(Money.of(65_00, "NOK"));
                }));
    }

    @ParameterizedTest(name = "given Dintero will carry out a {0} later when asked then it is accepted")
    @MethodSource("paymentOperations")
    void given_dintero_will_carry_out_the_operation_later_when_asked_then_it_is_accepted(Operation operation) {
        // The 202 may carry the transaction, but the operation is not done yet: that is no result to follow.
        givenAnswer(operation, aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withHeader("event-request-id", "05c91a5b-9c3d-4214-a7e1-e472dbe22eb9")
                .withBody(transaction("AUTHORIZED", "")));

        Object outcome = operation.call().apply(gateway);

        assertThat(outcome).isEqualTo(new OperationOutcome.Accepted());
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(operation.path())));
    }

    @ParameterizedTest(name = "given Dintero refuses a {0} with 400 when asked then it is rejected with Dintero's message")
    @MethodSource("allOperations")
    void given_dintero_refuses_the_operation_with_400_when_asked_then_it_is_rejected_with_dinteros_message(
            Operation operation) {
        givenAnswer(operation, dinteroError(400, "BAD_REQUEST", "amount exceeds the remaining authorized amount"));

        PaymentProviderException failure = failureOf(() -> operation.call().apply(gateway));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.getMessage()).endsWith(
                "Dintero answered HTTP 400: BAD_REQUEST amount exceeds the remaining authorized amount");
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(operation.path())));
    }

    @ParameterizedTest(name = "given Dintero knows no such payment when asked for a {0} then it is not found")
    @MethodSource("allOperations")
    void given_dintero_knows_no_such_payment_when_asked_then_it_is_not_found(Operation operation) {
        givenAnswer(operation, dinteroError(404, "NOT_FOUND", "not found"));

        assertThat(failureOf(() -> operation.call().apply(gateway)).kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @ParameterizedTest(name = "given Dintero fails a {0} with 503 when asked then it is sent exactly once")
    @MethodSource("allOperations")
    void given_dintero_fails_with_a_server_error_when_asked_then_it_is_sent_exactly_once_and_unavailable(
            Operation operation) {
        // The reads are retried on exactly this answer (DinteroRetriesTest): a retry here could capture twice.
        givenAnswer(operation, dinteroError(503, "PROCESSOR_UNAVAILABLE", "try again later"));

        assertThat(failureOf(() -> operation.call().apply(gateway)).kind()).isEqualTo(Kind.UNAVAILABLE);

        assertSentOnce(operation);
    }

    @ParameterizedTest(name = "given Dintero drops the connection during a {0} when asked then it is sent exactly once")
    @MethodSource("allOperations")
    void given_dintero_resets_the_connection_when_asked_then_it_is_sent_exactly_once_and_unavailable(
            Operation operation) {
        givenAnswer(operation, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(failureOf(() -> operation.call().apply(gateway)).kind()).isEqualTo(Kind.UNAVAILABLE);

        assertSentOnce(operation);
    }

    @ParameterizedTest(name = "given Dintero answers a {0} too late when asked then it is sent exactly once")
    @MethodSource("allOperations")
    void given_dintero_answers_later_than_the_read_timeout_when_asked_then_it_is_sent_exactly_once_and_a_timeout(
            Operation operation) {
        givenAnswer(operation, okJson(transaction("CAPTURED", ""))
                .withFixedDelay(DinteroSandbox.READ_TIMEOUT_MILLIS + 500));

        assertThat(failureOf(() -> operation.call().apply(gateway)).kind()).isEqualTo(Kind.TIMEOUT);

        assertSentOnce(operation);
    }

    @Test
    void given_dintero_answers_a_capture_with_200_but_no_transaction_when_read_then_it_is_unavailable_not_completed() {
        // The capture may well have happened: the caller must read the payment again, not take it as refused.
        givenAnswer(CAPTURE, aResponse().withStatus(200));

        assertThat(failureOf(() -> CAPTURE.call().apply(gateway)).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void given_an_amount_beyond_dinteros_32_bit_limit_when_capturing_or_refunding_then_it_is_rejected_without_asking() {
        Money tooMuch = Money.of(3_000_000_000L, "NOK");

        assertThat(failureOf(() -> gateway.capture(TRANSACTION_ID, tooMuch, List.of(), REFERENCE)).kind())
                .isEqualTo(Kind.REJECTED);
        assertThat(failureOf(() -> gateway.refund(TRANSACTION_ID, tooMuch, List.of(), Optional.empty(), REFERENCE))
                .kind())
                .isEqualTo(Kind.REJECTED);
        dintero.wireMock().verify(0, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> paymentOperations() {
        return Stream.of(CAPTURE, REFUND, VOID).map(Arguments::of);
    }

    static Stream<Arguments> allOperations() {
        return Stream.of(CAPTURE, REFUND, VOID, CANCEL).map(Arguments::of);
    }

    private static void givenAnswer(Operation operation, ResponseDefinitionBuilder answer) {
        dintero.wireMock().stubFor(post(urlEqualTo(operation.path())).willReturn(answer));
    }

    private static void assertSentWithoutBody(Operation operation) {
        assertThat(dintero.wireMock().findAll(postRequestedFor(urlEqualTo(operation.path()))))
                .singleElement().satisfies(sent -> assertThat(sent.getBody()).isEmpty());
    }

    /** The operation once, and besides it only the token request: no retry and no read of its own either. */
    private static void assertSentOnce(Operation operation) {
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(operation.path())));
        dintero.wireMock().verify(2, anyRequestedFor(anyUrl()));
    }

    /** A Dintero transaction of 299.00 NOK with the given status and events (a comma-separated list of objects). */
    private static String transaction(String status, String events) {
        return """
                {"id": "%s", "session_id": "%s", "merchant_reference": "ref", "amount": 29900, "currency": "NOK",
                 "status": "%s", "payment_product": "vipps", "payment_product_type": "vipps.payment",
                 "created_at": "2026-03-08T12:00:00Z", "events": [%s]}""".formatted(TRANSACTION_ID, SESSION_ID,
                status, events);
    }

    private static PaymentProviderException failureOf(ThrowingCallable call) {
        PaymentProviderException failure = catchThrowableOfType(PaymentProviderException.class, call);
        assertThat(failure).as("a PaymentProviderException").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(ACCESS_TOKEN, "Bearer");
        return failure;
    }
}
