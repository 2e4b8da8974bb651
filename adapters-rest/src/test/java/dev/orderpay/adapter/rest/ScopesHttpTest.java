package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.access.CreateApiKeyCommand;
import dev.orderpay.application.port.in.access.CreateApiKeyResult;
import dev.orderpay.application.service.ApiKeyService;
import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.TestActors;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.orderpay.application.port.in.idempotency.IdempotentResults.executed;
import static org.assertj.core.api.Assertions.assertThat;

/** Every merchant route and the one scope that opens it, as docs/access.md lists them. */
@MicronautTest
class ScopesHttpTest {

    private static final String SOME_ID = UUID.randomUUID().toString();

    @Inject
    Api api;
    @Inject
    ApiKeyService keys;

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of(HttpMethod.POST, "/orders", Scope.ORDERS_WRITE),
                Arguments.of(HttpMethod.GET, "/orders", Scope.ORDERS_READ),
                Arguments.of(HttpMethod.GET, "/orders/totals", Scope.ORDERS_READ),
                Arguments.of(HttpMethod.GET, "/orders/{id}", Scope.ORDERS_READ),
                Arguments.of(HttpMethod.GET, "/orders/{id}/history", Scope.ORDERS_READ),
                Arguments.of(HttpMethod.GET, "/orders/{id}/events", Scope.ORDERS_READ),
                Arguments.of(HttpMethod.GET, "/events", Scope.ORDERS_READ),
                Arguments.of(HttpMethod.GET, "/events/{id}", Scope.ORDERS_READ),
                Arguments.of(HttpMethod.GET, "/webhook-endpoints", Scope.ORDERS_READ),
                Arguments.of(HttpMethod.GET, "/webhook-endpoints/{id}", Scope.ORDERS_READ),
                Arguments.of(HttpMethod.POST, "/orders/{id}/capture", Scope.PAYMENTS_WRITE),
                Arguments.of(HttpMethod.POST, "/orders/{id}/refund", Scope.PAYMENTS_WRITE),
                Arguments.of(HttpMethod.POST, "/orders/{id}/cancel", Scope.PAYMENTS_WRITE),
                Arguments.of(HttpMethod.POST, "/webhook-endpoints", Scope.WEBHOOKS_MANAGE),
                Arguments.of(HttpMethod.PATCH, "/webhook-endpoints/{id}", Scope.WEBHOOKS_MANAGE),
                Arguments.of(HttpMethod.DELETE, "/webhook-endpoints/{id}", Scope.WEBHOOKS_MANAGE),
                Arguments.of(HttpMethod.POST, "/webhook-endpoints/{id}/rotate-secret", Scope.WEBHOOKS_MANAGE),
                Arguments.of(HttpMethod.POST, "/webhook-endpoints/{id}/test", Scope.WEBHOOKS_MANAGE),
                Arguments.of(HttpMethod.POST, "/events/{id}/redeliver", Scope.WEBHOOKS_MANAGE),
                Arguments.of(HttpMethod.POST, "/api-keys", Scope.KEYS_MANAGE),
                Arguments.of(HttpMethod.GET, "/api-keys", Scope.KEYS_MANAGE),
                Arguments.of(HttpMethod.DELETE, "/api-keys/{id}", Scope.KEYS_MANAGE),
                Arguments.of(HttpMethod.GET, "/audit-log", Scope.KEYS_MANAGE));
    }

    @ParameterizedTest(name = "{0} {1} without {2}")
    @MethodSource("routes")
    void given_a_key_with_every_scope_but_the_one_a_route_requires_when_called_then_403_naming_that_scope(
            HttpMethod method, String route, Scope required) {
        Set<Scope> allBut = EnumSet.complementOf(EnumSet.of(required));

        Api.Reply reply = api.sendWithKey(keyWith(allBut), request(method, route, required));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "insufficient_scope")
                .containsEntry("required_scope", required.wireName()).containsEntry("status", 403);
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("routes")
    void given_a_key_with_only_the_scope_a_route_requires_when_called_then_it_is_let_in(
            HttpMethod method, String route, Scope required) {
        Api.Reply reply = api.sendWithKey(keyWith(EnumSet.of(required)), request(method, route, required));

        // Past the scope check the route answers as for anyone (an unknown id is a 404).
        assertThat(reply.status()).as(reply.body()).isNotIn(401, 403);
    }

    private String keyWith(Set<Scope> scopes) {
        CreateApiKeyCommand command = CreateApiKeyCommand.of("scoped",
                scopes.stream().map(Scope::wireName).toList());
        return ((CreateApiKeyResult.Created) executed(keys.createKey(command, Scope.all(), TestActors.CLIENT)))
                .plain().value();
    }

    private static MutableHttpRequest<?> request(HttpMethod method, String route, Scope required) {
        MutableHttpRequest<Object> request = HttpRequest.create(method, route.replace("{id}", SOME_ID));
        if (method == HttpMethod.POST || method == HttpMethod.PATCH) {
            // A body the route takes, or at least one it reads: a key that may create keys may grant its own scope.
            String body = required == Scope.KEYS_MANAGE
                    ? "{\"name\": \"made\", \"scopes\": [\"keys:manage\"]}"
                    : "{}";
            request.body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return request;
    }
}
