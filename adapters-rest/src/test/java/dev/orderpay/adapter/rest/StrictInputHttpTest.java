package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merchant API takes input only as its document defines it: money from JSON integers, text from JSON strings,
 * one JSON object in UTF-8 without duplicate keys or trailing data, and no field or parameter it does not know.
 */
@MicronautTest
class StrictInputHttpTest {

    private static final String VALID = "\"currency\": \"NOK\", \"receipt\": \"r\"";

    @Inject
    Api api;
    @Inject
    OrdersOverHttp given;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    RacingOrderRepository orders;
    @Inject
    RecordingPaymentGateway gateway;

    private final HttpClient raw = HttpClient.newHttpClient();

    @ParameterizedTest(name = "amount {0} is not money")
    @ValueSource(strings = {"true", "false", "\"100\"", "1e3", "1E3", "100.0", "12.5", "[2]", "{\"value\": 2}",
            "99999999999999999999"})
    void given_an_amount_that_is_not_a_json_integer_when_an_order_is_posted_then_400_names_amount(String amount) {
        int before = storedOrders();

        Api.Reply reply = api.postJson("/orders", "{\"amount\": " + amount + ", " + VALID + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.errorFields()).containsExactly("amount");
        assertThat(storedOrders()).isEqualTo(before);
    }

    @ParameterizedTest(name = "receipt {0} is not text")
    @ValueSource(strings = {"123", "true", "[\"x\"]", "{\"text\": \"x\"}"})
    void given_a_receipt_that_is_not_a_json_string_when_posted_then_400_names_receipt(String receipt) {
        Api.Reply reply = api.postJson("/orders",
                "{\"amount\": 100, \"currency\": \"NOK\", \"receipt\": " + receipt + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("receipt");
    }

    @Test
    void given_a_misspelt_field_when_posted_then_400_names_it_and_nothing_is_stored() {
        int before = storedOrders();

        Api.Reply reply = api.postJson("/orders", "{\"amount\": 100, " + VALID + ", \"recipt\": \"x\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.list("errors")).containsExactly(
                Map.of("field", "recipt", "message", "is not a field of this request"));
        assertThat(storedOrders()).isEqualTo(before);
    }

    @Test
    void given_an_unknown_field_and_a_wrong_type_when_posted_then_both_are_named_in_one_answer() {
        Api.Reply reply = api.postJson("/orders", "{\"amount\": \"1\", " + VALID + ", \"colour\": \"red\"}");

        assertThat(reply.errorFields()).containsExactly("amount", "colour");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{\"amount\": 1, \"amount\": 4000, \"currency\": \"NOK\", \"receipt\": \"r\"}",
            "{\"amount\": 100, \"currency\": \"NOK\", \"receipt\": \"r\"} garbage",
            "{\"amount\": 100, \"currency\": \"NOK\", \"receipt\": \"r\"}{\"amount\": 1}",
            "{\"amount\": 100, /* a comment */ \"currency\": \"NOK\", \"receipt\": \"r\"}",
            "// a comment\n{\"amount\": 100, \"currency\": \"NOK\", \"receipt\": \"r\"}",
            "{'amount': 100, 'currency': 'NOK', 'receipt': 'r'}",
            "{amount: 100, currency: \"NOK\", receipt: \"r\"}"})
    void given_json_a_strict_parser_refuses_when_posted_then_400_malformed_request(String body) {
        int before = storedOrders();

        Api.Reply reply = api.postJson("/orders", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "malformed_request");
        assertThat(storedOrders()).isEqualTo(before);
    }

    @Test
    void given_bytes_that_are_not_utf8_when_posted_then_400_malformed_request() throws Exception {
        byte[] latin1 = "{\"amount\": 100, \"currency\": \"NOK\", \"receipt\": \"bl\u00e5\"}"
                .getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> reply = post("/orders", "application/json", latin1);

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(codeOf(reply)).isEqualTo("malformed_request");
    }

    @Test
    void given_a_body_without_a_content_type_when_posted_then_415_and_nothing_is_stored() throws Exception {
        int before = storedOrders();

        HttpResponse<String> reply = post("/orders", null, ("{\"amount\": 100, " + VALID + "}").getBytes());

        assertThat(reply.statusCode()).isEqualTo(415);
        assertThat(reply.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(codeOf(reply)).isEqualTo("unsupported_media_type");
        assertThat(storedOrders()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/json; charset=ISO-8859-1 | 415
            application/json; charset=UTF-16     | 415
            application/json; charset=utf-8      | 201
            application/json; charset=UTF-8      | 201
            application/json                     | 201
            """)
    void given_a_charset_when_posted_then_only_utf8_is_accepted(String contentType, int status) throws Exception {
        HttpResponse<String> reply = post("/orders", contentType,
                ("{\"amount\": 100, " + VALID + "}").getBytes(StandardCharsets.UTF_8));

        assertThat(reply.statusCode()).isEqualTo(status);
    }

    @Test
    void given_a_receipt_of_255_emoji_when_posted_then_it_is_kept_whole() {
        String receipt = "\uD83D\uDCE6".repeat(255);

        Api.Reply reply = api.createOrder(100, "NOK", receipt);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(given.stored(OrderId.parse((String) reply.json().get("id"))).receipt().value())
                .isEqualTo(receipt);
    }

    @Test
    void given_a_receipt_with_a_lone_surrogate_when_posted_then_400_names_receipt_and_nothing_is_stored() {
        int before = storedOrders();

        Api.Reply reply = api.postJson("/orders", "{\"amount\": 100, \"currency\": \"NOK\", \"receipt\": \"a\\ud800b\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("receipt");
        assertThat(storedOrders()).isEqualTo(before);
    }

    @ParameterizedTest(name = "capture with {0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"amount": true}        | amount
            {"amount": "100"}       | amount
            {"amount": 1e2}         | amount
            {"amont": 100}          | amont
            """)
    void given_a_capture_body_that_breaks_the_document_then_400_names_the_field_and_nothing_is_captured(
            String body, String field) {
        Order order = given.authorized();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(gateway.operations()).noneMatch(operation -> operation.startsWith("capture "
                + order.payment().paymentId().orElseThrow()));
        assertThat(given.stored(order).status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void given_a_refund_reason_that_is_not_text_then_400_names_reason() {
        Order order = given.authorized();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "refund"), "{\"reason\": 5}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("reason");
        assertThat(given.stored(order).status()).isEqualTo(OrderStatus.CAPTURED);
    }

    @Test
    void given_a_cancel_with_fields_it_does_not_take_then_400_names_them_and_the_order_stays() {
        Order order = given.authorized();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "cancel"), "{\"force\": true}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("force");
        assertThat(given.stored(order).status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void given_a_cancel_without_a_body_then_it_is_still_carried_out() {
        Order order = given.authorized();

        Api.Reply reply = api.send(HttpRequest.POST(OrdersOverHttp.path(order, "cancel"), ""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "CANCELLED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /orders?stauts=AUTHORIZED              | stauts
            /orders?limit=5&colour=red             | colour
            /orders/totals?currency=NOK&since=2026 | since
            """)
    void given_an_unknown_query_parameter_on_the_merchant_api_then_400_names_it(String uri, String parameter) {
        Api.Reply reply = api.get(uri);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.list("errors")).containsExactly(
                Map.of("field", parameter, "message", "is not a parameter of this request"));
    }

    @Test
    void given_an_unknown_query_parameter_on_a_post_or_an_order_then_400_names_it() {
        Order order = given.authorized();

        assertThat(api.postJson("/orders?dry_run=true", "{\"amount\": 100, " + VALID + "}").errorFields())
                .containsExactly("dry_run");
        assertThat(api.get("/orders/" + order.id() + "?expand=payment").errorFields()).containsExactly("expand");
        assertThat(api.send(HttpRequest.POST(OrdersOverHttp.path(order, "capture") + "?amount=5", "")).errorFields())
                .containsExactly("amount");
    }

    @Test
    void given_several_bad_query_values_then_every_one_is_named_in_one_answer() {
        Api.Reply reply = api.get("/orders?limit=0&status=PAID&currency=nok&created_from=yesterday&cursor=x");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("limit", "cursor", "status", "currency",
                "created_from");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /orders?created_from=%2B10000-01-01T00:00:00Z           | created_from
            /orders?created_to=-0001-01-01T00:00:00Z                | created_to
            /orders?created_from=%2B1000000000-12-31T23:59:59Z      | created_from
            /orders/totals?from=-1000000000-01-01T00:00:00Z         | from
            /orders/totals?to=%2B294277-01-01T00:00:00Z             | to
            """)
    void given_an_instant_outside_the_years_1_to_9999_then_400_names_it(String uri, String parameter) {
        Api.Reply reply = api.get(uri);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly(parameter);
    }

    @Test
    void given_the_first_and_last_supported_instants_then_they_are_accepted() {
        assertThat(api.get("/orders?created_from=0001-01-01T00:00:00Z&created_to=9999-12-31T23:59:59Z").status())
                .isEqualTo(200);
    }

    @Test
    void given_a_cursor_whose_time_is_out_of_range_then_400_names_the_cursor() {
        String beyond = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("9223372036854775807:" + OrderId.newId()).getBytes(StandardCharsets.US_ASCII));

        Api.Reply reply = api.get("/orders?cursor=" + beyond);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("cursor");
    }

    @Test
    void given_extra_parameters_on_the_buyers_return_then_they_are_tolerated() {
        Order order = given.pending();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);

        Api.Reply reply = api.get("/orders/" + order.id() + "/redirect?payment_id=" + paymentId
                + "&utm_source=newsletter");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(given.stored(order).status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        URI.create(server.getURL() + path))
                .header("Authorization", "Bearer " + Api.MERCHANT_KEY)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String codeOf(HttpResponse<String> reply) throws IOException {
        return (String) json.readValue(reply.body(), Map.class).get("code");
    }

    private int storedOrders() {
        return orders.findNewestFirst(OrderFilter.NONE, Optional.empty(), Integer.MAX_VALUE).size();
    }
}
