package dev.orderpay.adapter.dintero;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderpay.application.port.out.BuyerReturn;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.contents.OrderContents;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.orderpay.adapter.dintero.DinteroSandbox.ACCESS_TOKEN;
import static dev.orderpay.adapter.dintero.DinteroSandbox.BASIC_CREDENTIALS;
import static dev.orderpay.adapter.dintero.DinteroSandbox.SESSION_PATH;
import static dev.orderpay.adapter.dintero.DinteroSandbox.TOKEN_PATH;
import static dev.orderpay.adapter.dintero.DinteroSandbox.checkoutFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DinteroPaymentGatewayTest {

    @RegisterExtension
    static final DinteroSandbox dintero = DinteroSandbox.forTheGateway();
    private DinteroPaymentGateway gateway;

    @BeforeEach
    void freshGateway() {
        gateway = dintero.newGateway();
    }

    @Test
    void given_credentials_when_opening_a_checkout_then_dintero_receives_exactly_a_token_request_with_basic_credentials() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenSessionCreated("T11223344.session-1");

        gateway.openCheckout(checkoutFor(OrderId.newId()));

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo(BASIC_CREDENTIALS))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"grant_type": "client_credentials",
                         "audience": "https://test.dintero.com/v1/accounts/T11223344"}""")));
    }

    @Test
    void given_an_order_when_opening_a_checkout_then_dintero_receives_exactly_the_session_with_the_bearer_token() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenSessionCreated("T11223344.session-1");
        OrderId orderId = OrderId.parse("6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10");

        gateway.openCheckout(new CheckoutRequest(orderId, Money.of(299_00, "NOK"),
                URI.create("https://shop.example.test/orders/6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10/return"),
                URI.create("https://shop.example.test/orders/6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10/callback"),
                Instant.parse("2026-03-08T16:00:00.750Z"), OrderContents.NONE));

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(SESSION_PATH))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Dintero-System-Name", equalTo("orderpay"))
                .withHeader("Dintero-System-Version", equalTo("unreleased"))
                .withRequestBody(equalToJson("""
                        {"url": {"return_url": "https://shop.example.test/orders/6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10/return",
                                 "callback_url": "https://shop.example.test/orders/6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10/callback?report_error=true&report_event=CAPTURE&report_event=REFUND&report_event=VOID"},
                         "order": {"amount": 29900, "currency": "NOK",
                                   "merchant_reference": "6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10"},
                         "profile_id": "orderpay-test-profile",
                         "expires_at": "2026-03-08T16:00:00Z"}""")));
        dintero.wireMock().verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void given_lines_a_customer_and_addresses_when_opening_a_checkout_then_dintero_receives_them_exactly() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenSessionCreated("T11223344.session-1");
        OrderId orderId = OrderId.parse("6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10");

        gateway.openCheckout(checkoutFor(orderId, DinteroSandbox.everyField()));

        // The customer's names travel in the addresses only; the merchant's metadata stays with orderpay.
        String orderUrl = "https://shop.example.test/orders/6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10";
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(SESSION_PATH)).withRequestBody(equalToJson("""
                {"url": {"return_url": "%1$s/return",
                         "callback_url": "%1$s/callback?report_error=true&report_event=CAPTURE&report_event=REFUND\
                &report_event=VOID"},
                 "customer": {"email": "kari@example.com", "phone_number": "+4799999999"},
                 "order": {"amount": 29900, "currency": "NOK",
                           "merchant_reference": "6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10",
                           "items": [{"id": "SOCK-42", "line_id": "1", "description": "Wool socks", "quantity": 2,
                                      "amount": 19800, "vat": 25, "vat_amount": 3960},
                                     {"id": "2", "line_id": "2", "description": "Brown cheese", "quantity": 0.5,
                                      "amount": 10100, "vat": 15.5, "vat_amount": 1355}],
                           "shipping_address": {"first_name": "Ola", "last_name": "Hansen",
                                                "address_line": "Storgata 1", "address_line_2": "Leilighet H0201",
                                                "postal_code": "0155", "postal_place": "Oslo", "country": "NO",
                                                "phone_number": "+4798888888", "email": "ola@example.com"},
                           "billing_address": {"first_name": "Kari", "last_name": "Nordmann",
                                               "address_line": "Kongens gate 2", "address_line_2": "Postboks 12",
                                               "postal_code": "7011", "postal_place": "Trondheim", "country": "NO",
                                               "phone_number": "+4799999999", "email": "kari@example.com"}},
                 "profile_id": "orderpay-test-profile",
                 "expires_at": "2026-03-08T16:00:00Z"}""".formatted(orderUrl))));
    }

    @Test
    void given_a_notification_url_with_its_own_query_when_opening_a_checkout_then_the_callback_url_keeps_it_and_adds_dinteros_parameters() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenSessionCreated("T11223344.session-1");

        gateway.openCheckout(checkoutNotifying(URI.create("https://shop.example.test:8443/hooks/dintero?shop=n%C3%B8k&x=1")));

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(SESSION_PATH)).withRequestBody(matchingJsonPath(
                "$.url.callback_url", equalTo("https://shop.example.test:8443/hooks/dintero?shop=n%C3%B8k&x=1"
                        + "&report_error=true&report_event=CAPTURE&report_event=REFUND&report_event=VOID"))));
    }

    @Test
    void given_notification_urls_dintero_cannot_call_when_opening_checkouts_then_no_callback_url_is_sent_and_why_is_logged_once() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenSessionCreated("T11223344.session-1");
        ListAppender<ILoggingEvent> logs = listen(DinteroPaymentGateway.class);
        try {
            for (String url : List.of("http://shop.example.test/orders/1/callback", "https://localhost:3000/callback",
                    "https://127.0.0.1/callback")) {
                gateway.openCheckout(checkoutNotifying(URI.create(url)));
            }
        } finally {
            stopListening(DinteroPaymentGateway.class, logs);
        }

        dintero.wireMock().verify(3, postRequestedFor(urlEqualTo(SESSION_PATH))
                .withRequestBody(matchingJsonPath("$.url.return_url"))
                .withRequestBody(notMatching("(?s).*callback_url.*")));
        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).contains("http://shop.example.test/orders/1/callback", "HTTPS");
        });
    }

    @Test
    void given_dintero_creates_a_session_when_opening_a_checkout_then_the_session_id_and_link_are_returned() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.wireMock().stubFor(DinteroSandbox.sessionRequest().willReturn(okJson("""
                {"id": "T11223344.5jKX", "url": "https://checkout.test.dintero.com/v1/view/T11223344.5jKX",
                 "publish": [], "a_field_from_the_future": {"x": 1}}""")));

        PaymentSession session = gateway.openCheckout(checkoutFor(OrderId.newId()));

        assertThat(session).isEqualTo(new PaymentSession(new SessionId("T11223344.5jKX"),
                URI.create("https://checkout.test.dintero.com/v1/view/T11223344.5jKX")));
    }

    @Test
    void given_an_amount_beyond_dinteros_32_bit_limit_when_opening_a_checkout_then_it_is_rejected_without_asking_dintero() {
        CheckoutRequest tooMuch = new CheckoutRequest(OrderId.newId(), Money.of(3_000_000_000L, "NOK"),
                URI.create("https://shop.example.test/return"), URI.create("https://shop.example.test/callback"),
                DinteroSandbox.EXPIRES_AT, OrderContents.NONE);

        assertThatThrownBy(() -> gateway.openCheckout(tooMuch))
                .isInstanceOfSatisfying(PaymentProviderException.class,
                        failure -> assertThat(failure.kind()).isEqualTo(PaymentProviderException.Kind.REJECTED));
        dintero.wireMock().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void given_a_captured_transaction_when_fetching_it_then_its_fields_mapped_status_and_amounts_are_returned() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenTransaction("T11223344.tx1", """
                {"id": "T11223344.tx1", "session_id": "T11223344.session-1",
                 "merchant_reference": "6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10",
                 "amount": 29900, "currency": "NOK", "status": "CAPTURED",
                 "payment_product": "vipps", "payment_product_type": "vipps",
                 "events": [{"event": "AUTHORIZE", "success": true}], "created_at": "2026-03-08T13:24:40Z"}""");

        ProviderPayment payment = gateway.fetchPayment(new PaymentId("T11223344.tx1"));

        assertThat(payment).isEqualTo(new ProviderPayment(new PaymentId("T11223344.tx1"), Optional.of(new SessionId("T11223344.session-1")),
                "6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10", 29900, "NOK", OrderStatus.CAPTURED, 29900, 0));
        dintero.wireMock().verify(1, getRequestedFor(urlEqualTo("/v1/transactions/T11223344.tx1"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Dintero-System-Name", equalTo("orderpay")));
    }

    @Test
    void given_a_transaction_id_with_a_slash_when_fetching_it_then_it_stays_one_path_segment() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenTransaction("a%2F..%2Fsessions", """
                {"id": "a/../sessions", "amount": 1, "currency": "NOK", "status": "FAILED"}""");

        assertThat(gateway.fetchPayment(new PaymentId("a/../sessions")).status()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void given_a_return_with_a_transaction_id_when_reading_it_then_the_id_is_the_payment_and_unknown_parameters_are_ignored() {
        BuyerReturn buyerReturn = gateway.readBuyerReturn(Map.of(
                "merchant_reference", List.of("6f1c2b1e-8a57-4f7e-9a53-3f1f4b7c2d10"),
                "transaction_id", List.of("T11223344.tx1"),
                "utm_source", List.of("newsletter")));

        assertThat(buyerReturn)
                .isEqualTo(new BuyerReturn(Optional.of(new PaymentId("T11223344.tx1")), Optional.empty()));
    }

    @Test
    void given_a_cancelled_return_when_reading_it_then_the_hint_is_cancelled() {
        BuyerReturn buyerReturn = gateway.readBuyerReturn(Map.of(
                "merchant_reference", List.of("ref"), "error", List.of("cancelled")));

        assertThat(buyerReturn).isEqualTo(new BuyerReturn(Optional.empty(), Optional.of(CheckoutEnding.CANCELLED)));
    }

    @Test
    void given_returns_with_other_errors_when_reading_them_then_the_hint_is_failed() {
        for (String error : List.of("authorization", "failed", "capture", "something_new")) {
            assertThat(gateway.readBuyerReturn(Map.of("error", List.of(error))).failureHint())
                    .as(error).contains(CheckoutEnding.FAILED);
        }
    }

    @Test
    void given_a_return_with_both_a_transaction_id_and_an_error_when_reading_it_then_both_are_reported() {
        BuyerReturn buyerReturn = gateway.readBuyerReturn(Map.of(
                "transaction_id", List.of("T11223344.tx2"), "error", List.of("failed")));

        assertThat(buyerReturn).isEqualTo(new BuyerReturn(Optional.of(new PaymentId("T11223344.tx2")),
                Optional.of(CheckoutEnding.FAILED)));
    }

    @Test
    void given_a_return_without_dintero_parameters_when_reading_it_then_it_claims_nothing() {
        assertThat(gateway.readBuyerReturn(Map.of("transaction_id", List.of(""), "other", List.of("x"))))
                .isEqualTo(new BuyerReturn(Optional.empty(), Optional.empty()));
    }

    @Test
    void given_a_return_whose_transaction_id_cannot_be_dinteros_when_reading_it_then_it_names_no_payment() {
        BuyerReturn buyerReturn = gateway.readBuyerReturn(Map.of(
                "transaction_id", List.of("T11223344.tx1\u0000"), "error", List.of("cancelled")));

        assertThat(buyerReturn).isEqualTo(new BuyerReturn(Optional.empty(), Optional.of(CheckoutEnding.CANCELLED)));
    }

    @Test
    void given_a_session_id_when_fetching_the_checkout_then_dintero_is_asked_for_that_session_with_the_bearer_token() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenSession("T11223344.ses1", """
                {"id": "T11223344.ses1", "transaction_id": "T11223344.tx1", "expires_at": "2026-03-08T16:00:00Z",
                 "url": {"return_url": "https://shop.example.test/return"},
                 "order": {"amount": 29900, "currency": "NOK", "merchant_reference": "ref"},
                 "events": [{"name": "INITIATED", "created_at": "2026-03-08T12:00:00Z"},
                            {"name": "AUTHORIZED", "created_at": "2026-03-08T12:03:00Z"}],
                 "a_field_from_the_future": true}""");

        CheckoutStatus checkout = gateway.fetchCheckout(new SessionId("T11223344.ses1"));

        assertThat(checkout).isEqualTo(new CheckoutStatus(Optional.of(new PaymentId("T11223344.tx1")), Optional.empty(),
                Optional.of(Instant.parse("2026-03-08T16:00:00Z"))));
        dintero.wireMock().verify(1, getRequestedFor(urlEqualTo("/v1/sessions/T11223344.ses1"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Dintero-System-Name", equalTo("orderpay")));
    }

    @Test
    void given_a_session_the_buyer_cancelled_when_fetching_the_checkout_then_it_ended_cancelled_without_payment() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.givenSession("T11223344.ses2", """
                {"id": "T11223344.ses2", "expires_at": "2026-03-08T16:00:00.000+01:00",
                 "events": [{"name": "INITIATED"}, {"name": "VISITED"}, {"name": "CANCELLED"}]}""");

        CheckoutStatus checkout = gateway.fetchCheckout(new SessionId("T11223344.ses2"));

        assertThat(checkout).isEqualTo(new CheckoutStatus(Optional.empty(), Optional.of(CheckoutEnding.CANCELLED),
                Optional.of(Instant.parse("2026-03-08T15:00:00Z"))));
    }

    @Test
    void given_dintero_knows_no_such_session_when_fetching_the_checkout_then_it_is_not_found() {
        dintero.givenToken(ACCESS_TOKEN, 14_400);
        dintero.wireMock().stubFor(get(urlEqualTo("/v1/sessions/T11223344.gone"))
                .willReturn(DinteroSandbox.dinteroError(404, "NOT_FOUND", "Session not found")));

        assertThatThrownBy(() -> gateway.fetchCheckout(new SessionId("T11223344.gone")))
                .isInstanceOfSatisfying(PaymentProviderException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(PaymentProviderException.Kind.NOT_FOUND);
                    assertThat(failure.getMessage()).isEqualTo("fetching Dintero session T11223344.gone: "
                            + "Dintero answered HTTP 404: NOT_FOUND Session not found");
                });
    }

    @Test
    void given_the_default_provider_when_the_context_starts_then_the_payment_gateway_is_dintero() {
        assertThat(dintero.context().getBean(PaymentGateway.class)).isInstanceOf(DinteroPaymentGateway.class);
    }

    @Test
    void given_another_provider_when_the_context_starts_then_no_dintero_bean_exists() {
        try (ApplicationContext other = ApplicationContext.run(Map.of("payments.provider", "fake"))) {
            assertThat(other.findBean(PaymentGateway.class)).isEmpty();
            assertThat(other.findBean(DinteroAccessTokens.class)).isEmpty();
            assertThat(other.findBean(DinteroCallbacks.class)).isEmpty();
        }
    }

    private static CheckoutRequest checkoutNotifying(URI notificationUrl) {
        return new CheckoutRequest(OrderId.newId(), Money.of(100, "NOK"), URI.create("https://shop.example.test/return"),
                notificationUrl, DinteroSandbox.EXPIRES_AT, OrderContents.NONE);
    }

    static ListAppender<ILoggingEvent> listen(Class<?> loggerOf) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(loggerOf)).addAppender(appender);
        return appender;
    }

    static void stopListening(Class<?> loggerOf, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(loggerOf)).detachAppender(appender);
    }
}
