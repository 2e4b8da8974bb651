package dev.orderpay.adapter.rest;

import dev.orderpay.adapter.rest.idempotency.IdempotencyHeaders;
import dev.orderpay.application.port.out.CheckoutRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /orders with an Idempotency-Key, through the real CreateOrderService and its in-memory key store. */
@MicronautTest
class IdempotentCreateHttpTest {

    @Inject
    Api api;
    @Inject
    RecordingPaymentGateway gateway;

    @Test
    void given_a_created_order_when_the_same_request_comes_again_with_its_key_then_201_with_the_same_order_replayed() {
        String key = uniqueKey();
        Api.Reply first = api.send(withKey(key, Api.createOrderRequest(29900, "NOK", "receipt#1")));

        Api.Reply again = api.send(withKey(key, Api.createOrderRequest(29900, "NOK", "receipt#1")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).isEmpty();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(checkoutsOpenedFor((String) first.json().get("id"))).isEqualTo(1);
    }

    @Test
    void given_no_key_when_the_same_request_comes_twice_then_two_orders_are_created() {
        String firstId = (String) api.createOrder(100, "NOK", "no key").json().get("id");

        Api.Reply second = api.createOrder(100, "NOK", "no key");

        assertThat(second.json().get("id")).isNotEqualTo(firstId);
        assertThat(second.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).isEmpty();
    }

    @Test
    void given_a_used_key_when_a_different_request_comes_with_it_then_422_and_no_order_or_checkout_is_made() {
        String key = uniqueKey();
        api.send(withKey(key, Api.createOrderRequest(29900, "NOK", "receipt#1")));
        int checkoutsBefore = gateway.checkoutRequests().size();

        Api.Reply reply = api.send(withKey(key, Api.createOrderRequest(30000, "NOK", "receipt#1")));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "idempotency_key_reused");
        assertThat(gateway.checkoutRequests()).hasSize(checkoutsBefore);
    }

    @Test
    void given_a_key_used_by_another_client_when_this_client_sends_it_then_it_gets_its_own_order() {
        String key = uniqueKey();
        String othersOrder = (String) api.sendWithKey(Api.SECOND_MERCHANT_KEY,
                withKey(key, Api.createOrderRequest(29900, "NOK", "receipt#1"))).json().get("id");

        Api.Reply mine = api.send(withKey(key, Api.createOrderRequest(29900, "NOK", "receipt#1")));

        assertThat(mine.status()).isEqualTo(201);
        assertThat(mine.json().get("id")).isNotEqualTo(othersOrder);
        assertThat(mine.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).isEmpty();
    }

    @Test
    void given_the_first_request_still_opening_its_checkout_when_it_is_repeated_then_409_with_retry_after()
            throws Exception {
        String key = uniqueKey();
        gateway.holdCheckouts();
        CompletableFuture<Api.Reply> first;
        Api.Reply repeat;
        try {
            first = CompletableFuture.supplyAsync(
                    () -> api.send(withKey(key, Api.createOrderRequest(29900, "NOK", "slow provider"))));
            gateway.awaitHeldCheckout();

            repeat = api.send(withKey(key, Api.createOrderRequest(29900, "NOK", "slow provider")));
        } finally {
            gateway.releaseCheckouts();
        }

        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(repeat.json()).containsEntry("code", "idempotency_request_in_progress");
        assertThat(repeat.header(HttpHeaders.RETRY_AFTER)).contains("1");
        Api.Reply created = first.get(10, TimeUnit.SECONDS);
        assertThat(created.status()).isEqualTo(201);
        assertThat(checkoutsOpenedFor((String) created.json().get("id"))).isEqualTo(1);
    }

    @ParameterizedTest(name = "[{index}] key of {0} characters")
    @ValueSource(ints = {0, 256})
    void given_a_key_that_is_empty_or_too_long_when_posted_then_400_names_the_header(int length) {
        Api.Reply reply = api.send(withKey("k".repeat(length), Api.createOrderRequest(100, "NOK", "r")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly(IdempotencyHeaders.IDEMPOTENCY_KEY);
    }

    private long checkoutsOpenedFor(String orderId) {
        return gateway.checkoutRequests().stream().map(CheckoutRequest::orderId)
                .filter(id -> id.toString().equals(orderId)).count();
    }

    private static MutableHttpRequest<?> withKey(String key, MutableHttpRequest<?> request) {
        return request.header(IdempotencyHeaders.IDEMPOTENCY_KEY, key);
    }

    private static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }
}
