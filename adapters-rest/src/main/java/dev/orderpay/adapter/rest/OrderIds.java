package dev.orderpay.adapter.rest;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.OrderId;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

public final class OrderIds {

    private OrderIds() {
    }

    /** A path segment that is not an order id names no resource: that is a 404, not a bad request. */
    public static OrderId fromPath(String segment) {
        try {
            return OrderId.parse(segment);
        } catch (InvalidValueException notAnId) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such order");
        }
    }
}
