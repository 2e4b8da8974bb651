package dev.orderpay.application.port.in.access;

import dev.orderpay.domain.access.ApiKey;

import java.util.List;

public interface ListApiKeysUseCase {

    /** Every managed key, revoked ones included, oldest first. */
    List<ApiKey> listKeys();
}
