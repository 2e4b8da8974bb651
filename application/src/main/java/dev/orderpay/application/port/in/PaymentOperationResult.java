package dev.orderpay.application.port.in;

import dev.orderpay.domain.Order;

import java.util.Objects;

/**
 * @param completed false when the provider accepted the operation to carry it out later: the order shows it
 *                  pending until a notification or reconciliation sees it done
 */
public record PaymentOperationResult(Order order, boolean completed) {

    public PaymentOperationResult {
        Objects.requireNonNull(order, "order");
    }
}
