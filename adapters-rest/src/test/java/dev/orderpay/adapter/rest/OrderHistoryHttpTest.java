package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@MicronautTest
class OrderHistoryHttpTest {

    @Inject
    Api api;
    @Inject
    InMemoryOrderRepository orders;
    @Inject
    FakePaymentGateway gateway;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"?include=history", "/history"})
    void given_a_return_and_a_callback_when_the_history_is_read_then_both_steps_show_oldest_first_with_references(
            String suffix) {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        api.get("/orders/" + order.id() + "/redirect?payment_id=" + paymentId);
        gateway.changeStatus(paymentId, OrderStatus.CAPTURED);
        api.send(HttpRequest.GET("/orders/" + order.id() + "/callback?payment_id=" + paymentId + "&event_id=evt-9")
                .header(FakePaymentGateway.SIGNATURE_HEADER, FakePaymentGateway.VALID_SIGNATURE));

        Api.Reply reply = api.get("/orders/" + order.id() + suffix);

        assertThat(reply.status()).isEqualTo(200);
        List<Map<String, Object>> history = reply.list("history");
        assertThat(history).extracting(step -> step.get("from"), step -> step.get("to"), step -> step.get("source"),
                        step -> step.get("provider_reference"))
                .containsExactly(
                        tuple("PENDING", "AUTHORIZED", "REDIRECT", paymentId.value()),
                        tuple("AUTHORIZED", "CAPTURED", "CALLBACK", "evt-9"));
        Instant first = Instant.parse((String) history.get(0).get("at"));
        Instant second = Instant.parse((String) history.get(1).get("at"));
        assertThat(first).isBefore(second);
    }

    @Test
    void given_the_order_with_its_history_then_the_order_fields_are_those_of_the_plain_order() {
        Order order = anOrder();

        Map<String, Object> withHistory = api.get("/orders/" + order.id() + "?include=history").json();
        Map<String, Object> plain = api.get("/orders/" + order.id()).json();

        assertThat(plain).doesNotContainKey("history");
        assertThat(withHistory).containsAllEntriesOf(plain).containsEntry("history", List.of());
    }

    @Test
    void given_a_cancel_return_the_provider_confirms_when_the_history_is_read_then_the_checkout_is_the_reference() {
        Order order = anOrder();
        gateway.endCheckout(order.session().orElseThrow().id(), CheckoutEnding.CANCELLED);
        api.get("/orders/" + order.id() + "/redirect?error=cancelled");

        List<Map<String, Object>> history = api.get("/orders/" + order.id() + "/history").list("history");

        assertThat(history).singleElement().satisfies(step -> assertThat(step)
                .containsEntry("from", "PENDING").containsEntry("to", "CANCELLED").containsEntry("source", "REDIRECT")
                .containsEntry("provider_reference", order.session().orElseThrow().id().value()));
    }

    @ParameterizedTest(name = "include={0}")
    @ValueSource(strings = {"links", "history,payments", "HISTORY"})
    void given_an_include_this_resource_does_not_know_then_400_names_include(String include) {
        Api.Reply reply = api.get("/orders/" + anOrder().id() + "?include=" + include);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.errorFields()).containsExactly("include");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"include=history&include=history", "include=history,history"})
    void given_history_asked_for_twice_when_read_then_it_is_included_once(String query) {
        Api.Reply reply = api.get("/orders/" + anOrder().id() + "?" + query);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("history", List.of());
    }

    @Test
    void given_no_such_order_when_its_history_is_read_then_404_order_not_found() {
        String unknown = UUID.randomUUID().toString();

        Api.Reply reply = api.get("/orders/" + unknown + "/history");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).containsEntry("code", "order_not_found").containsEntry("order_id", unknown);
    }

    private Order anOrder() {
        String id = (String) api.createOrder(29900, "NOK", "with history").json().get("id");
        return orders.findById(OrderId.parse(id)).orElseThrow();
    }
}
