package dev.orderpay.adapter.rest.apikey;

import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.application.port.in.access.CreateApiKeyResult;
import dev.orderpay.domain.access.ApiKey;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * How creating an API key is answered: 201 with the key, or 403 naming a scope the caller does not hold. The key
 * itself is in the answer to the request that made it and nowhere else, so the answer recorded for repeats of a
 * request with an idempotency key leaves it out.
 */
public final class ApiKeyAnswers {

    private ApiKeyAnswers() {
    }

    static MutableHttpResponse<?> withKey(CreateApiKeyResult result) {
        if (result instanceof CreateApiKeyResult.ScopeNotHeld notHeld) {
            // The same answer as a route the key lacks the scope for: the missing scope, named.
            return Problem.insufficientScope(notHeld.scope().wireName()).toResponse();
        }
        return HttpResponse.created(CreatedApiKeyResponse.from((CreateApiKeyResult.Created) result))
                .contentType(MediaType.APPLICATION_JSON);
    }

    public static MutableHttpResponse<?> withoutKey(ApiKey key) {
        return HttpResponse.created(ApiKeyResponse.from(key)).contentType(MediaType.APPLICATION_JSON);
    }
}
