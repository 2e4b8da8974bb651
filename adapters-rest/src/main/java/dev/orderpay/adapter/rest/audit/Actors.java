package dev.orderpay.adapter.rest.audit;

import dev.orderpay.adapter.rest.correlation.RequestIds;
import dev.orderpay.domain.audit.Actor;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;

/** Who asks, for the audit log: the authenticated client's id (never its key) and the request's id. */
public final class Actors {

    private Actors() {
    }

    /**
     * The client is the authentication's name: a managed key's id, {@code key-} and the start of an environment key's
     * digest, or {@code local-development} when key checks are off.
     */
    public static Actor of(Authentication client, HttpRequest<?> request) {
        return new Actor(client.getName(), RequestIds.of(request));
    }
}
