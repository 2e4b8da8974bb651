package dev.orderpay.adapter.rest;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
record PaymentReturnResponse(String message, OrderResponse order) {
}
