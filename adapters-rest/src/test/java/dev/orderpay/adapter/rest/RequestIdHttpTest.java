package dev.orderpay.adapter.rest;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer names its request in Request-Id: the caller's X-Request-Id when it is sane, a new id otherwise. */
@MicronautTest
class RequestIdHttpTest {

    private static final String REQUEST_ID = "Request-Id";
    private static final String OFFERED = "X-Request-Id";

    @Inject
    Api api;
    @Inject
    RecordingPaymentGateway gateway;
    @Inject
    RacingOrderRepository orders;

    @ParameterizedTest
    @ValueSource(strings = {"a", "order-lookup-42", "!~{}[]<>\"'=;:,./\\|`^%$#@", "0123456789abcdef0123456789abcdef"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void given_a_sane_request_id_when_requested_then_the_answer_carries_it(String offered) {
        Api.Reply reply = api.send(HttpRequest.GET("/orders").header(OFFERED, offered));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header(REQUEST_ID)).contains(offered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "naïve", "tab\there", "<script>alert(1)</script> x"})
    void given_a_request_id_with_characters_outside_printable_ascii_when_requested_then_a_new_one_replaces_it(
            String offered) {
        Api.Reply reply = api.send(HttpRequest.GET("/orders").header(OFFERED, offered));

        assertThat(reply.status()).isEqualTo(200);
        assertIsANewId(reply, offered);
    }

    @Test
    void given_a_request_id_longer_than_128_characters_when_requested_then_a_new_one_replaces_it() {
        String offered = "r".repeat(129);

        Api.Reply reply = api.send(HttpRequest.GET("/orders").header(OFFERED, offered));

        assertIsANewId(reply, offered);
    }

    @Test
    void given_no_request_id_when_requested_twice_then_each_answer_carries_a_new_one() {
        Api.Reply first = api.get("/orders");
        Api.Reply second = api.get("/orders");

        assertIsANewId(first, "");
        assertIsANewId(second, "");
        assertThat(first.header(REQUEST_ID)).isNotEqualTo(second.header(REQUEST_ID));
    }

    @Test
    void given_no_api_key_when_refused_with_401_then_the_problem_and_the_header_name_the_request() {
        Api.Reply reply = api.sendAnonymously(HttpRequest.GET("/orders").header(OFFERED, "anonymous-1"));

        assertThat(reply.status()).isEqualTo(401);
        assertProblemNamesTheRequest(reply, "anonymous-1");
    }

    @Test
    void given_an_unknown_route_when_requested_then_the_404_problem_and_the_header_name_the_request() {
        Api.Reply reply = api.send(HttpRequest.GET("/no/such/route").header(OFFERED, "lost-1"));

        assertThat(reply.status()).isEqualTo(404);
        assertProblemNamesTheRequest(reply, "lost-1");
    }

    @Test
    void given_invalid_input_when_refused_then_the_problem_carries_the_generated_request_id() {
        Api.Reply reply = api.send(Api.createOrderRequest(0, "NOK", "zero"));

        assertThat(reply.status()).isEqualTo(400);
        assertProblemNamesTheRequest(reply, reply.header(REQUEST_ID).orElseThrow());
        assertIsANewId(reply, "");
    }

    @Test
    void given_a_request_line_or_header_too_long_to_decode_then_the_problem_still_names_the_request() {
        Api.Reply longLine = api.send(HttpRequest.GET("/orders?receipt=" + "r".repeat(10_000))
                .header(OFFERED, "long-line-1"));
        Api.Reply largeHeader = api.send(HttpRequest.GET("/orders").header("X-Filler", "h".repeat(20_000))
                .header(OFFERED, "large-header-1"));

        // Netty stopped decoding before the headers were read, so the caller's id is not known: a new one is given.
        assertThat(longLine.status()).isEqualTo(414);
        assertProblemNamesTheRequest(longLine, longLine.header(REQUEST_ID).orElseThrow());
        assertIsANewId(longLine, "long-line-1");
        assertThat(largeHeader.status()).isEqualTo(431);
        assertProblemNamesTheRequest(largeHeader, largeHeader.header(REQUEST_ID).orElseThrow());
        assertIsANewId(largeHeader, "large-header-1");
    }

    @Test
    void given_a_browser_when_it_returns_from_the_checkout_then_the_page_carries_the_request_id() {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);

        Api.Reply reply = api.sendAnonymously(HttpRequest.GET("/orders/" + order.id() + "/redirect?payment_id="
                + paymentId).accept(MediaType.TEXT_HTML_TYPE).header(OFFERED, "buyer-back-1"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith(MediaType.TEXT_HTML);
        assertThat(reply.header(REQUEST_ID)).contains("buyer-back-1");
    }

    @Test
    void given_an_order_created_when_the_provider_is_asked_then_it_is_asked_within_the_request_s_log_context() {
        MutableHttpRequest<?> create = Api.createOrderRequest(29900, "NOK", "traced").header(OFFERED, "create-7");

        Api.Reply reply = api.send(create);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(gateway.checkoutRequestIds()).last().isEqualTo("create-7");
    }

    private Order anOrder() {
        String id = (String) api.createOrder(29900, "NOK", "r").json().get("id");
        return orders.findById(OrderId.parse(id)).orElseThrow();
    }

    private static void assertProblemNamesTheRequest(Api.Reply reply, String requestId) {
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.header(REQUEST_ID)).contains(requestId);
        assertThat(reply.json()).containsEntry("request_id", requestId);
    }

    private static void assertIsANewId(Api.Reply reply, String offered) {
        String answered = reply.header(REQUEST_ID).orElseThrow(() -> new AssertionError("no Request-Id"));
        assertThat(answered).isNotEqualTo(offered);
        assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
    }
}
