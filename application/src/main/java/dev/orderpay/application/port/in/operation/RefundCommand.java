package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.PlainText;

import java.util.Objects;
import java.util.Optional;

/**
 * @param amount how much to refund, in the order's minor units; all that was captured and not yet refunded when
 *               empty
 * @param reason the merchant's words for the refund, passed to the provider
 */
public record RefundCommand(OrderId orderId, Optional<Long> amount, Optional<String> reason) {

    public static final int MAX_REASON_LENGTH = 255;

    public RefundCommand {
        Objects.requireNonNull(orderId, "orderId");
        amount = OperationAmounts.requirePositive(amount);
        Objects.requireNonNull(reason, "reason");
        reason.ifPresent(RefundCommand::requireValidReason);
    }

    private static void requireValidReason(String reason) {
        try {
            PlainText.require("reason", reason, MAX_REASON_LENGTH);
        } catch (InvalidValueException invalid) {
            throw InvalidCommandException.of(invalid.subject(), invalid.reason());
        }
    }
}
