package dev.orderpay.application.port.in.access;

import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;

import java.util.Optional;

public interface AuthenticateApiKeyUseCase {

    /**
     * The managed key in force whose plain form has this digest, noting that it was used.
     *
     * @return empty for an unknown or revoked key
     */
    Optional<ApiKey> authenticate(ApiKeyDigest digest);
}
