package dev.orderpay.adapter.rest;

import dev.orderpay.domain.Order;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Capture and refund by line through HTTP: what moves of each line, how the order shows it, and the 400s and 409s,
 * with the real service and the fake provider. The order: 3 units of "a" for 10000 and 1 of "b" for 5000.
 */
@MicronautTest
class OperationsByLineHttpTest {

    @Inject
    Api api;
    @Inject
    OrdersOverHttp given;
    @Inject
    RecordingPaymentGateway gateway;

    @Test
    void given_an_order_with_lines_when_a_unit_of_a_line_is_captured_then_the_line_shows_it_and_the_provider_has_it() {
        Order order = given.authorizedWithLines();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), """
                {"items": [{"line_id": "a", "quantity": 1}]}""");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "PARTIALLY_CAPTURED").containsEntry("captured_amount", 3333);
        assertThat(reply.list("items")).extracting(item -> item.get("line_id"), item -> item.get("captured_quantity"),
                        item -> item.get("captured_amount"), item -> item.get("refunded_amount"))
                .containsExactly(tuple("a", 1, 3333, 0),
                        tuple("b", 0, 0, 0));
        assertThat(gateway.operations()).contains("capture " + paymentOf(order) + " 33.33 NOK a:1:3333");
        assertThat(api.get("/orders/" + order.id()).list("items").get(0)).containsEntry("captured_amount", 3333);
    }

    @Test
    void given_part_of_the_lines_captured_when_a_line_is_refunded_by_amount_then_it_shows_refunded() {
        Order order = given.authorizedWithLines();
        api.postJson(OrdersOverHttp.path(order, "capture"), """
                {"items": [{"line_id": "a", "quantity": 2}, {"line_id": "b", "quantity": 1}]}""");

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "refund"), """
                {"items": [{"line_id": "b", "amount": 2000}], "reason": "scratched"}""");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "PARTIALLY_REFUNDED").containsEntry("captured_amount", 11666)
                .containsEntry("refunded_amount", 2000);
        assertThat(reply.list("items").get(1)).containsEntry("refunded_amount", 2000)
                .containsEntry("refunded_quantity", 0);
        assertThat(gateway.operations()).contains("refund " + paymentOf(order) + " 20.00 NOK b:0:2000");
    }

    @Test
    void given_an_order_with_lines_when_all_that_is_left_is_captured_by_amount_then_every_line_is_captured() {
        Order order = given.authorizedWithLines();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 15000}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "CAPTURED");
        assertThat(reply.list("items")).extracting(item -> item.get("captured_amount")).containsExactly(10000, 5000);
        assertThat(gateway.operations()).contains("capture " + paymentOf(order) + " 150.00 NOK a:3:10000 b:1:5000");
    }

    @Test
    void given_an_order_with_lines_when_an_amount_alone_is_not_all_that_is_left_then_400_asks_for_items() {
        Order order = given.authorizedWithLines();
        int operationsBefore = gateway.operations().size();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 10000}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("amount");
        assertThat(reply.list("errors").get(0).get("message").toString()).contains("items");
        assertThat(gateway.operations()).hasSize(operationsBefore);
        assertThat(given.stored(order).pendingOperation()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"items": [{"line_id": "a", "quantity": 1}, {"line_id": "x", "quantity": 1}]} | items[1].line_id
            {"items": [{"line_id": "a", "quantity": 1}, {"line_id": "a", "amount": 1}]}   | items[1].line_id
            {"items": [{"line_id": "a", "quantity": 0}]}                                  | items[0].quantity
            {"items": [{"line_id": "a", "quantity": 1.0001}]}                             | items[0].quantity
            {"items": [{"line_id": "a", "amount": 0}]}                                    | items[0].amount
            {"items": [{"line_id": "a"}]}                                                 | items[0]
            {"items": [{"quantity": 1}]}                                                  | items[0].line_id
            {"amount": 100, "items": [{"line_id": "a", "quantity": 1}]}                   | amount
            """)
    void given_a_bad_item_when_captured_then_400_names_its_path_and_the_provider_is_not_asked(String body,
                                                                                                String field) {
        Order order = given.authorizedWithLines();
        int operationsBefore = gateway.operations().size();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(gateway.operations()).hasSize(operationsBefore);
    }

    @Test
    void given_one_unit_of_a_line_when_two_are_captured_then_409_names_the_line_and_the_provider_is_not_asked() {
        Order order = given.authorizedWithLines();
        int operationsBefore = gateway.operations().size();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), """
                {"items": [{"line_id": "a", "quantity": 1}, {"line_id": "b", "quantity": 2}]}""");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json()).containsEntry("code", "operation_not_allowed").containsEntry("line_id", "b")
                .containsEntry("current_status", "AUTHORIZED");
        assertThat(reply.json().get("detail").toString()).contains("'b'", "2", "1", "capture");
        assertThat(gateway.operations()).hasSize(operationsBefore);
        assertThat(given.stored(order).lineLedgers())
                .allSatisfy(line -> assertThat(line.captured().quantity()).isEqualByComparingTo(BigDecimal.ZERO));
    }

    @Test
    void given_a_line_not_captured_when_it_is_refunded_then_409_names_the_line() {
        Order order = given.authorizedWithLines();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{\"items\": [{\"line_id\": \"a\", \"quantity\": 3}]}");

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "refund"), """
                {"items": [{"line_id": "b", "quantity": 1}]}""");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json()).containsEntry("line_id", "b");
        assertThat(reply.json().get("detail").toString()).contains("refund");
    }

    @Test
    void given_an_order_without_lines_when_items_are_sent_then_400_names_items() {
        Order order = given.authorized();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), """
                {"items": [{"line_id": "a", "quantity": 1}]}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("items");
    }

    private String paymentOf(Order order) {
        return given.stored(order).payment().paymentId().orElseThrow().value();
    }
}
