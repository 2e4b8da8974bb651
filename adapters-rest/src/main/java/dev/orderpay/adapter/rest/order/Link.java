package dev.orderpay.adapter.rest.order;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record Link(String rel, String href) {
}
