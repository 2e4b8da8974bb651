package dev.orderpay.adapter.rest;

import dev.orderpay.adapter.rest.idempotency.IdempotencyHeaders;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capture, refund and cancel with an Idempotency-Key, through HTTP with the real services, the in-memory key store
 * and the fake provider: a repeat gets the first answer, marked as replayed, and the provider is asked once.
 */
@MicronautTest
class IdempotentOperationsHttpTest {

    private static final int CONCURRENT_REPEATS = 16;

    @Inject
    Api api;
    @Inject
    OrdersOverHttp given;
    @Inject
    RecordingPaymentGateway gateway;

    @Test
    void given_a_captured_request_when_it_is_repeated_then_the_same_answer_comes_back_replayed_and_one_capture_is_made() {
        Order order = given.authorized();
        String key = uniqueKey();

        Api.Reply first = api.send(keyed(key, capture(order, "{\"amount\": 10000}")));
        Api.Reply again = api.send(keyed(key, capture(order, "{\"amount\": 10000}")));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).isEmpty();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).contains("true");
        assertThat(again.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(capturesOf(order)).isEqualTo(1);
    }

    @Test
    void given_a_captured_request_when_the_order_changed_since_then_the_repeat_still_shows_the_first_answer() {
        Order order = given.authorized();
        String key = uniqueKey();
        Api.Reply first = api.send(keyed(key, capture(order, "{\"amount\": 10000}")));
        api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        Api.Reply again = api.send(keyed(key, capture(order, "{\"amount\": 10000}")));

        assertThat(again.json()).containsEntry("status", "PARTIALLY_CAPTURED").containsEntry("captured_amount", 10000);
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void given_a_request_refused_for_bad_input_when_it_is_corrected_with_the_same_key_then_it_goes_through() {
        Order order = given.authorized();
        String key = uniqueKey();

        Api.Reply refused = api.send(keyed(key, capture(order, "{\"amount\": -5}")));
        Api.Reply corrected = api.send(keyed(key, capture(order, "{\"amount\": 5000}")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("amount");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).isEmpty();
        assertThat(corrected.json()).containsEntry("captured_amount", 5000);
    }

    @Test
    void given_a_key_that_is_too_long_when_a_capture_is_sent_then_400_names_the_header_and_nothing_is_captured() {
        Order order = given.authorized();

        Api.Reply reply = api.send(keyed("k".repeat(256), capture(order, "{}")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly(IdempotencyHeaders.IDEMPOTENCY_KEY);
        assertThat(capturesOf(order)).isZero();
    }

    @Test
    void given_a_used_key_when_it_comes_with_other_parameters_another_order_or_another_path_then_422() {
        Order order = given.authorized();
        Order other = given.authorized();
        String key = uniqueKey();
        api.send(keyed(key, capture(order, "{\"amount\": 10000}")));

        List<Api.Reply> reused = List.of(
                api.send(keyed(key, capture(order, "{\"amount\": 10001}"))),
                api.send(keyed(key, capture(other, "{\"amount\": 10000}"))),
                api.send(keyed(key, HttpRequest.POST(OrdersOverHttp.path(order, "refund"), "{\"amount\": 10000}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE))),
                api.send(keyed(key, HttpRequest.POST(OrdersOverHttp.path(order, "cancel"), ""))));

        assertThat(reused).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
            assertThat(reply.json()).containsEntry("code", "idempotency_key_reused");
        });
        assertThat(capturesOf(order)).isEqualTo(1);
        assertThat(capturesOf(other)).isZero();
        assertThat(gateway.operations()).noneMatch(operation -> operation.startsWith("refund")
                || operation.startsWith("void"));
    }

    @Test
    void given_a_capture_the_order_did_not_allow_when_it_is_repeated_after_payment_then_the_409_is_replayed() {
        Order order = given.pending();
        String key = uniqueKey();

        Api.Reply refused = api.send(keyed(key, capture(order, "{}")));
        api.get("/orders/" + order.id() + "/redirect?payment_id=" + gateway.paymentFor(order, OrderStatus.AUTHORIZED));
        assertThat(given.stored(order).status()).isEqualTo(OrderStatus.AUTHORIZED);
        Api.Reply again = api.send(keyed(key, capture(order, "{}")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json()).containsEntry("code", "operation_not_allowed")
                .containsEntry("current_status", "PENDING");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(again.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).contains("true");
        // The same problem, but its request_id names the request it answers, as its Request-Id header does.
        assertThat(withoutRequestId(again.json())).isEqualTo(withoutRequestId(refused.json()));
        assertThat(again.json().get("request_id")).isEqualTo(again.header("Request-Id").orElseThrow())
                .isNotEqualTo(refused.json().get("request_id"));
        assertThat(capturesOf(order)).isZero();
    }

    @Test
    void given_a_key_used_by_another_client_when_this_client_sends_it_then_its_own_request_is_carried_out() {
        Order theirs = given.authorized();
        Order mine = given.authorized();
        String key = uniqueKey();
        api.sendWithKey(Api.SECOND_MERCHANT_KEY, keyed(key, capture(theirs, "{}")));

        Api.Reply reply = api.send(keyed(key, capture(mine, "{}")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).isEmpty();
        assertThat(capturesOf(mine)).isEqualTo(1);
    }

    @Test
    void given_a_cancellation_with_a_key_when_it_is_repeated_then_the_same_answer_comes_back_replayed() {
        Order order = given.authorized();
        String key = uniqueKey();

        Api.Reply first = api.send(keyed(key, HttpRequest.POST(OrdersOverHttp.path(order, "cancel"), "")));
        Api.Reply again = api.send(keyed(key, HttpRequest.POST(OrdersOverHttp.path(order, "cancel"), "")));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).containsEntry("status", "CANCELLED");
        assertThat(again.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(gateway.operations()).filteredOn(operation -> operation.startsWith("void " + paymentOf(order)))
                .hasSize(1);
    }

    @Test
    void given_a_refund_with_a_key_when_it_is_repeated_then_the_money_is_refunded_once() {
        Order order = given.authorized();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{}");
        String key = uniqueKey();
        String body = "{\"amount\": 5000, \"reason\": \"damaged\"}";

        Api.Reply first = api.send(keyed(key, HttpRequest.POST(OrdersOverHttp.path(order, "refund"), body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)));
        Api.Reply again = api.send(keyed(key, HttpRequest.POST(OrdersOverHttp.path(order, "refund"), body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)));

        assertThat(first.json()).containsEntry("refunded_amount", 5000);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(gateway.operations()).filteredOn(operation -> operation.startsWith("refund " + paymentOf(order)))
                .hasSize(1);
    }

    @Test
    void given_many_repeats_at_once_while_the_provider_is_slow_then_one_capture_is_made_and_the_rest_are_told_to_wait()
            throws Exception {
        Order order = given.authorized();
        String key = uniqueKey();
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_REPEATS);
        CompletionService<Api.Reply> replies = new ExecutorCompletionService<>(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Api.Reply> answered = new ArrayList<>();
        gateway.holdCaptures();
        try {
            for (int i = 0; i < CONCURRENT_REPEATS; i++) {
                replies.submit(() -> {
                    start.await();
                    return api.send(keyed(key, capture(order, "{}")));
                });
            }
            start.countDown();
            gateway.awaitHeldCapture();
            // Every request but the one held in the provider is answered while it is held.
            for (int i = 1; i < CONCURRENT_REPEATS; i++) {
                answered.add(take(replies));
            }
        } finally {
            gateway.releaseCaptures();
        }
        Api.Reply held = take(replies);
        clients.shutdown();

        assertThat(held.status()).isEqualTo(200);
        assertThat(held.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).isEmpty();
        assertThat(answered).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.json()).containsEntry("code", "idempotency_request_in_progress");
            assertThat(reply.header(HttpHeaders.RETRY_AFTER)).contains("1");
        });
        assertThat(capturesOf(order)).isEqualTo(1);
        Api.Reply later = api.send(keyed(key, capture(order, "{}")));
        assertThat(later.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).contains("true");
        assertThat(later.body()).isEqualTo(held.body());
    }

    private static Api.Reply take(CompletionService<Api.Reply> replies) throws Exception {
        Future<Api.Reply> next = replies.poll(20, TimeUnit.SECONDS);
        assertThat(next).as("an answer within 20 s").isNotNull();
        return next.get();
    }

    private long capturesOf(Order order) {
        return gateway.operations().stream()
                .filter(operation -> operation.startsWith("capture " + paymentOf(order) + " "))
                .count();
    }

    private String paymentOf(Order order) {
        return given.stored(order).payment().paymentId().map(Object::toString).orElse("no payment");
    }

    private static Map<String, Object> withoutRequestId(Map<String, Object> problem) {
        Map<String, Object> rest = new HashMap<>(problem);
        rest.remove("request_id");
        return rest;
    }

    private static MutableHttpRequest<?> capture(Order order, String body) {
        return HttpRequest.POST(OrdersOverHttp.path(order, "capture"), body)
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static MutableHttpRequest<?> keyed(String key, MutableHttpRequest<?> request) {
        return request.header(IdempotencyHeaders.IDEMPOTENCY_KEY, key);
    }

    private static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }
}
