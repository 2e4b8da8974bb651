package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing provider stays failing in the fake, so every test gets a fresh application. */
@MicronautTest(rebuildContext = true)
class ProviderFailureHttpTest {

    @Inject
    Api api;
    @Inject
    InMemoryOrderRepository orders;
    @Inject
    FakePaymentGateway gateway;

    @Test
    void given_an_unavailable_provider_when_an_order_is_posted_then_502_names_the_order_stored_as_failed() {
        gateway.failCheckouts(Kind.UNAVAILABLE);

        Api.Reply reply = api.createOrder(29900, "NOK", "receipt#1");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "provider_unavailable");
        assertStoredAsFailed(reply);
    }

    @Test
    void given_a_provider_that_rejects_the_checkout_when_an_order_is_posted_then_502() {
        gateway.failCheckouts(Kind.REJECTED);

        Api.Reply reply = api.createOrder(29900, "NOK", "receipt#1");

        assertThat(reply.status()).isEqualTo(502);
        assertStoredAsFailed(reply);
    }

    @Test
    void given_a_provider_that_times_out_when_an_order_is_posted_then_504_names_the_order_stored_as_failed() {
        gateway.failCheckouts(Kind.TIMEOUT);

        Api.Reply reply = api.createOrder(29900, "NOK", "receipt#1");

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.json()).containsEntry("code", "provider_timeout");
        assertStoredAsFailed(reply);
    }

    @Test
    void given_a_provider_that_cannot_be_asked_when_the_buyer_returns_then_502_and_the_order_is_unchanged() {
        String id = (String) api.createOrder(29900, "NOK", "r").json().get("id");
        Order order = orders.findById(OrderId.parse(id)).orElseThrow();
        String paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        gateway.failFetches(Kind.UNAVAILABLE);

        Api.Reply reply = api.get("/orders/" + id + "/redirect?payment_id=" + paymentId);

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "provider_unavailable");
        assertThat(orders.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void given_a_provider_that_times_out_when_the_buyer_returns_then_504() {
        String id = (String) api.createOrder(29900, "NOK", "r").json().get("id");
        String paymentId = gateway.paymentFor(orders.findById(OrderId.parse(id)).orElseThrow(), OrderStatus.AUTHORIZED);
        gateway.failFetches(Kind.TIMEOUT);

        Api.Reply reply = api.get("/orders/" + id + "/redirect?payment_id=" + paymentId);

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.json()).containsEntry("code", "provider_timeout");
    }

    private void assertStoredAsFailed(Api.Reply reply) {
        String id = (String) reply.json().get("order_id");
        assertThat(reply.json()).containsEntry("instance", "/orders/" + id);
        List<Order> stored = orders.findNewestFirst(Optional.empty(), 10);
        assertThat(stored).singleElement().satisfies(order -> {
            assertThat(order.id().toString()).isEqualTo(id);
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        });
        Map<String, Object> failed = api.get("/orders/" + id).json();
        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((List<?>) failed.getOrDefault("links", List.of())).isEmpty();
    }
}
