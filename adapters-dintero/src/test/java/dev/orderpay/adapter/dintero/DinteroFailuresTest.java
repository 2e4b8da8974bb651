package dev.orderpay.adapter.dintero;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.PaymentId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.orderpay.adapter.dintero.DinteroSandbox.ACCESS_TOKEN;
import static dev.orderpay.adapter.dintero.DinteroSandbox.BASIC_CREDENTIALS;
import static dev.orderpay.adapter.dintero.DinteroSandbox.CLIENT_SECRET;
import static dev.orderpay.adapter.dintero.DinteroSandbox.checkoutFor;
import static dev.orderpay.adapter.dintero.DinteroSandbox.dinteroError;
import static dev.orderpay.adapter.dintero.DinteroSandbox.sessionRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How each way Dintero can fail reaches the caller, and that no failure carries a credential. */
class DinteroFailuresTest {

    @RegisterExtension
    static final DinteroSandbox dintero = DinteroSandbox.forTheGateway().grantingTokens();
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private DinteroPaymentGateway gateway;

    @BeforeAll
    static void captureLogs() {
        logs.start();
        rootLogger().addAppender(logs);
    }

    @AfterAll
    static void releaseLogs() {
        rootLogger().detachAppender(logs);
    }

    @BeforeEach
    void freshGateway() {
        gateway = dintero.newGateway();
    }

    @AfterEach
    void noCredentialWasLogged() {
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(CLIENT_SECRET, ACCESS_TOKEN, BASIC_CREDENTIALS);
        }
        logs.list.clear();
    }

    @Test
    void given_dintero_refuses_the_session_with_400_when_opening_a_checkout_then_it_is_rejected_with_dinteros_reason() {
        dintero.wireMock().stubFor(sessionRequest().willReturn(
                dinteroError(400, "BAD_REQUEST", "order.amount must be a positive integer")));

        PaymentProviderException failure = failureOf(() -> gateway.openCheckout(checkoutFor(OrderId.newId())));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.getMessage()).endsWith(
                "Dintero answered HTTP 400: BAD_REQUEST order.amount must be a positive integer");
    }

    @Test
    void given_dintero_refuses_a_session_quoting_personal_values_when_opening_a_checkout_then_the_failure_has_none() {
        dintero.wireMock().stubFor(sessionRequest().willReturn(dinteroError(400, "INVALID_REQUEST",
                "customer.email KARI@example.com (Kari) and order.shipping_address.postal_place Oslo are refused")));

        PaymentProviderException failure = failureOf(
                () -> gateway.openCheckout(checkoutFor(OrderId.newId(), DinteroSandbox.everyField())));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.getMessage()).endsWith("Dintero answered HTTP 400: INVALID_REQUEST customer.email "
                + "[redacted] ([redacted]) and order.shipping_address.postal_place [redacted] are refused");
        assertThat(messagesOf(failure)).noneMatch(message -> message.toLowerCase(Locale.ROOT).contains("kari")
                || message.contains("Oslo") || message.contains("example.com"));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("Kari") || message.contains("Oslo"));
    }

    @Test
    void given_dintero_knows_no_such_transaction_when_fetching_it_then_it_is_not_found_with_dinteros_reason() {
        dintero.givenTransactionAnswer("T11223344.unknown", dinteroError(404, "NOT_FOUND", "Transaction not found"));

        PaymentProviderException failure = failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.unknown")));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.getMessage()).isEqualTo("fetching Dintero transaction T11223344.unknown: "
                + "Dintero answered HTTP 404: NOT_FOUND Transaction not found");
    }

    @Test
    void given_dintero_fails_with_500_when_fetching_a_transaction_then_it_is_unavailable_with_dinteros_reason() {
        dintero.givenTransactionAnswer("T11223344.tx", dinteroError(500, "SERVER_ERROR", "Something went wrong"));

        PaymentProviderException failure = failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.tx")));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).endsWith("Dintero answered HTTP 500: SERVER_ERROR Something went wrong");
    }

    @Test
    void given_dintero_answers_503_without_a_body_when_fetching_a_transaction_then_it_is_unavailable() {
        dintero.givenTransactionAnswer("T11223344.tx", aResponse().withStatus(503));

        PaymentProviderException failure = failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.tx")));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).endsWith("Dintero answered HTTP 503");
    }

    @Test
    void given_dintero_resets_the_connection_when_opening_a_checkout_then_it_is_unavailable() {
        dintero.wireMock().stubFor(sessionRequest().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        PaymentProviderException failure = failureOf(() -> gateway.openCheckout(checkoutFor(OrderId.newId())));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void given_dintero_answers_malformed_json_when_fetching_a_transaction_then_it_is_unavailable() {
        dintero.givenTransactionAnswer("T11223344.tx", okJson("{\"id\": \"T11223344.tx\", \"amount\": "));

        PaymentProviderException failure = failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.tx")));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).endsWith("Dintero's answer (HTTP 200) could not be read");
    }

    @Test
    void given_dintero_answers_a_session_without_a_url_when_opening_a_checkout_then_it_is_unavailable() {
        dintero.wireMock().stubFor(sessionRequest().willReturn(okJson("{\"id\": \"T11223344.session\"}")));

        PaymentProviderException failure = failureOf(() -> gateway.openCheckout(checkoutFor(OrderId.newId())));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void given_nothing_listens_at_dinteros_address_when_opening_a_checkout_then_it_is_unavailable() throws IOException {
        String closedAddress = "http://127.0.0.1:" + freePort();
        try (DinteroSandbox unreachable = DinteroSandbox.forTheGateway()
                .withProperty("micronaut.http.services.dintero-api.url", closedAddress)
                .withProperty("micronaut.http.services.dintero-checkout.url", closedAddress).start()) {
            DinteroPaymentGateway unreachableGateway = unreachable.newGateway();

            PaymentProviderException failure = failureOf(
                    () -> unreachableGateway.openCheckout(checkoutFor(OrderId.newId())));

            assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        }
    }

    /** Catches the failure and checks that neither it nor any of its causes mentions a credential. */
    private static PaymentProviderException failureOf(ThrowingCallable call) {
        PaymentProviderException failure = catchThrowableOfType(PaymentProviderException.class, call);
        assertThat(failure).as("a PaymentProviderException").isNotNull();
        for (String message : messagesOf(failure)) {
            assertThat(message).doesNotContain(CLIENT_SECRET, ACCESS_TOKEN, BASIC_CREDENTIALS, "Bearer", "Basic");
        }
        return failure;
    }

    private static List<String> messagesOf(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
            messages.add(cause.toString());
        }
        return messages;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
