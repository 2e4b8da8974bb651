package dev.orderpay.application.port.in.access;

import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.PlainApiKey;
import dev.orderpay.domain.access.Scope;

import java.util.Objects;

/** How creating a key ended. */
public sealed interface CreateApiKeyResult {

    /**
     * Stored and in force.
     *
     * @param plain the key itself, to show this once: only its digest is kept
     */
    record Created(ApiKey key, PlainApiKey plain) implements CreateApiKeyResult {
        public Created {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(plain, "plain");
        }
    }

    /** Nothing was stored: the caller asked to grant {@code scope}, which it does not hold itself. */
    record ScopeNotHeld(Scope scope) implements CreateApiKeyResult {
        public ScopeNotHeld {
            Objects.requireNonNull(scope, "scope");
        }
    }
}
