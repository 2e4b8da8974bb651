package dev.orderpay.application.port.in;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;

import java.util.Objects;
import java.util.Optional;

/**
 * @param amount how much to refund; all that was captured and not yet refunded when empty
 * @param reason the merchant's words for the refund, passed to the provider
 */
public record RefundCommand(OrderId orderId, Optional<Money> amount, Optional<String> reason) {

    public static final int MAX_REASON_LENGTH = 255;

    public RefundCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        if (reason.filter(text -> text.isBlank() || text.length() > MAX_REASON_LENGTH
                || text.chars().anyMatch(Character::isISOControl)).isPresent()) {
            throw InvalidCommandException.of("reason", "must be 1 to " + MAX_REASON_LENGTH
                    + " characters, none of them control characters");
        }
    }
}
