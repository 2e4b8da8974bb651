package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** A key is a client's own: the same text from two clients is two keys. */
@Embeddable
record IdempotentRequestRowId(@MappedProperty("client_id") String clientId, @MappedProperty("key") String key) {
}
