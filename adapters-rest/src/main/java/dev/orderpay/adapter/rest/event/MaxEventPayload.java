package dev.orderpay.adapter.rest.event;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * How large an event may be as stored and sent, in UTF-8 bytes: {@code orderpay.webhook.max-payload}
 * ({@code ORDERPAY_WEBHOOK_MAX_PAYLOAD}), a Micronaut readable size such as {@code 256KB}. Created at startup, so a
 * bound too small for even the compact form of an event stops the service before it records one.
 */
@Context
final class MaxEventPayload {

    /** The compact form of an event is well under 1 KB: this leaves room for a long checkout link. */
    static final int MINIMUM_BYTES = 4 * 1024;

    private final int bytes;

    MaxEventPayload(@Value("${orderpay.webhook.max-payload}") @ReadableBytes int bytes) {
        if (bytes < MINIMUM_BYTES) {
            throw new ConfigurationException("orderpay.webhook.max-payload (ORDERPAY_WEBHOOK_MAX_PAYLOAD) is " + bytes
                    + " bytes, below the least an event needs: set it to 4KB or more (256KB by default)");
        }
        this.bytes = bytes;
    }

    int bytes() {
        return bytes;
    }
}
