package dev.orderpay.adapter.rest;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Talks to the API under test like any client would, and hands back error responses instead of throwing.
 * Requests carry {@link #MERCHANT_KEY} unless they bring their own Authorization or are sent anonymously.
 */
@Singleton
class Api {

    /** Configured as itself in application-test.yml. */
    static final String MERCHANT_KEY = "test-merchant-key";
    /** Configured only as its SHA-256 digest in application-test.yml. */
    static final String SECOND_MERCHANT_KEY = "second-merchant-key";

    private final BlockingHttpClient http;
    private final JsonMapper json;

    Api(@Client("/") HttpClient client, JsonMapper json) {
        this.http = client.toBlocking();
        this.json = json;
    }

    Reply get(String uri) {
        return send(HttpRequest.GET(uri));
    }

    Reply postJson(String uri, String body) {
        return send(HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    Reply createOrder(long amount, String currency, String receipt) {
        return send(createOrderRequest(amount, currency, receipt));
    }

    static MutableHttpRequest<?> createOrderRequest(long amount, String currency, String receipt) {
        return HttpRequest.POST("/orders", Map.of("amount", amount, "currency", currency, "receipt", receipt));
    }

    /** Sends as the merchant whose key is {@link #MERCHANT_KEY}, unless the request names its own authorization. */
    Reply send(MutableHttpRequest<?> request) {
        if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.bearerAuth(MERCHANT_KEY);
        }
        return exchange(request);
    }

    Reply sendWithKey(String apiKey, MutableHttpRequest<?> request) {
        return exchange(request.bearerAuth(apiKey));
    }

    Reply sendAnonymously(MutableHttpRequest<?> request) {
        return exchange(request);
    }

    private Reply exchange(MutableHttpRequest<?> request) {
        try {
            return reply(http.exchange(request, Argument.STRING, Argument.STRING));
        } catch (HttpClientResponseException error) {
            return reply(error.getResponse());
        }
    }

    private Reply reply(HttpResponse<?> response) {
        return new Reply(response.code(), response.getHeaders().get(HttpHeaders.CONTENT_TYPE),
                response.getHeaders().get(HttpHeaders.LOCATION), response.getHeaders().asMap(),
                response.getBody(String.class).orElse(""), json);
    }

    record Reply(int status, String contentType, String location, Map<String, List<String>> headers, String body,
                 JsonMapper mapper) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream()).findFirst();
        }

        Map<String, Object> json() {
            try {
                return mapper.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException notJson) {
                throw new UncheckedIOException("not JSON: " + body, notJson);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(String name) {
            return (Map<String, Object>) json().get(name);
        }

        /** A list member, which must be there: the API sends an empty list as {@code []}, never leaves it out. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String name) {
            Map<String, Object> members = json();
            if (!members.containsKey(name)) {
                throw new AssertionError("no " + name + " in " + body);
            }
            return (List<Map<String, Object>>) members.get(name);
        }

        /** The field names of a validation problem's errors. */
        List<Object> errorFields() {
            return list("errors").stream().map(error -> error.get("field")).toList();
        }
    }
}
