package dev.orderpay.application.port.in.operation;

import dev.orderpay.domain.OrderId;

import java.util.Objects;
import java.util.Optional;

/**
 * @param amount how much to capture, in the order's minor units (the order knows its currency); all that is left
 *               when empty
 */
public record CaptureCommand(OrderId orderId, Optional<Long> amount) {

    public CaptureCommand {
        Objects.requireNonNull(orderId, "orderId");
        amount = OperationAmounts.requirePositive(amount);
    }
}
