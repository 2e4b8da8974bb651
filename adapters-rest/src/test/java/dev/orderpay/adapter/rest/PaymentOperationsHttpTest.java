package dev.orderpay.adapter.rest;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Capture, refund and cancel through HTTP, with the real PaymentOperationsService and the fake provider. */
@MicronautTest
class PaymentOperationsHttpTest {

    @Inject
    Api api;
    @Inject
    OrdersOverHttp given;
    @Inject
    RacingOrderRepository orders;
    @Inject
    RecordingPaymentGateway gateway;

    @Test
    void given_an_authorized_order_when_part_is_captured_then_200_partially_captured_with_the_captured_amount() {
        Order order = given.authorized();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 10000}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "PARTIALLY_CAPTURED").containsEntry("captured_amount", 10000)
                .containsEntry("refunded_amount", 0).doesNotContainKey("pending_operation");
        assertThat(gateway.operations()).contains("capture " + paymentOf(order) + " 100.00 NOK");
    }

    @Test
    void given_an_authorized_order_when_part_is_captured_then_the_order_is_read_once_for_it() {
        Order order = given.authorized();
        int readsBefore = orders.reads();

        api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 10000}");

        assertThat(orders.reads() - readsBefore).isEqualTo(1);
    }

    @Test
    void given_a_partly_captured_order_when_captured_without_an_amount_then_the_rest_is_captured() {
        Order order = given.authorized();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 10000}");

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "CAPTURED").containsEntry("captured_amount", 29900);
        assertThat(gateway.operations()).contains("capture " + paymentOf(order) + " 199.00 NOK");
    }

    @Test
    void given_an_authorized_order_when_captured_with_no_body_at_all_then_everything_is_captured() {
        Order order = given.authorized();

        Api.Reply reply = api.send(HttpRequest.POST(OrdersOverHttp.path(order, "capture"), ""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "CAPTURED").containsEntry("captured_amount", 29900);
    }

    @Test
    void given_a_captured_order_when_part_is_refunded_with_a_reason_then_200_partially_refunded() {
        Order order = given.authorized();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "refund"), "{\"amount\": 5000, \"reason\": \"returned goods\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "PARTIALLY_REFUNDED").containsEntry("captured_amount", 29900)
                .containsEntry("refunded_amount", 5000);
        assertThat(given.stored(order).payment().refunded().minorUnits()).isEqualTo(5000);
    }

    @Test
    void given_a_captured_order_when_refunded_without_an_amount_then_all_of_it_is_refunded() {
        Order order = given.authorized();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "refund"), "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "REFUNDED").containsEntry("refunded_amount", 29900);
    }

    @Test
    void given_an_authorized_order_when_cancelled_then_the_authorization_is_voided_and_the_order_cancelled() {
        Order order = given.authorized();

        Api.Reply reply = api.send(HttpRequest.POST(OrdersOverHttp.path(order, "cancel"), ""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "CANCELLED");
        assertThat(gateway.operations()).contains("void " + paymentOf(order));
    }

    @Test
    void given_a_pending_order_when_cancelled_then_its_checkout_is_closed_and_the_order_cancelled() {
        Order order = given.pending();

        Api.Reply reply = api.send(HttpRequest.POST(OrdersOverHttp.path(order, "cancel"), ""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "CANCELLED");
        assertThat(gateway.operations()).contains("cancel checkout " + order.session().orElseThrow().id());
        assertThat(given.stored(order).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @ParameterizedTest(name = "{0} a pending order")
    @CsvSource({"capture, {}", "refund, {}"})
    void given_a_pending_order_when_money_is_moved_then_409_naming_the_status_and_the_provider_is_not_asked(
            String operation, String body) {
        Order order = given.pending();
        int operationsBefore = gateway.operations().size();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, operation), body);

        assertRefused(reply, "PENDING");
        assertThat(gateway.operations()).hasSize(operationsBefore);
    }

    @Test
    void given_an_authorized_order_when_more_than_it_holds_is_captured_then_409_and_the_provider_is_not_asked() {
        Order order = given.authorized();
        int operationsBefore = gateway.operations().size();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 29901}");

        assertRefused(reply, "AUTHORIZED");
        assertThat(gateway.operations()).hasSize(operationsBefore);
    }

    @Test
    void given_an_authorized_order_when_refunded_before_any_capture_then_409_and_the_provider_is_not_asked() {
        Order order = given.authorized();
        int operationsBefore = gateway.operations().size();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "refund"), "{\"amount\": 100}");

        assertRefused(reply, "AUTHORIZED");
        assertThat(gateway.operations()).hasSize(operationsBefore);
    }

    @Test
    void given_a_captured_order_when_cancelled_then_409_and_the_provider_is_not_asked() {
        Order order = given.authorized();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{}");
        int operationsBefore = gateway.operations().size();

        Api.Reply reply = api.send(HttpRequest.POST(OrdersOverHttp.path(order, "cancel"), ""));

        assertRefused(reply, "CAPTURED");
        assertThat(gateway.operations()).hasSize(operationsBefore);
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"0", "-5", "12.5", "1e30", "\"abc\"", "100000000001"})
    void given_a_bad_amount_when_captured_then_400_names_the_amount_and_the_provider_is_not_asked(String amount) {
        Order order = given.authorized();
        int operationsBefore = gateway.operations().size();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": " + amount + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.errorFields()).containsExactly("amount");
        assertThat(gateway.operations()).hasSize(operationsBefore);
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"0", "12.5"})
    void given_a_bad_amount_when_refunded_then_400_names_the_amount(String amount) {
        Order order = given.authorized();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "refund"), "{\"amount\": " + amount + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("amount");
    }

    @Test
    void given_a_reason_longer_than_255_characters_when_refunded_then_400_names_the_reason() {
        Order order = given.authorized();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "refund"), "{\"reason\": \"" + "r".repeat(256) + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("reason");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"capture", "refund", "cancel"})
    void given_no_such_order_when_an_operation_is_asked_for_then_404_order_not_found(String operation) {
        String unknown = UUID.randomUUID().toString();

        Api.Reply reply = api.postJson("/orders/" + unknown + "/" + operation, "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).containsEntry("code", "order_not_found").containsEntry("order_id", unknown);
    }

    @Test
    void given_an_order_when_read_after_operations_then_it_shows_the_amounts_captured_and_refunded() {
        Order order = given.authorized();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 20000}");
        api.postJson(OrdersOverHttp.path(order, "refund"), "{\"amount\": 1500}");

        Map<String, Object> read = api.get("/orders/" + order.id()).json();

        assertThat(read).containsEntry("status", "PARTIALLY_REFUNDED").containsEntry("captured_amount", 20000)
                .containsEntry("refunded_amount", 1500);
    }

    private static void assertRefused(Api.Reply reply, String currentStatus) {
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "operation_not_allowed")
                .containsEntry("current_status", currentStatus);
    }

    private PaymentId paymentOf(Order order) {
        return given.stored(order).payment().paymentId().orElseThrow();
    }
}
