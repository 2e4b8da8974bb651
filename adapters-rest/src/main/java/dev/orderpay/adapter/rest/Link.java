package dev.orderpay.adapter.rest;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
record Link(String rel, String href) {
}
