package dev.orderpay.adapter.rest;

import dev.orderpay.adapter.rest.idempotency.IdempotencyHeaders;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.application.port.out.webhook.ScriptedWebhookSender;
import dev.orderpay.application.port.out.webhook.WebhookRequest;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class WebhookEndpointsHttpTest {

    private static final String ENDPOINTS = "/webhook-endpoints";
    private static final String URL = "https://merchant.example.test/hooks";

    @Inject
    Api api;
    @Inject
    InMemoryWebhookEndpoints endpoints;
    @Inject
    ScriptedWebhookSender sender;
    @Inject
    JsonMapper json;

    @BeforeEach
    void noEndpoints() {
        endpoints.findAll().forEach(endpoint -> endpoints.delete(endpoint.id()));
    }

    @Test
    void given_a_url_alone_when_posted_then_201_with_the_endpoint_for_every_type_and_its_secret() {
        Api.Reply reply = api.postJson(ENDPOINTS, "{\"url\": \"" + URL + "\"}");

        assertThat(reply.status()).isEqualTo(201);
        Map<String, Object> body = reply.json();
        String id = (String) body.get("id");
        assertThat(reply.location()).isEqualTo(ENDPOINTS + "/" + id);
        assertThat(body).containsEntry("url", URL).containsEntry("event_types", List.of("*"))
                .containsEntry("enabled", true)
                .doesNotContainKeys("description", "disabled_reason", "disabled_at", "previous_secret_expires_at");
        assertThat((String) body.get("created_at")).endsWith("Z");
        WebhookEndpoint stored = endpoints.findById(WebhookEndpointId.parse(id)).orElseThrow();
        assertThat(body.get("secret")).isEqualTo(stored.secret().value());
        assertThat((String) body.get("secret")).matches("whsec_[0-9a-f]{64}");
    }

    @Test
    void given_event_types_and_a_description_when_posted_then_the_endpoint_shows_them() {
        Api.Reply reply = api.postJson(ENDPOINTS, """
                {"url": "%s", "event_types": ["order.refunded", "order.captured"], "description": "warehouse"}"""
                .formatted(URL));

        assertThat(reply.status()).isEqualTo(201);
        // In the catalogue's order, whatever order they were sent in.
        assertThat(reply.json()).containsEntry("event_types", List.of("order.captured", "order.refunded"))
                .containsEntry("description", "warehouse");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                                           | url
            {"url": "/hooks"}                                                            | url
            {"url": "http://merchant.example.test/hooks"}                                | url
            {"url": 42}                                                                  | url
            {"url": "https://merchant.example.test/", "event_types": []}                 | event_types
            {"url": "https://merchant.example.test/", "event_types": "order.created"}    | event_types
            {"url": "https://merchant.example.test/", "event_types": ["*", "ping"]}      | event_types
            {"url": "https://merchant.example.test/", "event_types": ["order.paid"]}     | event_types[0]
            {"url": "https://merchant.example.test/", "event_types": ["order.created", "ping"]} | event_types[1]
            {"url": "https://merchant.example.test/", "event_types": ["order.created", 7]} | event_types[1]
            {"url": "https://merchant.example.test/", "description": " "}                | description
            {"url": "https://merchant.example.test/", "secret": "whsec_mine"}            | secret
            """)
    void given_one_bad_field_when_posted_then_400_names_it_and_nothing_is_stored(String body, String field) {
        Api.Reply reply = api.postJson(ENDPOINTS, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(endpoints.findAll()).isEmpty();
    }

    @Test
    void given_as_many_endpoints_as_allowed_when_another_is_posted_then_409_limit_reached_and_nothing_is_stored() {
        for (int i = 0; i < UseCasesForTests.MAX_WEBHOOK_ENDPOINTS; i++) {
            assertThat(create().status()).isEqualTo(201);
        }

        Api.Reply reply = create();

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "webhook_endpoint_limit_reached");
        assertThat(endpoints.findAll()).hasSize(UseCasesForTests.MAX_WEBHOOK_ENDPOINTS);
    }

    @Test
    void given_endpoints_when_listed_or_read_then_they_show_without_their_secrets() {
        Map<String, Object> first = create().json();
        Map<String, Object> second = create().json();

        Api.Reply list = api.get(ENDPOINTS);
        Api.Reply one = api.get(ENDPOINTS + "/" + first.get("id"));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.list("endpoints")).extracting(endpoint -> endpoint.get("id"))
                .containsExactly(first.get("id"), second.get("id"));
        assertThat(list.list("endpoints")).allSatisfy(endpoint -> assertThat(endpoint).doesNotContainKey("secret"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).containsEntry("id", first.get("id")).doesNotContainKey("secret");
        assertThat(list.body() + one.body()).doesNotContain((String) first.get("secret"))
                .doesNotContain((String) second.get("secret"));
    }

    @Test
    void given_no_endpoints_when_listed_then_the_list_is_empty_not_missing() {
        assertThat(api.get(ENDPOINTS).list("endpoints")).isEmpty();
    }

    @Test
    void given_an_id_of_no_endpoint_then_each_route_about_one_answers_404_webhook_endpoint_not_found() {
        String path = ENDPOINTS + "/" + WebhookEndpointId.newId();

        List<Api.Reply> replies = List.of(api.get(path), api.send(patch(path, "{\"enabled\": false}")),
                api.send(HttpRequest.DELETE(path)), api.send(HttpRequest.POST(path + "/rotate-secret", "")));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
            assertThat(reply.json()).containsEntry("code", "webhook_endpoint_not_found");
        });
    }

    @Test
    void given_a_path_segment_that_is_no_id_then_404_not_found() {
        Api.Reply reply = api.get(ENDPOINTS + "/endpoint-1");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).containsEntry("code", "not_found");
    }

    @Test
    void given_an_endpoint_when_disabled_and_enabled_again_then_disabled_reason_comes_and_goes() {
        String path = ENDPOINTS + "/" + create().json().get("id");

        Api.Reply disabled = api.send(patch(path, "{\"enabled\": false}"));
        Api.Reply read = api.get(path);
        Api.Reply enabled = api.send(patch(path, "{\"enabled\": true}"));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json()).containsEntry("enabled", false)
                .containsEntry("disabled_reason", "Disabled through the API.").containsKey("disabled_at");
        assertThat(read.json()).containsEntry("enabled", false).containsKey("disabled_reason");
        assertThat(enabled.json()).containsEntry("enabled", true).doesNotContainKeys("disabled_reason", "disabled_at");
    }

    @Test
    void given_an_endpoint_when_patched_then_only_the_fields_sent_change() {
        Map<String, Object> created = api.postJson(ENDPOINTS, """
                {"url": "%s", "description": "first"}""".formatted(URL)).json();
        String path = ENDPOINTS + "/" + created.get("id");

        Api.Reply types = api.send(patch(path, "{\"event_types\": [\"order.created\"]}"));
        Api.Reply moved = api.send(patch(path, """
                {"url": "https://other.example.test/hooks", "description": ""}"""));

        assertThat(types.json()).containsEntry("event_types", List.of("order.created"))
                .containsEntry("description", "first").containsEntry("url", URL);
        assertThat(moved.json()).containsEntry("event_types", List.of("order.created"))
                .containsEntry("url", "https://other.example.test/hooks").doesNotContainKeys("description", "secret");
        assertThat(api.send(patch(path, "{\"event_types\": [\"*\"]}")).json())
                .containsEntry("event_types", List.of("*"));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"enabled": "false"}                              | enabled
            {"url": "http://merchant.example.test/hooks"}     | url
            {"event_types": ["order.created", "order.nope"]}  | event_types[1]
            {"description": "x", "colour": "blue"}            | colour
            """)
    void given_a_bad_field_when_patched_then_400_names_it_and_nothing_changes(String body, String field) {
        String path = ENDPOINTS + "/" + create().json().get("id");
        String before = api.get(path).body();

        Api.Reply reply = api.send(patch(path, body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(api.get(path).body()).isEqualTo(before);
    }

    @Test
    void given_an_endpoint_when_deleted_then_204_and_it_is_gone() {
        String path = ENDPOINTS + "/" + create().json().get("id");

        Api.Reply deleted = api.send(HttpRequest.DELETE(path));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.get(ENDPOINTS).list("endpoints")).isEmpty();
    }

    @Test
    void given_an_endpoint_when_its_secret_is_rotated_then_the_new_secret_is_shown_once_and_the_old_one_overlaps() {
        Map<String, Object> created = create().json();
        String path = ENDPOINTS + "/" + created.get("id");

        Api.Reply rotated = api.send(HttpRequest.POST(path + "/rotate-secret", ""));
        Api.Reply read = api.get(path);

        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = (String) rotated.json().get("secret");
        assertThat(newSecret).matches("whsec_[0-9a-f]{64}").isNotEqualTo(created.get("secret"));
        Instant expires = Instant.parse((String) rotated.json().get("previous_secret_expires_at"));
        assertThat(expires).isAfter(Instant.parse((String) created.get("created_at"))
                .plus(UseCasesForTests.WEBHOOK_SECRET_OVERLAP).minus(Duration.ofSeconds(1)));
        assertThat(read.json()).containsEntry("previous_secret_expires_at",
                rotated.json().get("previous_secret_expires_at")).doesNotContainKey("secret");
        assertThat(read.body()).doesNotContain(newSecret).doesNotContain((String) created.get("secret"));
        WebhookEndpoint stored = endpoints.findById(WebhookEndpointId.parse((String) created.get("id"))).orElseThrow();
        assertThat(stored.secret().value()).isEqualTo(newSecret);
    }

    @Test
    void given_no_api_key_then_every_webhook_route_answers_401() {
        String path = ENDPOINTS + "/" + create().json().get("id");

        List<MutableHttpRequest<?>> requests = List.of(
                HttpRequest.POST(ENDPOINTS, "{\"url\": \"" + URL + "\"}").contentType(MediaType.APPLICATION_JSON_TYPE),
                HttpRequest.GET(ENDPOINTS), HttpRequest.GET(path), patch(path, "{\"enabled\": false}"),
                HttpRequest.DELETE(path), HttpRequest.POST(path + "/rotate-secret", ""));

        assertThat(requests).allSatisfy(request -> {
            Api.Reply reply = api.sendAnonymously(request);
            assertThat(reply.status()).as(request.getMethodName() + " " + request.getPath()).isEqualTo(401);
            assertThat(reply.body()).doesNotContain("whsec_");
        });
        assertThat(endpoints.findAll()).hasSize(1);
        assertThat(endpoints.findAll().get(0).enabled()).isTrue();
    }

    @Test
    void given_an_endpoint_created_with_a_key_when_the_request_is_repeated_then_it_is_replayed_without_the_secret() {
        String key = "key-" + UUID.randomUUID();
        String body = "{\"url\": \"" + URL + "\", \"event_types\": [\"order.captured\"], \"description\": \"shop\"}";

        Api.Reply first = api.send(HttpRequest.POST(ENDPOINTS, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(IdempotencyHeaders.IDEMPOTENCY_KEY, key));
        Api.Reply again = api.send(HttpRequest.POST(ENDPOINTS, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(IdempotencyHeaders.IDEMPOTENCY_KEY, key));

        assertThat(first.status()).isEqualTo(201);
        String secret = (String) first.json().get("secret");
        assertThat(secret).matches("whsec_[0-9a-f]{64}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED)).contains("true");
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(again.body()).doesNotContain(secret);
        Map<String, Object> withoutSecret = new HashMap<>(first.json());
        withoutSecret.remove("secret");
        assertThat(again.json()).isEqualTo(withoutSecret);
        assertThat(endpoints.findAll()).hasSize(1);
    }

    @Test
    void given_a_key_used_for_an_endpoint_when_another_url_comes_with_it_then_422_and_nothing_is_registered() {
        String key = "key-" + UUID.randomUUID();
        api.send(HttpRequest.POST(ENDPOINTS, "{\"url\": \"" + URL + "\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(IdempotencyHeaders.IDEMPOTENCY_KEY, key));

        Api.Reply reply = api.send(HttpRequest.POST(ENDPOINTS, "{\"url\": \"https://other.example.test/\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(IdempotencyHeaders.IDEMPOTENCY_KEY, key));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json()).containsEntry("code", "idempotency_key_reused");
        assertThat(endpoints.findAll()).hasSize(1);
    }

    private Api.Reply create() {
        return api.postJson(ENDPOINTS, "{\"url\": \"" + URL + "\"}");
    }

    private static MutableHttpRequest<?> patch(String path, String body) {
        return HttpRequest.PATCH(path, body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Test
    void given_an_endpoint_when_tested_then_a_signed_ping_is_posted_and_its_answer_shown() throws Exception {
        Map<String, Object> created = api.postJson(ENDPOINTS, "{\"url\": \"" + URL + "/ping\"}").json();
        String id = (String) created.get("id");
        sender.answer(URI.create(URL + "/ping"), ScriptedWebhookSender.answering(202));

        Api.Reply reply = api.send(HttpRequest.POST(ENDPOINTS + "/" + id + "/test", ""));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("delivered", true).containsEntry("status_code", 202)
                .containsEntry("response_excerpt", "status 202")
                .containsEntry("latency_ms", (int) ScriptedWebhookSender.LATENCY.toMillis())
                .doesNotContainKey("error");
        Map<String, Object> event = reply.object("event");
        assertThat(event).containsEntry("type", "ping").containsEntry("api_version", "1.0")
                .containsEntry("data", Map.of("endpoint_id", id)).doesNotContainKeys("order_id", "sequence");
        WebhookRequest sent = sender.sent().get(sender.sent().size() - 1);
        assertThat(sent.url()).isEqualTo(URI.create(URL + "/ping"));
        assertThat(sent.eventType()).isEqualTo(EventType.PING);
        assertThat(sent.eventId()).isEqualTo(event.get("id"));
        assertThat(json.readValue(sent.body(), Argument.mapOf(String.class, Object.class))).isEqualTo(event);
        assertThat(sent.secrets()).extracting(SigningSecret::value).containsExactly((String) created.get("secret"));
    }

    @Test
    void given_an_unreachable_endpoint_when_tested_then_the_error_shows_and_nothing_was_delivered() {
        String id = (String) api.postJson(ENDPOINTS, "{\"url\": \"" + URL + "/down\"}").json().get("id");
        sender.answer(URI.create(URL + "/down"), ScriptedWebhookSender.unreachable());

        Api.Reply reply = api.send(HttpRequest.POST(ENDPOINTS + "/" + id + "/test", ""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("delivered", false)
                .containsEntry("error", "could not connect: Connection refused")
                .doesNotContainKeys("status_code", "response_excerpt");
    }

    @Test
    void given_no_such_endpoint_when_tested_then_404_and_nothing_is_sent() {
        int sentBefore = sender.sent().size();

        Api.Reply reply = api.send(HttpRequest.POST(ENDPOINTS + "/" + WebhookEndpointId.newId() + "/test", ""));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).containsEntry("code", "webhook_endpoint_not_found");
        assertThat(sender.sent()).hasSize(sentBefore);
    }
}
