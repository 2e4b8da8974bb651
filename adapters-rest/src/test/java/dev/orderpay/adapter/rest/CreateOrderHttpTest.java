package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class CreateOrderHttpTest {

    @Inject
    Api api;
    @Inject
    InMemoryOrderRepository orders;
    @Inject
    FakePaymentGateway gateway;

    @Test
    void given_a_valid_order_when_posted_then_it_is_created_with_a_checkout_link_and_a_location() {
        Api.Reply reply = api.postJson("/orders", """
                {"amount": 29900, "currency": "NOK", "receipt": "receipt#1"}""");

        assertThat(reply.status()).isEqualTo(201);
        Map<String, Object> body = reply.json();
        String id = (String) body.get("id");
        assertThat(reply.location()).isEqualTo("/orders/" + id);
        assertThat(body).containsEntry("amount", 29900).containsEntry("currency", "NOK")
                .containsEntry("receipt", "receipt#1").containsEntry("status", "PENDING");
        assertThat(Instant.parse((String) body.get("created_at"))).isNotNull();
        assertThat((String) body.get("created_at")).endsWith("Z");

        Order stored = orders.findById(OrderId.parse(id)).orElseThrow();
        assertThat(stored.amount()).isEqualTo(Money.of(29900, "NOK"));
        String checkoutLink = stored.session().orElseThrow().link().toString();
        assertThat(reply.list("links")).containsExactly(Map.of("rel", "session_link", "href", checkoutLink));
    }

    @Test
    void given_no_callback_signing_secret_when_an_order_with_a_callback_url_is_posted_then_400_and_nothing_stored() {
        int ordersBefore = orders.findNewestFirst(OrderFilter.NONE, Optional.empty(), 1_000).size();
        int checkoutsBefore = gateway.checkoutRequests().size();

        Api.Reply reply = api.postJson("/orders", """
                {"amount": 100, "currency": "NOK", "receipt": "r", "callback_url": "https://shop.example/cb"}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.list("errors")).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("field", "callback_url");
            assertThat((String) error.get("message")).contains("no callback signing secret");
        });
        assertThat(orders.findNewestFirst(OrderFilter.NONE, Optional.empty(), 1_000)).hasSize(ordersBefore);
        assertThat(gateway.checkoutRequests()).hasSize(checkoutsBefore);
    }

    @Test
    void given_an_order_when_created_then_the_provider_is_given_the_public_return_and_notification_urls() {
        String id = (String) api.createOrder(100, "NOK", "r").json().get("id");

        CheckoutRequest request = gateway.checkoutRequests().stream()
                .filter(sent -> sent.orderId().toString().equals(id)).findFirst().orElseThrow();
        assertThat(request.returnUrl()).isEqualTo(URI.create("https://shop.example.test/orders/" + id + "/redirect"));
        assertThat(request.notificationUrl())
                .isEqualTo(URI.create("https://shop.example.test/orders/" + id + "/callback"));
    }

    @Test
    void given_an_amount_in_a_currency_without_decimals_when_posted_then_the_minor_units_are_kept_as_sent() {
        Api.Reply reply = api.createOrder(5000, "JPY", "yen order");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json()).containsEntry("amount", 5000).containsEntry("currency", "JPY");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"currency": "NOK", "receipt": "r"}                                    | amount
            {"amount": 100, "receipt": "r"}                                        | currency
            {"amount": 100, "currency": "NOK"}                                     | receipt
            {"amount": -1, "currency": "NOK", "receipt": "r"}                      | amount
            {"amount": 0, "currency": "NOK", "receipt": "r"}                       | amount
            {"amount": 100000000001, "currency": "NOK", "receipt": "r"}            | amount
            {"amount": 100, "currency": "nok", "receipt": "r"}                     | currency
            {"amount": 100, "currency": "ABC", "receipt": "r"}                     | currency
            {"amount": 100, "currency": "XXX", "receipt": "r"}                     | currency
            {"amount": 100, "currency": "NOK", "receipt": "   "}                   | receipt
            {"amount": 100, "currency": "NOK", "receipt": "a\\u0000b"}             | receipt
            {"amount": "abc", "currency": "NOK", "receipt": "r"}                   | amount
            {"amount": 12.5, "currency": "NOK", "receipt": "r"}                    | amount
            {"amount": 1e30, "currency": "NOK", "receipt": "r"}                    | amount
            {"amount": 100, "currency": {"code": "NOK"}, "receipt": "r"}           | currency
            {"amount": 100, "currency": "NOK", "receipt": {"text": "r"}}           | receipt
            """)
    void given_one_bad_field_when_posted_then_400_names_the_field_and_nothing_is_stored(String body, String field) {
        int storedBefore = storedOrders();

        Api.Reply reply = api.postJson("/orders", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "validation_failed").containsEntry("status", 400);
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(storedOrders()).isEqualTo(storedBefore);
    }

    @Test
    void given_a_receipt_longer_than_255_characters_when_posted_then_400_names_the_receipt() {
        Api.Reply reply = api.createOrder(100, "NOK", "r".repeat(256));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("receipt");
    }

    @Test
    void given_an_empty_object_when_posted_then_every_missing_field_is_named_at_once() {
        Api.Reply reply = api.postJson("/orders", "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("amount", "currency", "receipt");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"amount": 100,
            not json at all
            [1, 2, 3]
            """)
    void given_a_body_that_is_not_a_json_object_when_posted_then_400_malformed_request(String body) {
        int storedBefore = storedOrders();

        Api.Reply reply = api.postJson("/orders", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "malformed_request");
        assertThat(storedOrders()).isEqualTo(storedBefore);
    }

    @Test
    void given_no_body_when_posted_then_400_problem() {
        Api.Reply reply = api.send(HttpRequest.POST("/orders", "").contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "malformed_request");
    }

    @Test
    void given_a_body_that_is_not_json_when_posted_then_415_and_nothing_is_stored() {
        int storedBefore = storedOrders();

        Api.Reply reply = api.send(HttpRequest.POST("/orders", "amount=100&currency=NOK&receipt=r")
                .contentType(MediaType.TEXT_PLAIN_TYPE));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "unsupported_media_type");
        assertThat(storedOrders()).isEqualTo(storedBefore);
    }

    @Test
    void given_a_problem_when_answered_then_it_carries_type_title_status_and_detail() {
        Api.Reply reply = api.createOrder(-5, "NOK", "r");

        assertThat(reply.json()).containsEntry("type", "https://orderpay.dev/problems/validation_failed")
                .containsKeys("title", "detail")
                .containsEntry("errors", List.of(Map.of("field", "amount",
                        "message", "must be a positive whole number of minor units")));
    }

    @Test
    void given_a_created_order_when_stored_then_it_is_pending_with_its_checkout() {
        String id = (String) api.createOrder(100, "NOK", "r").json().get("id");

        Optional<Order> stored = orders.findById(OrderId.parse(id));
        assertThat(stored).get().extracting(Order::status).isEqualTo(OrderStatus.PENDING);
        assertThat(stored.get().session()).isPresent();
    }

    private int storedOrders() {
        return orders.findNewestFirst(OrderFilter.NONE, Optional.empty(), Integer.MAX_VALUE).size();
    }
}
