package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/**
 * What a repeat needs to know of the request that holds its key: what it asked for, how it stands (a running
 * request whose hold has passed judged unsettled by the database's clock), and its answer once it has one.
 */
@Introspected
record EarlierRequestRow(String operation, @Nullable String target, String fingerprint, String standing,
                         @Nullable Integer answerStatus, @Nullable String answerLocation,
                         @Nullable String answerBody) {
}
