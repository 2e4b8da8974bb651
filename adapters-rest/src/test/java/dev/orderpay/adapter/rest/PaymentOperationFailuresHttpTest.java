package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PendingOperation;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider that defers, refuses or loses its answers stays that way in the fake, so every test gets a fresh one. */
@MicronautTest(rebuildContext = true)
class PaymentOperationFailuresHttpTest {

    private static final String BEING_CONFIRMED = "The outcome is being confirmed";
    private static final String AS_BEFORE = "The order is as before.";

    @Inject
    Api api;
    @Inject
    OrdersOverHttp given;
    @Inject
    RecordingPaymentGateway gateway;

    @Test
    void given_a_provider_that_captures_later_when_captured_then_202_with_the_pending_capture_and_nothing_captured() {
        Order order = given.authorized();
        gateway.acceptOperationsForLater();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 10000}");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json()).containsEntry("status", "AUTHORIZED").containsEntry("captured_amount", 0);
        Map<String, Object> pending = reply.object("pending_operation");
        assertThat(pending).containsEntry("type", "CAPTURE").containsEntry("amount", 10000);
        assertThat(Instant.parse((String) pending.get("started_at"))).isNotNull();
        assertThat(api.get("/orders/" + order.id()).object("pending_operation")).isEqualTo(pending);
    }

    @Test
    void given_a_capture_under_way_when_another_is_asked_for_then_409_and_the_provider_is_not_asked_again() {
        Order order = given.authorized();
        gateway.acceptOperationsForLater();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 10000}");
        int operationsBefore = gateway.operations().size();

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 10000}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json()).containsEntry("code", "operation_not_allowed")
                .containsEntry("current_status", "AUTHORIZED");
        assertThat(gateway.operations()).hasSize(operationsBefore);
    }

    @Test
    void given_a_provider_that_voids_later_when_cancelled_then_202_with_a_pending_cancel_without_an_amount() {
        Order order = given.authorized();
        gateway.acceptOperationsForLater();

        Api.Reply reply = api.send(HttpRequest.POST(OrdersOverHttp.path(order, "cancel"), ""));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json()).containsEntry("status", "AUTHORIZED");
        assertThat(reply.object("pending_operation")).containsEntry("type", "CANCEL").doesNotContainKey("amount");
    }

    @Test
    void given_a_provider_that_refuses_when_captured_then_502_saying_the_order_is_as_before_and_a_retry_may_start() {
        Order order = given.authorized();
        gateway.failOperations(Kind.REJECTED);

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "provider_unavailable")
                .containsEntry("order_id", order.id().toString());
        assertThat((String) reply.json().get("detail")).contains(AS_BEFORE).doesNotContain(BEING_CONFIRMED);
        assertThat(given.stored(order).pendingOperation()).isEmpty();
        assertThat(given.stored(order).status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void given_a_provider_that_cannot_be_reached_when_captured_then_502_saying_the_outcome_is_being_confirmed() {
        Order order = given.authorized();
        gateway.failOperations(Kind.UNAVAILABLE);

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json()).containsEntry("code", "provider_unavailable");
        assertThat((String) reply.json().get("detail")).contains(BEING_CONFIRMED, "Do not retry blindly");
        assertThat(given.stored(order).pendingOperation()).map(PendingOperation::type)
                .contains(PendingOperation.Type.CAPTURE);
    }

    @Test
    void given_a_capture_whose_answer_is_lost_and_cannot_be_checked_then_504_and_the_capture_stays_pending() {
        Order order = given.authorized();
        gateway.loseOperationAnswers(Kind.TIMEOUT);
        gateway.failFetches(Kind.TIMEOUT);

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": 5000}");

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "provider_timeout")
                .containsEntry("instance", "/orders/" + order.id());
        assertThat((String) reply.json().get("detail")).contains(BEING_CONFIRMED, "Do not retry blindly");
        assertThat(given.stored(order).pendingOperation()).isPresent();
        assertThat(given.stored(order).payment().captured().isZero()).isTrue();
    }

    @Test
    void given_a_capture_whose_answer_is_lost_when_the_payment_shows_it_done_then_200_captured() {
        Order order = given.authorized();
        // Without reading the payment again after the lost answer, this would be a 504.
        gateway.loseOperationAnswers(Kind.TIMEOUT);

        Api.Reply reply = api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "CAPTURED").containsEntry("captured_amount", 29900)
                .doesNotContainKey("pending_operation");
    }

    @Test
    void given_a_provider_that_times_out_closing_a_checkout_when_cancelled_then_504_and_the_order_is_as_before() {
        Order order = given.pending();
        gateway.failOperations(Kind.TIMEOUT);

        Api.Reply reply = api.send(HttpRequest.POST(OrdersOverHttp.path(order, "cancel"), ""));

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.json()).containsEntry("code", "provider_timeout");
        assertThat((String) reply.json().get("detail")).contains(AS_BEFORE);
        assertThat(given.stored(order).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(given.stored(order).pendingOperation()).isEmpty();
    }
}
