package dev.orderpay.adapter.dintero;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.SessionId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.orderpay.adapter.dintero.DinteroSandbox.ACCESS_TOKEN;
import static dev.orderpay.adapter.dintero.DinteroSandbox.SESSION_PATH;
import static dev.orderpay.adapter.dintero.DinteroSandbox.TOKEN_PATH;
import static dev.orderpay.adapter.dintero.DinteroSandbox.checkoutFor;
import static dev.orderpay.adapter.dintero.DinteroSandbox.dinteroError;
import static dev.orderpay.adapter.dintero.DinteroSandbox.sessionAnswer;
import static dev.orderpay.adapter.dintero.DinteroSandbox.tokenAnswer;
import static dev.orderpay.adapter.dintero.DinteroSandbox.sessionRequest;
import static dev.orderpay.adapter.dintero.DinteroSandbox.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Which calls are tried again, and how often, under the default {@code dintero.retry.*} settings: two retries
 * after the first call. Reads and token requests are retried when Dintero could not answer; creating a session
 * never is, and no refusal (4xx) is.
 */
class DinteroRetriesTest {

    private static final String TRANSACTION_PATH = "/v1/transactions/T11223344.tx1";
    private static final String TRANSACTION = """
            {"id": "T11223344.tx1", "session_id": "T11223344.ses1", "merchant_reference": "ref",
             "amount": 29900, "currency": "NOK", "status": "AUTHORIZED"}""";

    @RegisterExtension
    static final DinteroSandbox dintero = DinteroSandbox.forTheGateway();
    private DinteroPaymentGateway gateway;

    @BeforeEach
    void freshGateway() {
        gateway = dintero.newGateway();
    }

    @Test
    void given_dintero_fails_once_with_503_when_fetching_a_transaction_then_the_retry_returns_it() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        givenInTurn(() -> get(urlEqualTo(TRANSACTION_PATH)), aResponse().withStatus(503), okJson(TRANSACTION));

        assertThat(gateway.fetchPayment(new PaymentId("T11223344.tx1")).status()).isEqualTo(OrderStatus.AUTHORIZED);

        dintero.wireMock().verify(2, getRequestedFor(urlEqualTo(TRANSACTION_PATH)));
    }

    @Test
    void given_dintero_fails_once_with_500_when_fetching_a_session_then_the_retry_returns_it() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        givenInTurn(() -> get(urlEqualTo("/v1/sessions/T11223344.ses1")),
                dinteroError(500, "SERVER_ERROR", "try again"),
                okJson("{\"id\": \"T11223344.ses1\", \"transaction_id\": \"T11223344.tx1\"}"));

        assertThat(gateway.fetchCheckout(new SessionId("T11223344.ses1")).paymentId()).contains(new PaymentId("T11223344.tx1"));

        dintero.wireMock().verify(2, getRequestedFor(urlEqualTo("/v1/sessions/T11223344.ses1")));
    }

    @Test
    void given_dintero_keeps_failing_with_500_when_fetching_a_transaction_then_it_is_unavailable_after_two_retries() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenTransactionAnswer("T11223344.tx1", dinteroError(500, "SERVER_ERROR", "Something went wrong"));

        assertThat(failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.tx1"))).kind()).isEqualTo(Kind.UNAVAILABLE);

        dintero.wireMock().verify(3, getRequestedFor(urlEqualTo(TRANSACTION_PATH)));
    }

    @Test
    void given_dintero_fails_with_500_when_creating_a_session_then_it_is_asked_exactly_once_and_unavailable() {
        // The session may exist although Dintero failed: a retry could leave a second one behind.
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        givenInTurn(DinteroSandbox::sessionRequest, dinteroError(500, "SERVER_ERROR", "Something went wrong"),
                sessionAnswer("T11223344.second"));

        assertThat(failureOf(() -> gateway.openCheckout(checkoutFor(OrderId.newId()))).kind())
                .isEqualTo(Kind.UNAVAILABLE);

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(SESSION_PATH)));
    }

    @Test
    void given_dintero_resets_the_connection_when_creating_a_session_then_it_is_asked_exactly_once_and_unavailable() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.wireMock().stubFor(sessionRequest().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(failureOf(() -> gateway.openCheckout(checkoutFor(OrderId.newId()))).kind())
                .isEqualTo(Kind.UNAVAILABLE);

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(SESSION_PATH)));
    }

    @Test
    void given_dintero_answers_later_than_the_read_timeout_when_fetching_a_transaction_then_it_is_retried_and_then_a_timeout() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenTransactionAnswer("T11223344.tx1",
                okJson(TRANSACTION).withFixedDelay(DinteroSandbox.READ_TIMEOUT_MILLIS + 500));

        assertThat(failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.tx1"))).kind()).isEqualTo(Kind.TIMEOUT);

        dintero.wireMock().verify(3, getRequestedFor(urlEqualTo(TRANSACTION_PATH)));
    }

    @Test
    void given_dintero_resets_the_connection_when_fetching_a_transaction_then_it_is_retried_and_then_unavailable() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenTransactionAnswer("T11223344.tx1", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.tx1"))).kind()).isEqualTo(Kind.UNAVAILABLE);

        dintero.wireMock().verify(3, getRequestedFor(urlEqualTo(TRANSACTION_PATH)));
    }

    @Test
    void given_dintero_answers_malformed_json_when_fetching_a_transaction_then_it_is_unavailable_without_a_retry() {
        // The same answer would come again.
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenTransactionAnswer("T11223344.tx1", okJson("{\"id\": \"T11223344.tx1\", \"amount\": "));

        assertThat(failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.tx1"))).kind()).isEqualTo(Kind.UNAVAILABLE);

        dintero.wireMock().verify(1, getRequestedFor(urlEqualTo(TRANSACTION_PATH)));
    }

    @Test
    void given_dintero_refuses_a_read_with_400_or_404_when_fetching_then_it_is_not_retried() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenTransactionAnswer("T11223344.bad", dinteroError(400, "BAD_REQUEST", "bad id"));
        dintero.givenTransactionAnswer("T11223344.none", dinteroError(404, "NOT_FOUND", "no such transaction"));

        assertThat(failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.bad"))).kind()).isEqualTo(Kind.REJECTED);
        assertThat(failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.none"))).kind()).isEqualTo(Kind.NOT_FOUND);

        dintero.wireMock().verify(1, getRequestedFor(urlEqualTo("/v1/transactions/T11223344.bad")));
        dintero.wireMock().verify(1, getRequestedFor(urlEqualTo("/v1/transactions/T11223344.none")));
    }

    @Test
    void given_the_token_endpoint_fails_once_with_502_when_fetching_a_transaction_then_the_token_is_asked_for_again() {
        givenInTurn(DinteroSandbox::tokenRequest, aResponse().withStatus(502), tokenAnswer(ACCESS_TOKEN, 14_400));
        dintero.givenTransaction("T11223344.tx1", TRANSACTION);

        assertThat(gateway.fetchPayment(new PaymentId("T11223344.tx1")).paymentId()).isEqualTo(new PaymentId("T11223344.tx1"));

        dintero.wireMock().verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void given_the_token_endpoint_asks_to_retry_after_one_second_when_fetching_a_transaction_then_the_token_is_asked_for_again_no_sooner() {
        givenInTurn(DinteroSandbox::tokenRequest, tooManyRequests("1"), tokenAnswer(ACCESS_TOKEN, 14_400));
        dintero.givenTransaction("T11223344.tx1", TRANSACTION);

        assertThat(gateway.fetchPayment(new PaymentId("T11223344.tx1")).paymentId()).isEqualTo(new PaymentId("T11223344.tx1"));

        List<LoggedRequest> tokenRequests = dintero.wireMock().findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(tokenRequests).hasSize(2);
        long waitedMillis = tokenRequests.get(1).getLoggedDate().getTime() - tokenRequests.get(0).getLoggedDate().getTime();
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void given_the_token_endpoint_asks_for_a_longer_wait_than_allowed_when_fetching_then_it_is_unavailable_at_once() {
        // The sandbox allows at most 2 s (dintero.retry.max-retry-after).
        dintero.wireMock().stubFor(tokenRequest().willReturn(tooManyRequests("3")));

        PaymentProviderException failure = failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.tx1")));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("429");
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void given_the_token_endpoint_answers_429_without_saying_how_long_to_wait_when_fetching_then_it_is_unavailable_at_once() {
        dintero.wireMock().stubFor(tokenRequest().willReturn(aResponse().withStatus(429)));

        assertThat(failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.tx1"))).kind()).isEqualTo(Kind.UNAVAILABLE);

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void given_the_token_endpoint_answers_429_twice_when_fetching_then_it_is_unavailable_after_one_wait() {
        dintero.wireMock().stubFor(tokenRequest().willReturn(tooManyRequests("0")));

        assertThat(failureOf(() -> gateway.fetchPayment(new PaymentId("T11223344.tx1"))).kind()).isEqualTo(Kind.UNAVAILABLE);

        dintero.wireMock().verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void given_retries_are_switched_off_when_a_read_fails_with_503_then_dintero_is_asked_once() {
        // Shows that dintero.retry.* reaches the retry advice.
        try (DinteroSandbox noRetries = DinteroSandbox.forTheGateway().withProperty("dintero.retry.attempts", "0").start()) {
            noRetries.givenToken(ACCESS_TOKEN, 14_400);
            noRetries.givenTransactionAnswer("T11223344.tx1", aResponse().withStatus(503));

            assertThat(failureOf(() -> noRetries.newGateway().fetchPayment(new PaymentId("T11223344.tx1"))).kind())
                    .isEqualTo(Kind.UNAVAILABLE);

            noRetries.wireMock().verify(1, getRequestedFor(urlEqualTo(TRANSACTION_PATH)));
        }
    }

    /** The stub answers with each answer once, in order, and with the last one from then on. */
    private static void givenInTurn(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = "answer " + (i + 1);
            ScenarioMappingBuilder stub = request.get().inScenario("in turn").whenScenarioStateIs(state).willReturn(answers[i]);
            dintero.wireMock().stubFor(i < answers.length - 1 ? stub.willSetStateTo(next) : stub);
            state = next;
        }
    }

    private static ResponseDefinitionBuilder tooManyRequests(String retryAfterSeconds) {
        return dinteroError(429, "TOO_MANY_REQUESTS", "slow down").withHeader("Retry-After", retryAfterSeconds);
    }

    private static PaymentProviderException failureOf(ThrowingCallable call) {
        PaymentProviderException failure = catchThrowableOfType(PaymentProviderException.class, call);
        assertThat(failure).as("a PaymentProviderException").isNotNull();
        return failure;
    }
}
