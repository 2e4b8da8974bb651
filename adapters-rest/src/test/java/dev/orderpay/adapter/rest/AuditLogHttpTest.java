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
    void given_a_capture_sent_twice_with_one_idempotency_key_then_the_repeat_adds_no_entry() {
        Order order = given.authorized();

        for (int attempt = 0; attempt < 2; attempt++) {
            api.send(HttpRequest.POST(OrdersOverHttp.path(order, "capture"), "{\"amount\": 5000}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotency-Key", "audit-once"));
        }

        assertThat(entriesAbout(order)).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("action", "payment.capture_requested"));
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
    void given_a_period_that_ends_before_it_starts_when_listed_then_400_names_created_to() {
        Api.Reply reply = api.get("/audit-log?created_from=2026-12-05T00:00:00Z&created_to=2026-12-04T00:00:00Z");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("created_to");
    }

    @Test
    void given_an_actor_nobody_is_when_listed_by_it_then_the_page_is_empty_with_no_next_link() {
        given.authorized();

        Api.Reply reply = api.get("/audit-log?actor=key-nobody");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.list("entries")).isEmpty();
        assertThat(reply.list("links")).isEmpty();
    }

    @Test
    void given_an_endpoint_created_changed_rotated_and_deleted_then_each_left_one_entry_and_no_secret_shows() {
        Api.Reply created = api.postJson("/webhook-endpoints", "{\"url\": \"https://merchant.example.test/audit\"}");
        String id = (String) created.json().get("id");
        String endpoint = "/webhook-endpoints/" + id;

        api.send(HttpRequest.PATCH(endpoint, "{\"enabled\": false}").contentType(MediaType.APPLICATION_JSON_TYPE));
        Api.Reply rotated = api.send(HttpRequest.POST(endpoint + "/rotate-secret", ""));
        api.send(HttpRequest.DELETE(endpoint));
        Api.Reply log = api.get("/audit-log?target_id=" + id);

        assertThat(log.list("entries")).extracting(entry -> entry.get("action"))
                .containsExactly("webhook_endpoint.deleted", "webhook_endpoint.secret_rotated",
                        "webhook_endpoint.updated", "webhook_endpoint.created");
        assertThat(log.list("entries")).allSatisfy(entry -> assertThat(entry)
                .containsEntry("target_type", "webhook_endpoint").doesNotContainKeys("amount", "currency"));
        assertThat(log.body()).doesNotContain((String) created.json().get("secret"))
                .doesNotContain((String) rotated.json().get("secret")).doesNotContain("whsec_");
    }

    @Test
    void given_a_key_created_and_revoked_then_both_are_logged_under_the_creator_and_the_key_itself_never() {
        Api.Reply created = api.postJson("/api-keys", "{\"name\": \"audited\", \"scopes\": [\"orders:read\"]}");
        String id = (String) created.json().get("id");

        api.send(HttpRequest.DELETE("/api-keys/" + id));
        api.send(HttpRequest.DELETE("/api-keys/" + id));
        Api.Reply log = api.get("/audit-log?target_id=" + id);

        assertThat(log.list("entries")).extracting(entry -> entry.get("action"), entry -> entry.get("target_type"))
                .containsExactly(tuple("api_key.revoked", "api_key"), tuple("api_key.created", "api_key"));
        assertThat(log.body()).doesNotContain((String) created.json().get("key"));
    }

    @Test
    void given_a_managed_key_that_manages_keys_when_it_creates_a_key_then_the_entry_names_it_by_its_id() {
        Api.Reply manager = api.postJson("/api-keys", "{\"name\": \"manager\", \"scopes\": [\"keys:manage\"]}");
        String managerId = (String) manager.json().get("id");

        api.sendWithKey((String) manager.json().get("key"), HttpRequest.POST("/api-keys",
                "{\"name\": \"made by manager\", \"scopes\": [\"keys:manage\"]}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        Api.Reply log = api.get("/audit-log?actor=" + managerId);

        assertThat(log.list("entries")).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("actor", managerId).containsEntry("action", "api_key.created"));
    }

    @Test
    void given_an_event_redelivered_then_the_entry_names_the_event() {
        Order order = given.pending();
        String eventId = (String) api.get("/orders/" + order.id() + "/events").list("events").get(0).get("id");

        Api.Reply redelivered = api.send(HttpRequest.POST("/events/" + eventId + "/redeliver", ""));

        assertThat(redelivered.status()).isEqualTo(202);
        assertThat(api.get("/audit-log?target_id=" + eventId).list("entries")).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("action", "event.redelivered")
                        .containsEntry("target_type", "event"));
    }

    @Test
    void given_an_unknown_endpoint_deleted_or_rotated_then_404_and_no_entry() {
        String unknown = "/webhook-endpoints/3f2c9a5e-5a4e-4d7b-9d7e-2f0e8a6b1c77";

        Api.Reply deleted = api.send(HttpRequest.DELETE(unknown));
        Api.Reply rotated = api.send(HttpRequest.POST(unknown + "/rotate-secret", ""));

        assertThat(deleted.status()).isEqualTo(404);
        assertThat(rotated.status()).isEqualTo(404);
        assertThat(api.get("/audit-log?target_id=3f2c9a5e-5a4e-4d7b-9d7e-2f0e8a6b1c77").list("entries")).isEmpty();
    }

    private List<Map<String, Object>> entriesAbout(Order order) {
        Api.Reply reply = api.get("/audit-log?target_id=" + order.id());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list("entries");
    }
}
