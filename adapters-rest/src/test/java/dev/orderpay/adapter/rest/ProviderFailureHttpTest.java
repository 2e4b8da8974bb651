package dev.orderpay.adapter.rest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderpay.adapter.rest.idempotency.IdempotencyHeaders;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.PaymentProviderException.Kind;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"UNAVAILABLE", "TIMEOUT"})
    void given_a_checkout_that_failed_for_a_keyed_request_when_it_is_repeated_then_the_failure_is_replayed_as_it_was(
            Kind kind) {
        gateway.failCheckouts(kind);
        String key = "key-" + UUID.randomUUID();

        Api.Reply first = api.send(Api.createOrderRequest(29900, "NOK", "receipt#1")
                .header(IdempotencyHeaders.IDEMPOTENCY_KEY, key));
        Api.Reply again = api.send(Api.createOrderRequest(29900, "NOK", "receipt#1")
                .header(IdempotencyHeaders.IDEMPOTENCY_KEY, key));

        int status = kind == Kind.TIMEOUT ? 504 : 502;
        assertThat(first.status()).isEqualTo(status);
        assertThat(again.status()).isEqualTo(status);
        assertThat(again.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(again.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).contains("true");
        Map<String, Object> firstProblem = new HashMap<>(first.json());
        Map<String, Object> replayedProblem = new HashMap<>(again.json());
        assertThat(replayedProblem.remove("request_id")).isEqualTo(again.header("Request-Id").orElseThrow());
        firstProblem.remove("request_id");
        assertThat(replayedProblem).isEqualTo(firstProblem).containsKey("order_id");
        assertThat(gateway.checkoutRequests()).hasSize(1);
        assertThat(orders.findNewestFirst(OrderFilter.NONE, Optional.empty(), 10)).hasSize(1);
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
    void given_an_unavailable_provider_when_an_order_is_posted_then_the_failure_is_logged_with_the_request_id() {
        gateway.failCheckouts(Kind.UNAVAILABLE);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        Api.Reply reply;
        try {
            reply = api.send(Api.createOrderRequest(29900, "NOK", "r").header("X-Request-Id", "failing-create-1"));
        } finally {
            root.detachAppender(logged);
        }

        assertThat(reply.status()).isEqualTo(502);
        assertThat(logged.list).filteredOn(event -> event.getFormattedMessage().contains("failed"))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.getMDCPropertyMap())
                        .containsEntry("request_id", "failing-create-1"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"UNAVAILABLE", "TIMEOUT"})
    void given_a_provider_that_cannot_be_asked_when_the_buyer_returns_then_200_confirming_and_the_order_unchanged(
            Kind failure) {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        gateway.failFetches(failure);

        Api.Reply reply = api.get("/orders/" + order.id() + "/redirect?payment_id=" + paymentId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat((String) reply.json().get("message")).startsWith("We are confirming your payment");
        assertThat(reply.object("order")).containsEntry("status", "PENDING");
        assertThat(stored(order).version()).isEqualTo(order.version());
    }

    @Test
    void given_a_provider_that_cannot_be_asked_when_a_browser_returns_then_a_confirming_page_shows_the_order_as_it_is() {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        gateway.failFetches(Kind.UNAVAILABLE);

        Api.Reply reply = api.send(HttpRequest.GET("/orders/" + order.id() + "/redirect?payment_id=" + paymentId)
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith(MediaType.TEXT_HTML);
        assertThat(reply.body()).contains("<title>Confirming your payment</title>", "We are confirming your payment",
                "<dd>PENDING</dd>");
        assertThat(stored(order).version()).isEqualTo(order.version());
    }

    @Test
    void given_a_provider_that_cannot_be_asked_when_a_cancel_return_comes_then_it_is_recorded_without_a_reference() {
        Order order = anOrder();
        gateway.failFetches(Kind.UNAVAILABLE);

        Api.Reply reply = api.get("/orders/" + order.id() + "/redirect?error=cancelled");

        assertThat(reply.json()).containsEntry("message", "The payment was cancelled.");
        Map<String, Object> step = api.get("/orders/" + order.id() + "?include=history").list("history").get(0);
        assertThat(step).containsEntry("to", "CANCELLED").containsEntry("source", "REDIRECT")
                .containsEntry("provider_reference", null);
    }

    @Test
    void given_a_provider_that_cannot_be_asked_when_a_notification_comes_then_503_and_the_order_is_unchanged() {
        Order order = anOrder();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        gateway.failFetches(Kind.TIMEOUT);

        Api.Reply reply = api.send(HttpRequest.GET("/orders/" + order.id() + "/callback?payment_id=" + paymentId)
                .header(FakePaymentGateway.SIGNATURE_HEADER, FakePaymentGateway.VALID_SIGNATURE));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "notification_retry_later");
        assertThat(stored(order).version()).isEqualTo(order.version());
    }

    private Order anOrder() {
        String id = (String) api.createOrder(29900, "NOK", "r").json().get("id");
        return stored(OrderId.parse(id));
    }

    private Order stored(Order order) {
        return stored(order.id());
    }

    private Order stored(OrderId id) {
        return orders.findById(id).orElseThrow();
    }

    private void assertStoredAsFailed(Api.Reply reply) {
        String id = (String) reply.json().get("order_id");
        assertThat(reply.json()).containsEntry("instance", "/orders/" + id);
        List<Order> stored = orders.findNewestFirst(OrderFilter.NONE, Optional.empty(), 10);
        assertThat(stored).singleElement().satisfies(order -> {
            assertThat(order.id().toString()).isEqualTo(id);
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        });
        Map<String, Object> failed = api.get("/orders/" + id).json();
        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((List<?>) failed.getOrDefault("links", List.of())).isEmpty();
    }
}
