package dev.orderpay.application.port.in;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;

import java.util.Objects;
import java.util.Optional;

/** @param amount how much to capture; all that is left when empty */
public record CaptureCommand(OrderId orderId, Optional<Money> amount) {

    public CaptureCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
    }
}
