package dev.orderpay.adapter.rest;

import dev.orderpay.domain.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** GET /audit-log, and the entries capture, refund and cancel leave in it, through HTTP. */
@MicronautTest
class AuditLogHttpTest {

    @Inject
    Api api;
    @Inject
    OrdersOverHttp given;

    @Test
    void given_a_capture_sent_with_a_request_id_when_the_log_is_read_then_one_entry_names_who_what_and_how_much() {
        Order order = given.authorized();

        Api.Reply capture = api.send(HttpRequest.POST(OrdersOverHttp.path(order, "capture"), "{\"amount\": 10000}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Request-Id", "capture-request-1"));
        List<Map<String, Object>> entries = entriesAbout(order);

        assertThat(capture.status()).isEqualTo(200);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("action", "payment.capture_requested")
                    .containsEntry("target_type", "order").containsEntry("target_id", order.id().toString())
                    .containsEntry("request_id", "capture-request-1").containsEntry("amount", 10000)
                    .containsEntry("currency", "NOK").containsKeys("id", "occurred_at");
            // The environment key's client id, never the key.
            assertThat((String) entry.get("actor")).startsWith("key-").doesNotContain(Api.MERCHANT_KEY);
        });
    }

    @Test
    void given_a_captured_order_when_all_is_refunded_then_the_refund_is_logged_with_the_amount_it_came_to() {
        Order order = given.authorized();
        api.postJson(OrdersOverHttp.path(order, "capture"), "{}");

        api.postJson(OrdersOverHttp.path(order, "refund"), "{\"reason\": \"returned\"}");

        assertThat(entriesAbout(order)).extracting(entry -> entry.get("action"), entry -> entry.get("amount"))
                .containsExactly(tuple("payment.refund_requested", 29900),
                        tuple("payment.capture_requested", 29900));
    }

    @Test
    void given_an_authorized_order_when_cancelled_then_the_entry_has_no_amount() {
        Order order = given.authorized();

        api.send(HttpRequest.POST(OrdersOverHttp.path(order, "cancel"), ""));

        assertThat(entriesAbout(order)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "payment.cancel_requested").doesNotContainKeys("amount", "currency"));
    }

    @Test
    void given_requests_refused_before_anything_changed_when_the_log_is_read_then_they_left_no_entry() {
        Order order = given.pending();

        Api.Reply refund = api.postJson(OrdersOverHttp.path(order, "refund"), "{}");
        Api.Reply badAmount = api.postJson(OrdersOverHttp.path(order, "capture"), "{\"amount\": -1}");

        assertThat(refund.status()).isEqualTo(409);
        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(entriesAbout(order)).isEmpty();
    }

    @Test
    void given_more_entries_than_a_page_when_listed_by_action_then_the_next_link_keeps_the_filter_and_goes_on() {
        Order first = given.authorized();
        Order second = given.authorized();
        api.postJson(OrdersOverHttp.path(first, "capture"), "{}");
        api.postJson(OrdersOverHttp.path(second, "capture"), "{}");
        api.send(HttpRequest.POST(OrdersOverHttp.path(second, "refund"), "{}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));

        Api.Reply firstPage = api.get("/audit-log?limit=1&action=payment.capture_requested");
        String next = (String) firstPage.list("links").get(0).get("href");
        Api.Reply secondPage = api.get(next);

        assertThat(next).contains("action=payment.capture_requested").contains("limit=1");
        assertThat(firstPage.list("entries")).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("target_id", second.id().toString()));
        assertThat(secondPage.list("entries")).first()
                .satisfies(entry -> assertThat(entry).containsEntry("target_id", first.id().toString())
                        .containsEntry("action", "payment.capture_requested"));
    }

    @Test
    void given_an_unknown_action_and_a_bad_cursor_when_listed_then_400_names_both() {
        Api.Reply reply = api.get("/audit-log?action=payment.stolen&cursor=nonsense");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("action", "cursor");
    }

    @Test
    void given_an_actor_nobody_is_when_listed_by_it_then_the_page_is_empty_with_no_next_link() {
        given.authorized();

        Api.Reply reply = api.get("/audit-log?actor=key-nobody");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.list("entries")).isEmpty();
        assertThat(reply.list("links")).isEmpty();
    }

    private List<Map<String, Object>> entriesAbout(Order order) {
        Api.Reply reply = api.get("/audit-log?target_id=" + order.id());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list("entries");
    }
}
