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

/** Talks to the API under test like any client would, and hands back error responses instead of throwing. */
@Singleton
class Api {

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
        return send(HttpRequest.POST("/orders", Map.of("amount", amount, "currency", currency, "receipt", receipt)));
    }

    Reply send(MutableHttpRequest<?> request) {
        try {
            return reply(http.exchange(request, Argument.STRING, Argument.STRING));
        } catch (HttpClientResponseException error) {
            return reply(error.getResponse());
        }
    }

    private Reply reply(HttpResponse<?> response) {
        return new Reply(response.code(), response.getHeaders().get(HttpHeaders.CONTENT_TYPE),
                response.getHeaders().get(HttpHeaders.LOCATION), response.getBody(String.class).orElse(""), json);
    }

    record Reply(int status, String contentType, String location, String body, JsonMapper mapper) {

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

        /** A list member; an empty list may be left out of the JSON altogether. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String name) {
            return (List<Map<String, Object>>) json().getOrDefault(name, List.of());
        }

        /** The field names of a validation problem's errors. */
        List<Object> errorFields() {
            return list("errors").stream().map(error -> error.get("field")).toList();
        }
    }
}
