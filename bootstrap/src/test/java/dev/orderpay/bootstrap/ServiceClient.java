package dev.orderpay.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Talks to the running service over real HTTP, as a merchant, a browser or the provider would. Every answer to an
 * address the API document describes is checked against the document the service serves at {@code /openapi.yml},
 * so no end-to-end test passes on an answer the document does not allow.
 */
final class ServiceClient {

    /** The merchant's API key the end-to-end tests configure. */
    static final String API_KEY = "e2e-merchant-key";

    /** The addresses the API document does not describe: management, and the document and its page. */
    private static final List<String> UNDOCUMENTED = List.of("/health", "/prometheus", "/openapi.yml", "/swagger/", "/swagger-ui/");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;
    private ApiDocumentConformance document;

    ServiceClient(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    HttpResponse<String> postJson(String path, String body, String... headers)
            throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> patchJson(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE().build());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET().build());
    }

    /** Without the merchant's key, as a browser, the provider or a monitor would ask; headers as name, value. */
    HttpResponse<String> getAnonymously(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.GET().build());
    }

    /**
     * Every request carries the merchant's key unless the headers given replace it; the public routes (return,
     * callback, health) ignore it.
     */
    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + API_KEY);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** The address of a path on the service, for a request whose answer the document does not describe. */
    URI uri(String path) {
        return base.resolve(path);
    }

    /** Creates an order and returns its id. */
    String createOrder(long amount, String currency, String receipt) throws IOException, InterruptedException {
        HttpResponse<String> created = postJson("/orders",
                "{\"amount\":%d,\"currency\":\"%s\",\"receipt\":\"%s\"}".formatted(amount, currency, receipt));
        if (created.statusCode() != 201) {
            throw new AssertionError("order not created: " + created.statusCode() + " " + created.body());
        }
        return json(created).get("id").getStringValue();
    }

    JsonNode order(String id, String query) throws IOException, InterruptedException {
        return json(get("/orders/" + id + query));
    }

    /** Every item of a paged list ({@code /orders?…} or {@code /events?…}, the items under {@code field}). */
    List<JsonNode> allPages(String path, String field) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String page = path;
        while (page != null) {
            JsonNode answer = json(get(page));
            answer.get(field).values().forEach(items::add);
            page = null;
            for (JsonNode link : answer.get("links").values()) {
                if (link.get("rel").getStringValue().equals("next")) {
                    page = link.get("href").getStringValue();
                }
            }
        }
        return items;
    }

    /** Registers a webhook endpoint for every event type and returns its id. */
    String registerWebhookEndpoint(String url) throws IOException, InterruptedException {
        HttpResponse<String> created = postJson("/webhook-endpoints", json.writeValueAsString(Map.of("url", url)));
        if (created.statusCode() != 201) {
            throw new AssertionError("endpoint not registered: " + created.statusCode() + " " + created.body());
        }
        return json(created).get("id").getStringValue();
    }

    /** Deletes every webhook endpoint, and with them every delivery still to be made. */
    void deleteWebhookEndpoints() throws IOException, InterruptedException {
        for (JsonNode endpoint : json(get("/webhook-endpoints")).get("endpoints").values()) {
            delete("/webhook-endpoints/" + endpoint.get("id").getStringValue());
        }
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readValue(response.body(), JsonNode.class);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String path = request.uri().getPath();
        if (UNDOCUMENTED.stream().noneMatch(path::startsWith)) {
            document().check(request.method(), path, response.statusCode(), response.headers().map(),
                    response.body());
        }
        return response;
    }

    private ApiDocumentConformance document() throws IOException, InterruptedException {
        if (document == null) {
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(base.resolve("/openapi.yml")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (served.statusCode() != 200) {
                throw new AssertionError("GET /openapi.yml answered " + served.statusCode());
            }
            document = ApiDocumentConformance.of(served.body());
        }
        return document;
    }
}
