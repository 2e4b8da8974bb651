package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.TestOrders;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class PaymentReturnHttpTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    Api api;
    @Inject
    InMemoryOrderRepository orders;
    @Inject
    FakePaymentGateway gateway;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"redirect", "payment-redirect"})
    void given_a_payment_the_provider_confirms_when_the_buyer_returns_then_the_order_is_authorized(String route) {
        Order order = anOrder("receipt#1");
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);

        Api.Reply reply = api.get("/orders/" + order.id() + "/" + route + "?payment_id=" + paymentId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(reply.json()).containsEntry("message", "Thank you, the payment was received.");
        assertThat(reply.object("order")).containsEntry("id", order.id().toString())
                .containsEntry("status", "AUTHORIZED");
        assertThat(stored(order).status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void given_anyone_holding_the_order_id_when_they_open_the_return_then_only_what_the_buyer_needs_is_shown() {
        Order order = anOrder("merchant's own reference");
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);

        Api.Reply reply = api.sendAnonymously(HttpRequest.GET("/orders/" + order.id() + "/redirect?payment_id="
                + paymentId));

        assertThat(reply.json()).containsOnlyKeys("message", "order");
        assertThat(reply.object("order")).containsOnly(Map.entry("id", order.id().toString()),
                Map.entry("status", "AUTHORIZED"), Map.entry("amount", 29900), Map.entry("currency", "NOK"));
        assertThat(reply.body()).doesNotContain("merchant's own reference");
    }

    @Test
    void given_a_payment_of_another_order_when_the_buyer_returns_with_it_then_409_and_the_order_is_unchanged() {
        Order order = anOrder("mine");
        Order other = anOrder("someone else's");
        PaymentId othersPayment = gateway.paymentFor(other, OrderStatus.AUTHORIZED);

        Api.Reply reply = api.get("/orders/" + order.id() + "/redirect?payment_id=" + othersPayment);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "payment_verification_failed")
                .containsEntry("order_id", order.id().toString());
        assertThat(stored(order).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(stored(order).version()).isEqualTo(order.version());
    }

    @Test
    void given_a_payment_for_a_smaller_amount_when_the_buyer_returns_with_it_then_409_and_the_order_is_unchanged() {
        Order order = anOrder("underpaid");
        PaymentId forged = gateway.record(order.session().orElseThrow().id(), order.id().toString(), 1,
                order.amount().currencyCode(), OrderStatus.AUTHORIZED);

        Api.Reply reply = api.get("/orders/" + order.id() + "/redirect?payment_id=" + forged);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(stored(order).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void given_a_confirmed_payment_when_the_buyer_returns_twice_then_the_answer_is_the_same_and_nothing_changes_again() {
        Order order = anOrder("twice");
        String uri = "/orders/" + order.id() + "/redirect?payment_id=" + gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        Api.Reply first = api.get(uri);
        long versionAfterFirst = stored(order).version();

        Api.Reply second = api.get(uri);

        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(stored(order).version()).isEqualTo(versionAfterFirst);
    }

    @Test
    void given_a_cancel_return_the_provider_confirms_when_the_buyer_returns_then_the_order_is_cancelled() {
        Order order = anOrder("abandoned");
        gateway.endCheckout(order.session().orElseThrow().id(), CheckoutEnding.CANCELLED);

        Api.Reply reply = api.get("/orders/" + order.id() + "/redirect?error=cancelled");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("message", "The payment was cancelled.");
        assertThat(reply.object("order")).containsEntry("status", "CANCELLED");
        assertThat(stored(order).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void given_a_cancel_return_while_the_provider_shows_the_checkout_open_then_the_order_stays_pending() {
        Order order = anOrder("changed my mind");

        Api.Reply reply = api.get("/orders/" + order.id() + "/redirect?error=cancelled");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("message", "The payment was not completed.");
        assertThat(reply.object("order")).containsEntry("status", "PENDING");
        assertThat(stored(order).version()).isEqualTo(order.version());
    }

    @Test
    void given_an_order_whose_checkout_expired_when_the_buyer_returns_late_then_the_page_says_it_expired() {
        Order expired = TestOrders.anOrderWithCheckout().withStatus(OrderStatus.EXPIRED).build();
        orders.add(expired, NOT_HELD);

        Api.Reply reply = api.send(HttpRequest.GET("/orders/" + expired.id() + "/redirect")
                .header(HttpHeaders.ACCEPT, BROWSER_ACCEPT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("<title>Checkout expired</title>", "The checkout expired", "EXPIRED");
    }

    @Test
    void given_an_authorized_order_when_a_late_cancel_return_arrives_then_it_stays_authorized() {
        Order order = anOrder("paid first");
        api.get("/orders/" + order.id() + "/redirect?payment_id=" + gateway.paymentFor(order, OrderStatus.AUTHORIZED));

        Api.Reply reply = api.get("/orders/" + order.id() + "/redirect?error=cancelled");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.object("order")).containsEntry("status", "AUTHORIZED");
        assertThat(stored(order).status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void given_a_return_with_no_parameters_when_the_buyer_returns_then_the_order_is_shown_as_it_is() {
        Order order = anOrder("plain");

        Api.Reply reply = api.get("/orders/" + order.id() + "/redirect");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.object("order")).containsEntry("status", "PENDING");
    }

    @Test
    void given_an_unknown_order_when_the_buyer_returns_then_404() {
        Api.Reply reply = api.get("/orders/" + UUID.randomUUID() + "/redirect?error=cancelled");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "order_not_found");
    }

    @Test
    void given_a_browser_when_the_buyer_returns_then_an_html_page_shows_the_order_with_the_currencys_decimals() {
        Order order = anOrder("receipt#1");
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);

        Api.Reply reply = api.send(HttpRequest.GET("/orders/" + order.id() + "/redirect?payment_id=" + paymentId)
                .header(HttpHeaders.ACCEPT, BROWSER_ACCEPT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith(MediaType.TEXT_HTML);
        assertThat(reply.body()).contains("<title>Payment received</title>", order.id().toString(), "299.00 NOK",
                "AUTHORIZED");
    }

    @Test
    void given_a_browser_when_the_buyer_returns_then_the_page_does_not_show_the_merchants_receipt() {
        Order order = anOrder("<script>alert(1)</script>");

        Api.Reply reply = api.sendAnonymously(HttpRequest.GET("/orders/" + order.id() + "/redirect?error=cancelled")
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("<script>").doesNotContain("alert(1)").doesNotContain("Receipt");
    }

    @Test
    void given_a_browser_and_a_forged_payment_when_the_buyer_returns_then_409_page_says_it_could_not_be_verified() {
        Order order = anOrder("mine");
        PaymentId othersPayment = gateway.paymentFor(anOrder("theirs"), OrderStatus.AUTHORIZED);

        Api.Reply reply = api.send(HttpRequest.GET("/orders/" + order.id() + "/redirect?payment_id=" + othersPayment)
                .header(HttpHeaders.ACCEPT, BROWSER_ACCEPT));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith(MediaType.TEXT_HTML);
        assertThat(reply.body()).contains("could not be verified", "PENDING");
    }

    @Test
    void given_a_client_that_prefers_json_over_html_when_the_buyer_returns_then_json_is_answered() {
        Order order = anOrder("api client");

        Api.Reply reply = api.send(HttpRequest.GET("/orders/" + order.id() + "/redirect")
                .header(HttpHeaders.ACCEPT, "application/json, text/html;q=0.5"));

        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
    }

    @Test
    void given_parameters_the_api_does_not_know_when_the_buyer_returns_then_they_reach_the_provider_adapter_untouched() {
        Order order = anOrder("extra parameters");
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.CAPTURED);

        Api.Reply reply = api.get("/orders/" + order.id() + "/redirect?merchant_reference=" + order.id()
                + "&payment_id=" + paymentId + "&payment_id=ignored-second&transaction_id=T1");

        assertThat(reply.object("order")).containsEntry("status", "CAPTURED");
    }

    private Order anOrder(String receipt) {
        Map<String, Object> created = api.createOrder(29900, "NOK", receipt).json();
        return stored(OrderId.parse((String) created.get("id")));
    }

    private Order stored(Order order) {
        return stored(order.id());
    }

    private Order stored(OrderId id) {
        return orders.findById(id).orElseThrow();
    }
}
