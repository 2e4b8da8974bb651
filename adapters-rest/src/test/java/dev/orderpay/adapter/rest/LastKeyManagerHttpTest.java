package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.access.CreateApiKeyCommand;
import dev.orderpay.application.port.in.access.CreateApiKeyResult;
import dev.orderpay.application.service.ApiKeyService;
import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.TestActors;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.orderpay.application.port.in.idempotency.IdempotentResults.executed;
import static org.assertj.core.api.Assertions.assertThat;

/** Without keys from the environment, someone must always be able to manage keys. */
@MicronautTest
@Property(name = "orderpay.api-keys", value = "")
class LastKeyManagerHttpTest {

    @Inject
    Api api;
    @Inject
    ApiKeyService keys;

    @Test
    void given_no_environment_keys_when_the_last_key_that_manages_keys_is_revoked_then_409_until_there_is_another() {
        CreateApiKeyResult.Created admin = manager("admin");
        String adminId = admin.key().id().toString();

        Api.Reply refused = api.sendWithKey(admin.plain().value(), HttpRequest.DELETE("/api-keys/" + adminId));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json()).containsEntry("code", "last_key_manager");
        assertThat(api.sendWithKey(admin.plain().value(), HttpRequest.GET("/api-keys")).status()).isEqualTo(200);

        CreateApiKeyResult.Created successor = manager("successor");
        Api.Reply revoked = api.sendWithKey(successor.plain().value(), HttpRequest.DELETE("/api-keys/" + adminId));

        assertThat(revoked.status()).isEqualTo(204);
    }

    private CreateApiKeyResult.Created manager(String name) {
        return (CreateApiKeyResult.Created) executed(keys.createKey(CreateApiKeyCommand.of(name,
                List.of("keys:manage")), Scope.all(), TestActors.CLIENT));
    }
}
