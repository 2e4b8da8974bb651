package dev.orderpay.adapter.simulator;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.application.port.out.PaymentGateway;
import dev.orderpay.application.port.out.ProviderNotice;
import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.application.port.out.UnauthenticNotificationException;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.contents.Customer;
import dev.orderpay.domain.contents.LineItem;
import dev.orderpay.domain.contents.Metadata;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.OrderLines;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.uri.QueryStringDecoder;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The buyer's side of the simulator through real HTTP: the hosted page, the three choices, the redirect back and
 * the signed notification. A plain JDK client plays the browser, so redirects are seen, not followed.
 */
@MicronautTest
@Property(name = "payments.provider", value = "simulator")
@Property(name = "orderpay.public-url", value = "https://shop.example.test")
class SimulatorCheckoutTest {

    private static final Duration NOTIFICATION_WAIT = Duration.ofSeconds(5);
    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    PaymentGateway gateway;

    @Inject
    EmbeddedServer server;

    @Inject
    NotificationRecorder notifications;

    @Inject
    JsonMapper json;

    private final HttpClient browser = HttpClient.newHttpClient();

    @Test
    void given_an_open_checkout_when_the_buyer_opens_its_page_then_it_shows_amount_reference_and_three_choices()
            throws Exception {
        Opened checkout = open(Money.of(1234_50, "NOK"));

        HttpResponse<String> page = get(pagePath(checkout));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'"));
        assertThat(page.body())
                .contains("<title>Simulated checkout</title>")
                .contains("<dd id=\"amount\">1234.50 NOK</dd>")
                .contains("<dd id=\"reference\">" + checkout.orderId() + "</dd>")
                .contains("<button type=\"submit\" id=\"pay\">", "<button type=\"submit\" id=\"decline\">",
                        "<button type=\"submit\" id=\"cancel\">");
        assertThat(page.body().split("<form method=\"post\"", -1)).hasSize(4);
        // The actions are relative, so they resolve against the page to this controller's routes.
        String session = checkout.session().id().value();
        assertThat(page.body()).contains("action=\"" + session + "/pay\"", "action=\"" + session + "/decline\"",
                "action=\"" + session + "/cancel\"");
        assertThat(URI.create(pagePath(checkout)).resolve(session + "/pay").getPath())
                .isEqualTo(pagePath(checkout) + "/pay");
    }

    @Test
    void given_an_order_with_lines_when_the_buyer_opens_its_page_then_it_lists_each_line_escaped_and_the_total()
            throws Exception {
        LineItem socks = new LineItem("1", "Wool socks <b>\"red\"</b> & blue", new BigDecimal("2"),
                Money.of(198_00, "NOK"), new BigDecimal("25"), Money.of(39_60, "NOK"), Optional.of("SOCK-42"));
        LineItem cheese = new LineItem("2", "Brown cheese", new BigDecimal("0.5"), Money.of(101_00, "NOK"),
                new BigDecimal("15"), Money.of(13_17, "NOK"), Optional.empty());
        Opened checkout = open(Money.of(299_00, "NOK"), Instant.now().plus(Duration.ofHours(1)),
                new OrderContents(new OrderLines(List.of(socks, cheese)), Customer.NONE, Optional.empty(),
                        Optional.empty(), Metadata.NONE));

        String page = get(pagePath(checkout)).body();

        assertThat(page).contains(
                "<tr class=\"line\"><td>Wool socks &lt;b&gt;&quot;red&quot;&lt;/b&gt; &amp; blue</td>"
                        + "<td class=\"number\">2</td><td class=\"number\">198.00 NOK</td></tr>",
                "<tr class=\"line\"><td>Brown cheese</td><td class=\"number\">0.5</td>"
                        + "<td class=\"number\">101.00 NOK</td></tr>",
                "<td class=\"number\" id=\"total\">299.00 NOK</td>")
                .doesNotContain("<b>");
        assertThat(page.indexOf("Wool socks")).isLessThan(page.indexOf("Brown cheese"));
        assertThat(page.split("<tr class=\"line\">", -1)).hasSize(3);
    }

    @Test
    void given_an_order_without_lines_when_the_buyer_opens_its_page_then_it_shows_no_table_of_lines()
            throws Exception {
        assertThat(get(pagePath(open(Money.of(100_00, "NOK")))).body()).doesNotContain("<table");
    }

    @Test
    void given_a_currency_without_decimals_when_the_page_shows_the_amount_then_it_has_no_decimals()
            throws Exception {
        Opened checkout = open(Money.of(500, "JPY"));

        assertThat(get(pagePath(checkout)).body()).contains("<dd id=\"amount\">500 JPY</dd>");
    }

    @Test
    void given_an_unknown_session_named_with_markup_when_requested_then_404_and_the_markup_is_escaped()
            throws Exception {
        String path = SimulatorCheckoutController.PATH + "/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E";

        HttpResponse<String> page = get(path);
        HttpResponse<String> posted = post(path + "/pay");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
        assertThat(posted.statusCode()).isEqualTo(404);
        assertThat(posted.body()).doesNotContain("<img");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"", "*/*", "application/json", "application/json, text/html;q=0.5"})
    void given_an_api_client_when_it_asks_for_an_unknown_session_then_404_as_a_problem(String accept)
            throws Exception {
        String path = SimulatorCheckoutController.PATH + "/no-such-session";

        List<HttpResponse<String>> answers = List.of(send(path, accept, HttpRequest.BodyPublishers.noBody(), "GET"),
                send(path + "/pay", accept, HttpRequest.BodyPublishers.noBody(), "POST"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            Map<String, Object> problem = json.readValue(answer.body(), Argument.mapOf(String.class, Object.class));
            assertThat(problem).containsEntry("status", 404).containsEntry("code", "not_found")
                    .containsEntry("detail", "There is no checkout no-such-session.");
        });
    }

    @Test
    void given_an_open_checkout_when_the_buyer_pays_then_303_to_the_return_url_with_the_authorized_payment()
            throws Exception {
        Opened checkout = open(Money.of(1234_50, "NOK"));

        HttpResponse<String> paid = post(pagePath(checkout) + "/pay");

        assertThat(paid.statusCode()).isEqualTo(303);
        URI location = URI.create(paid.headers().firstValue("Location").orElseThrow());
        Map<String, List<String>> parameters = new QueryStringDecoder(location).parameters();
        assertThat(location.getHost()).isEqualTo("shop.example.test");
        assertThat(location.getPath()).isEqualTo("/orders/" + checkout.orderId() + "/redirect");
        assertThat(parameters).containsEntry("lang", List.of("nb")).containsKey("payment_id");
        PaymentId paymentId = new PaymentId(parameters.get("payment_id").get(0));
        assertThat(gateway.fetchPayment(paymentId)).isEqualTo(new ProviderPayment(paymentId,
                Optional.of(checkout.session().id()), checkout.orderId().toString(), 1234_50, "NOK",
                OrderStatus.AUTHORIZED, 0, 0));
        assertThat(gateway.fetchCheckout(checkout.session().id()).paymentId()).contains(paymentId);
        assertThat(gateway.readBuyerReturn(parameters).paymentId()).contains(paymentId);
    }

    @Test
    void given_an_open_checkout_when_the_buyer_declines_then_303_with_error_and_the_checkout_ended_declined()
            throws Exception {
        Opened checkout = open(Money.of(100_00, "NOK"));

        HttpResponse<String> declined = post(pagePath(checkout) + "/decline");

        assertThat(declined.statusCode()).isEqualTo(303);
        Map<String, List<String>> parameters = returnParameters(declined);
        assertThat(parameters).containsEntry("error", List.of("declined")).doesNotContainKey("payment_id");
        assertThat(gateway.readBuyerReturn(parameters).failureHint()).contains(CheckoutEnding.DECLINED);
        CheckoutStatus status = gateway.fetchCheckout(checkout.session().id());
        assertThat(status.paymentId()).isEmpty();
        assertThat(status.endedWithoutPayment()).contains(CheckoutEnding.DECLINED);
    }

    @Test
    void given_an_open_checkout_when_the_buyer_cancels_then_303_with_error_and_the_checkout_ended_cancelled()
            throws Exception {
        Opened checkout = open(Money.of(100_00, "NOK"));

        HttpResponse<String> cancelled = post(pagePath(checkout) + "/cancel");

        assertThat(cancelled.statusCode()).isEqualTo(303);
        Map<String, List<String>> parameters = returnParameters(cancelled);
        assertThat(parameters).containsEntry("error", List.of("cancelled")).doesNotContainKey("payment_id");
        assertThat(gateway.readBuyerReturn(parameters).failureHint()).contains(CheckoutEnding.CANCELLED);
        assertThat(gateway.fetchCheckout(checkout.session().id()).endedWithoutPayment())
                .contains(CheckoutEnding.CANCELLED);
    }

    @Test
    void given_a_paid_checkout_when_the_buyer_pays_again_then_409_without_choices_and_no_second_payment()
            throws Exception {
        Opened checkout = open(Money.of(100_00, "NOK"));
        PaymentId firstPayment = paymentIn(post(pagePath(checkout) + "/pay"));

        HttpResponse<String> again = post(pagePath(checkout) + "/pay");
        HttpResponse<String> declinedAfter = post(pagePath(checkout) + "/decline");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Location")).isEmpty();
        assertThat(again.body()).contains("This checkout has been paid.").doesNotContain("<form");
        assertThat(declinedAfter.statusCode()).isEqualTo(409);
        assertThat(gateway.fetchCheckout(checkout.session().id())).isEqualTo(new CheckoutStatus(
                Optional.of(firstPayment), Optional.empty(), Optional.of(checkout.expiresAt())));
        assertThat(get(pagePath(checkout)).body()).doesNotContain("<form");
    }

    @Test
    void given_an_expired_checkout_when_the_buyer_opens_it_then_it_says_so_and_refuses_payment() throws Exception {
        Opened checkout = open(Money.of(100_00, "NOK"), Instant.now().minusSeconds(1));

        HttpResponse<String> page = get(pagePath(checkout));
        HttpResponse<String> paid = post(pagePath(checkout) + "/pay");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This checkout expired at").doesNotContain("<form");
        assertThat(paid.statusCode()).isEqualTo(409);
        assertThat(gateway.fetchCheckout(checkout.session().id()).paymentId()).isEmpty();
    }

    @Test
    void given_the_buyer_paid_when_the_simulator_notifies_then_the_notification_is_signed_and_names_the_payment()
            throws Exception {
        Opened checkout = open(Money.of(100_00, "NOK"));
        PaymentId paymentId = paymentIn(post(pagePath(checkout) + "/pay"));

        InboundNotification received = notifications.next(checkout.orderId().toString(), NOTIFICATION_WAIT);

        assertThat(received).as("notification within " + NOTIFICATION_WAIT).isNotNull();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.path()).isEqualTo(NotificationRecorder.PATH + "/" + checkout.orderId());
        assertThat(received.queryParameter("payment_id")).contains(paymentId.value());
        String deliveryId = received.header("Simulator-Delivery").orElseThrow();
        assertThat(gateway.authenticateNotification(received)).isEqualTo(new ProviderNotice(
                Optional.of(deliveryId), Optional.of(paymentId), Optional.empty(), Optional.empty()));
    }

    @Test
    void given_the_buyer_declined_when_the_simulator_notifies_then_the_notification_reports_the_decline()
            throws Exception {
        Opened checkout = open(Money.of(100_00, "NOK"));
        post(pagePath(checkout) + "/decline");

        InboundNotification received = notifications.next(checkout.orderId().toString(), NOTIFICATION_WAIT);

        assertThat(received).as("notification within " + NOTIFICATION_WAIT).isNotNull();
        ProviderNotice notice = gateway.authenticateNotification(received);
        assertThat(notice.paymentId()).isEmpty();
        assertThat(notice.failureHint()).contains(CheckoutEnding.DECLINED);
    }

    @Test
    void given_a_signed_notification_when_its_signature_is_missing_wrong_or_for_another_query_then_it_is_refused()
            throws Exception {
        Opened checkout = open(Money.of(100_00, "NOK"));
        post(pagePath(checkout) + "/pay");
        InboundNotification genuine = notifications.next(checkout.orderId().toString(), NOTIFICATION_WAIT);
        assertThat(genuine).as("notification within " + NOTIFICATION_WAIT).isNotNull();
        String signature = genuine.header("Simulator-Signature").orElseThrow();
        char last = signature.charAt(signature.length() - 1);
        String oneDigitOff = signature.substring(0, signature.length() - 1) + (last == '0' ? '1' : '0');

        assertThatThrownBy(() -> gateway.authenticateNotification(withSignature(genuine, null)))
                .isInstanceOf(UnauthenticNotificationException.class);
        assertThatThrownBy(() -> gateway.authenticateNotification(withSignature(genuine, oneDigitOff)))
                .isInstanceOf(UnauthenticNotificationException.class);
        assertThatThrownBy(() -> gateway.authenticateNotification(withSignature(genuine, "not hex")))
                .isInstanceOf(UnauthenticNotificationException.class);
        InboundNotification otherPayment = new InboundNotification(genuine.method(), genuine.host(), genuine.path(),
                "payment_id=sim-pay-someone-elses", Map.of("payment_id", List.of("sim-pay-someone-elses")),
                genuine.headers());
        assertThatThrownBy(() -> gateway.authenticateNotification(otherPayment))
                .isInstanceOf(UnauthenticNotificationException.class);
    }

    private record Opened(OrderId orderId, PaymentSession session, Instant expiresAt) {
    }

    private Opened open(Money amount) {
        return open(amount, Instant.now().plus(Duration.ofHours(1)));
    }

    private Opened open(Money amount, Instant expiresAt) {
        return open(amount, expiresAt, OrderContents.NONE);
    }

    private Opened open(Money amount, Instant expiresAt, OrderContents contents) {
        OrderId orderId = OrderId.newId();
        PaymentSession session = gateway.openCheckout(new CheckoutRequest(orderId, amount,
                URI.create("https://shop.example.test/orders/" + orderId + "/redirect?lang=nb"),
                server.getURI().resolve(NotificationRecorder.PATH + "/" + orderId), expiresAt, contents));
        return new Opened(orderId, session, expiresAt);
    }

    private static String pagePath(Opened checkout) {
        return SimulatorCheckoutController.PATH + "/" + checkout.session().id();
    }

    private static Map<String, List<String>> returnParameters(HttpResponse<String> redirect) {
        return new QueryStringDecoder(URI.create(redirect.headers().firstValue("Location").orElseThrow()))
                .parameters();
    }

    /** The payment the return after paying names. */
    private static PaymentId paymentIn(HttpResponse<String> redirect) {
        return new PaymentId(returnParameters(redirect).get("payment_id").get(0));
    }

    private static InboundNotification withSignature(InboundNotification notification, String signature) {
        Map<String, List<String>> headers = new HashMap<>(notification.headers());
        headers.remove("simulator-signature");
        if (signature != null) {
            headers.put("simulator-signature", List.of(signature));
        }
        return new InboundNotification(notification.method(), notification.host(), notification.path(),
                notification.rawQuery(), notification.query(), headers);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As an API client would ask, with the given Accept header (none when empty). */
    private HttpResponse<String> send(String path, String accept, HttpRequest.BodyPublisher body, String method)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).method(method, body);
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        if (method.equals("POST")) {
            request.header("Content-Type", FORM);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a browser submits one of the page's forms: form-encoded, with nothing in it. */
    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(server.getURI().resolve(path)).header("Content-Type", FORM)
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
