package dev.orderpay.adapter.dintero;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.orderpay.adapter.dintero.DinteroSandbox.SESSION_PATH;
import static dev.orderpay.adapter.dintero.DinteroSandbox.TOKEN_PATH;
import static dev.orderpay.adapter.dintero.DinteroSandbox.checkoutFor;
import static dev.orderpay.adapter.dintero.DinteroSandbox.dinteroError;
import static dev.orderpay.adapter.dintero.DinteroSandbox.sessionAnswer;
import static dev.orderpay.adapter.dintero.DinteroSandbox.sessionRequest;
import static dev.orderpay.adapter.dintero.DinteroSandbox.tokenAnswer;
import static dev.orderpay.adapter.dintero.DinteroSandbox.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DinteroAccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-08T12:00:00Z");
    private static final String FIRST_TOKEN = "eyJ.first-token.sig";
    private static final String SECOND_TOKEN = "eyJ.second-token.sig";

    @RegisterExtension
    static final DinteroSandbox dintero = DinteroSandbox.forTheGateway();

    @Test
    void given_a_fresh_token_when_opening_five_checkouts_then_dintero_is_asked_for_one_token() {
        dintero.givenToken(FIRST_TOKEN, 14_400);
        dintero.givenSessionCreated("T11223344.session");
        DinteroPaymentGateway gateway = dintero.newGateway();

        for (int i = 0; i < 5; i++) {
            gateway.openCheckout(checkoutFor(OrderId.newId()));
        }

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        dintero.wireMock().verify(5, postRequestedFor(urlEqualTo(SESSION_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
    }

    @Test
    void given_a_token_before_half_its_lifetime_when_opening_a_checkout_then_it_is_reused() {
        TestClock clock = TestClock.standingAt(NOW);
        givenTwoTokensInTurn(14_400);
        dintero.givenSessionCreated("T11223344.session");
        DinteroPaymentGateway gateway = dintero.newGateway(clock);

        gateway.openCheckout(checkoutFor(OrderId.newId()));
        clock.advance(Duration.ofSeconds(7_199));
        gateway.openCheckout(checkoutFor(OrderId.newId()));

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        dintero.wireMock().verify(2, postRequestedFor(urlEqualTo(SESSION_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
    }

    @Test
    void given_a_token_past_half_its_lifetime_when_opening_a_checkout_then_a_new_token_is_fetched_and_used() {
        TestClock clock = TestClock.standingAt(NOW);
        givenTwoTokensInTurn(14_400);
        dintero.givenSessionCreated("T11223344.session");
        DinteroPaymentGateway gateway = dintero.newGateway(clock);

        gateway.openCheckout(checkoutFor(OrderId.newId()));
        clock.advance(Duration.ofSeconds(7_200));
        gateway.openCheckout(checkoutFor(OrderId.newId()));

        dintero.wireMock().verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(SESSION_PATH))
                .withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
    }

    @Test
    void given_a_slow_token_endpoint_when_eight_checkouts_start_together_then_they_share_one_token_request() throws Exception {
        dintero.wireMock().stubFor(tokenRequest().willReturn(tokenAnswer(FIRST_TOKEN, 14_400).withFixedDelay(300)));
        dintero.givenSessionCreated("T11223344.session");
        DinteroPaymentGateway gateway = dintero.newGateway();
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<PaymentSession>> sessions = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<PaymentSession> open = () -> {
                    start.await();
                    return gateway.openCheckout(checkoutFor(OrderId.newId()));
                };
                sessions.add(pool.submit(open));
            }
            start.countDown();
            for (Future<PaymentSession> session : sessions) {
                assertThat(session.get().id()).isEqualTo(new SessionId("T11223344.session"));
            }
        } finally {
            pool.shutdownNow();
        }

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        dintero.wireMock().verify(callers, postRequestedFor(urlEqualTo(SESSION_PATH)));
    }

    @Test
    void given_dintero_refuses_the_cached_token_when_opening_a_checkout_then_one_new_token_is_fetched_and_the_call_retried_once() {
        givenTwoTokensInTurn(14_400);
        dintero.wireMock().stubFor(sessionRequest().withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(dinteroError(401, "invalid_token", "Invalid JWT")));
        dintero.wireMock().stubFor(sessionRequest().withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(sessionAnswer("T11223344.after-retry")));
        DinteroPaymentGateway gateway = dintero.newGateway();

        PaymentSession session = gateway.openCheckout(checkoutFor(OrderId.newId()));

        assertThat(session.id()).isEqualTo(new SessionId("T11223344.after-retry"));
        dintero.wireMock().verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        dintero.wireMock().verify(2, postRequestedFor(urlEqualTo(SESSION_PATH)));
    }

    @Test
    void given_dintero_refuses_every_token_when_opening_a_checkout_then_it_is_rejected_after_one_retry() {
        givenTwoTokensInTurn(14_400);
        dintero.wireMock().stubFor(sessionRequest().willReturn(dinteroError(401, "invalid_token", "Invalid JWT")));
        DinteroPaymentGateway gateway = dintero.newGateway();

        assertThatThrownBy(() -> gateway.openCheckout(checkoutFor(OrderId.newId())))
                .isInstanceOfSatisfying(PaymentProviderException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(failure.getMessage()).contains("HTTP 401", "invalid_token Invalid JWT");
                });
        dintero.wireMock().verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        dintero.wireMock().verify(2, postRequestedFor(urlEqualTo(SESSION_PATH)));
    }

    @Test
    void given_dintero_refuses_the_credentials_when_opening_a_checkout_then_it_is_rejected_with_dinteros_reason() {
        dintero.wireMock().stubFor(tokenRequest().willReturn(dinteroError(401, "unauthorized", "Invalid client credentials")));
        DinteroPaymentGateway gateway = dintero.newGateway();

        assertThatThrownBy(() -> gateway.openCheckout(checkoutFor(OrderId.newId())))
                .isInstanceOfSatisfying(PaymentProviderException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(failure.getMessage()).isEqualTo(
                            "requesting a Dintero access token: Dintero answered HTTP 401: unauthorized Invalid client credentials");
                });
        dintero.wireMock().verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void given_no_credentials_are_configured_when_opening_a_checkout_then_it_is_rejected_naming_the_settings_and_nothing_is_sent() {
        try (DinteroSandbox unconfigured = DinteroSandbox.forTheGateway().withProperty("dintero.client-secret", "").start()) {
            DinteroPaymentGateway gateway = unconfigured.newGateway();

            assertThatThrownBy(() -> gateway.openCheckout(checkoutFor(OrderId.newId())))
                    .isInstanceOfSatisfying(PaymentProviderException.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
                        assertThat(failure.getMessage()).contains("dintero.client-secret");
                    });
            unconfigured.wireMock().verify(0, anyRequestedFor(anyUrl()));
        }
    }

    /** The token endpoint hands out the first token, then the second one for every later request. */
    private static void givenTwoTokensInTurn(long expiresInSeconds) {
        dintero.wireMock().stubFor(tokenRequest().inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(tokenAnswer(FIRST_TOKEN, expiresInSeconds)).willSetStateTo("second"));
        dintero.wireMock().stubFor(tokenRequest().inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(tokenAnswer(SECOND_TOKEN, expiresInSeconds)));
    }
}
