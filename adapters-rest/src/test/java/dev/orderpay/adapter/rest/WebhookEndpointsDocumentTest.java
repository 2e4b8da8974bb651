package dev.orderpay.adapter.rest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the OpenAPI document says about the webhook endpoint routes: statuses, the key, and where the secret shows. */
class WebhookEndpointsDocumentTest {

    private Map<String, Object> document;

    @BeforeEach
    void read_the_document() throws IOException {
        try (InputStream yml = getClass().getClassLoader().getResourceAsStream(ApiDocumentation.DOCUMENT)) {
            assertThat(yml).as(ApiDocumentation.DOCUMENT + " on the classpath").isNotNull();
            document = new Yaml().load(yml);
        }
    }

    @Test
    void given_the_webhook_operations_then_each_documents_its_statuses_and_the_bearer_requirement() {
        assertThat(responses("/webhook-endpoints", "post")).containsKeys("201", "400", "401", "409", "415", "422");
        assertThat(responses("/webhook-endpoints", "get")).containsKeys("200", "401");
        assertThat(responses("/webhook-endpoints/{id}", "get")).containsKeys("200", "401", "404");
        assertThat(responses("/webhook-endpoints/{id}", "patch")).containsKeys("200", "400", "401", "404", "409",
                "415");
        assertThat(responses("/webhook-endpoints/{id}", "delete")).containsKeys("204", "401", "404");
        assertThat(responses("/webhook-endpoints/{id}/rotate-secret", "post")).containsKeys("200", "401", "404", "409");
        for (Map<String, Object> operation : List.of(operation("/webhook-endpoints", "post"),
                operation("/webhook-endpoints", "get"), operation("/webhook-endpoints/{id}", "get"),
                operation("/webhook-endpoints/{id}", "patch"), operation("/webhook-endpoints/{id}", "delete"),
                operation("/webhook-endpoints/{id}/rotate-secret", "post"))) {
            assertThat(operation.get("security")).isEqualTo(List.of(Map.of(ApiDocumentation.API_KEY, List.of())));
        }
    }

    @Test
    void given_the_answers_then_only_creation_and_rotation_carry_the_secret() {
        Map<String, Map<String, Object>> schemas = map(map(document.get("components")).get("schemas"));

        assertThat(list(schemas.get("WebhookEndpoint").get("required"))).containsExactlyInAnyOrder("id", "url",
                "event_types", "enabled", "created_at");
        assertThat(map(schemas.get("WebhookEndpoint").get("properties"))).doesNotContainKey("secret");
        assertThat(list(schemas.get("WebhookEndpointWithSecret").get("required"))).containsExactlyInAnyOrder("id",
                "url", "event_types", "enabled", "created_at", "secret");
        // A repeat of a creation with an Idempotency-Key is answered without the secret.
        assertThat(schemasOf("/webhook-endpoints", "post", "201")).containsExactly(
                "#/components/schemas/WebhookEndpointWithSecret", "#/components/schemas/WebhookEndpoint");
        assertThat(schemaOf("/webhook-endpoints/{id}/rotate-secret", "post", "200"))
                .endsWith("/WebhookEndpointWithSecret");
        assertThat(schemaOf("/webhook-endpoints/{id}", "get", "200")).endsWith("/WebhookEndpoint");
        assertThat(schemaOf("/webhook-endpoints/{id}", "patch", "200")).endsWith("/WebhookEndpoint");
    }

    private String schemaOf(String path, String method, String status) {
        Map<String, Object> content = map(map(responses(path, method).get(status)).get("content"));
        return (String) map(map(content.get("application/json")).get("schema")).get("$ref");
    }

    private List<Object> schemasOf(String path, String method, String status) {
        Map<String, Object> content = map(map(responses(path, method).get(status)).get("content"));
        return list(map(map(content.get("application/json")).get("schema")).get("anyOf")).stream()
                .map(schema -> map(schema).get("$ref")).toList();
    }

    private Map<String, Object> responses(String path, String method) {
        return map(operation(path, method).get("responses"));
    }

    private Map<String, Object> operation(String path, String method) {
        Map<String, Object> paths = map(document.get("paths"));
        assertThat(paths).containsKey(path);
        return map(map(paths.get(path)).get(method));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object yaml) {
        return (List<Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object yaml) {
        return (Map<String, V>) yaml;
    }
}
