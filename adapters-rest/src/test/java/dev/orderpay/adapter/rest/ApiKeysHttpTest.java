package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.access.InMemoryApiKeyStore;
import dev.orderpay.domain.access.ApiKeyDigest;
import dev.orderpay.domain.access.Scope;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating, listing and revoking API keys, beside the keys from the environment (application-test.yml). */
@MicronautTest
class ApiKeysHttpTest {

    private static final String API_KEYS = "/api-keys";

    @Inject
    Api api;
    @Inject
    InMemoryApiKeyStore store;

    @Test
    void given_a_name_and_scopes_when_posted_then_201_with_the_key_once_and_it_works_for_its_scopes_alone() {
        Api.Reply reply = create("{\"name\": \"reporting\", \"scopes\": [\"orders:read\", \"metrics:read\"]}");

        assertThat(reply.status()).isEqualTo(201);
        Map<String, Object> body = reply.json();
        String key = (String) body.get("key");
        assertThat(key).matches("op_[0-9A-Za-z]{43}");
        assertThat(body).containsEntry("name", "reporting")
                .containsEntry("scopes", List.of("orders:read", "metrics:read"))
                .containsEntry("prefix", key.substring(0, 8));
        assertThat((String) body.get("created_at")).endsWith("Z");
        assertThat(store.findByDigest(ApiKeyDigest.of(key))).hasValueSatisfying(stored ->
                assertThat(stored.id().toString()).isEqualTo(body.get("id")));
        assertThat(api.sendWithKey(key, HttpRequest.GET("/orders")).status()).isEqualTo(200);
        assertThat(api.sendWithKey(key, Api.createOrderRequest(100, "NOK", "r")).json())
                .containsEntry("required_scope", "orders:write");
    }

    @Test
    void given_keys_when_listed_then_the_environment_ones_come_first_and_no_key_is_shown() {
        Api.Reply created = create("{\"name\": \"listed\", \"scopes\": [\"orders:write\"]}");
        String key = (String) created.json().get("key");

        Api.Reply reply = api.get(API_KEYS);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain(key);
        List<Map<String, Object>> keys = reply.list("keys");
        assertThat(keys.subList(0, 2)).allSatisfy(environment -> assertThat(environment)
                .containsEntry("source", "environment").containsEntry("name", "ORDERPAY_API_KEYS")
                .containsEntry("scopes", Scope.all().stream().map(Scope::wireName).toList())
                .doesNotContainKeys("prefix", "created_at"));
        assertThat((String) keys.get(0).get("id")).matches("key-[0-9a-f]{12}");
        assertThat(keys).anySatisfy(managed -> assertThat(managed).containsEntry("id", created.json().get("id"))
                .containsEntry("source", "managed").containsEntry("prefix", key.substring(0, 8))
                .doesNotContainKeys("key", "revoked_at"));
    }

    @Test
    void given_a_key_lacking_a_scope_when_it_asks_for_a_key_with_that_scope_then_403_naming_it_and_none_is_made() {
        String limited = (String) create("{\"name\": \"limited\", \"scopes\": [\"keys:manage\", \"orders:read\"]}")
                .json().get("key");
        int before = store.findAll().size();

        Api.Reply reply = api.sendWithKey(limited, HttpRequest.POST(API_KEYS,
                        "{\"name\": \"stronger\", \"scopes\": [\"orders:read\", \"payments:write\"]}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json()).containsEntry("code", "insufficient_scope")
                .containsEntry("required_scope", "payments:write");
        assertThat(store.findAll()).hasSize(before);
    }

    @Test
    void given_no_name_and_unknown_scopes_when_posted_then_400_naming_each_field_and_nothing_is_stored() {
        int before = store.findAll().size();

        Api.Reply reply = create("{\"scopes\": [\"orders:read\", \"orders:*\"]}");
        Api.Reply noScopes = create("{\"name\": \"x\", \"scopes\": []}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.errorFields()).containsExactly("name", "scopes[1]");
        assertThat(noScopes.errorFields()).containsExactly("scopes");
        assertThat(store.findAll()).hasSize(before);
    }

    @Test
    void given_a_managed_key_when_revoked_then_204_it_is_refused_within_seconds_and_listed_as_revoked()
            throws InterruptedException {
        Api.Reply created = create("{\"name\": \"leaked\", \"scopes\": [\"orders:read\"]}");
        String key = (String) created.json().get("key");
        String id = (String) created.json().get("id");
        assertThat(api.sendWithKey(key, HttpRequest.GET("/orders")).status()).isEqualTo(200);

        Api.Reply revoked = api.send(HttpRequest.DELETE(API_KEYS + "/" + id));
        Api.Reply again = api.send(HttpRequest.DELETE(API_KEYS + "/" + id));

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        assertThat(statusWithin(key, Duration.ofSeconds(5))).isEqualTo(401);
        assertThat(api.get(API_KEYS).list("keys")).anySatisfy(listed -> assertThat(listed)
                .containsEntry("id", id).containsKey("revoked_at"));
    }

    @Test
    void given_an_environment_key_when_revoked_then_409_and_it_keeps_working() {
        String environmentId = (String) api.get(API_KEYS).list("keys").get(0).get("id");

        Api.Reply reply = api.send(HttpRequest.DELETE(API_KEYS + "/" + environmentId));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json()).containsEntry("code", "api_key_from_environment");
        assertThat(api.get("/orders").status()).isEqualTo(200);
    }

    @Test
    void given_a_key_created_with_an_idempotency_key_when_repeated_then_the_first_answer_without_the_key_is_replayed() {
        String body = "{\"name\": \"retried\", \"scopes\": [\"orders:read\"]}";
        Api.Reply first = createWithKey(body, "create-key-1");
        int after = store.findAll().size();

        Api.Reply repeat = createWithKey(body, "create-key-1");
        Api.Reply otherRequest = createWithKey("{\"name\": \"retried\", \"scopes\": [\"orders:write\"]}",
                "create-key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.header("Idempotent-Replayed")).contains("true");
        assertThat(repeat.json()).containsEntry("id", first.json().get("id")).containsEntry("name", "retried")
                .containsEntry("source", "managed").containsEntry("prefix", first.json().get("prefix"))
                .doesNotContainKey("key");
        assertThat(repeat.body()).doesNotContain((String) first.json().get("key"));
        assertThat(otherRequest.status()).isEqualTo(422);
        assertThat(otherRequest.json()).containsEntry("code", "idempotency_key_reused");
        assertThat(store.findAll()).hasSize(after);
    }

    @Test
    void given_an_id_no_key_has_when_revoked_then_404() {
        assertThat(api.send(HttpRequest.DELETE(API_KEYS + "/7f1d1d4e-2a4b-4c8e-9d3a-1b2c3d4e5f60")).json())
                .containsEntry("code", "api_key_not_found").containsEntry("status", 404);
        assertThat(api.send(HttpRequest.DELETE(API_KEYS + "/not-an-id")).status()).isEqualTo(404);
    }

    private Api.Reply create(String body) {
        return api.send(HttpRequest.POST(API_KEYS, body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private Api.Reply createWithKey(String body, String idempotencyKey) {
        return api.send(HttpRequest.POST(API_KEYS, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", idempotencyKey));
    }

    /** The status GET /orders gets with the key once it is not 200, or 200 if it stays so that long. */
    private int statusWithin(String key, Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        int status = api.sendWithKey(key, HttpRequest.GET("/orders")).status();
        while (status == 200 && System.nanoTime() < until) {
            Thread.sleep(100);
            status = api.sendWithKey(key, HttpRequest.GET("/orders")).status();
        }
        return status;
    }
}
