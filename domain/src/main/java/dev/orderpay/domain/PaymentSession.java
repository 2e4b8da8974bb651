package dev.orderpay.domain;

import java.net.URI;
import java.util.Objects;

/** The provider's hosted checkout opened for an order: its id at the provider and the link the buyer follows. */
public record PaymentSession(SessionId id, URI link) {

    public PaymentSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(link, "link");
    }
}
