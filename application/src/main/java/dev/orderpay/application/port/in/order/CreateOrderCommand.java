package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.idempotency.Fingerprint;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.webhook.CallbackUrl;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * @param callbackUrl    where the order's events are also to go, if the merchant gave one
 * @param idempotencyKey the client's key for this request, if it sent one
 */
public record CreateOrderCommand(Money amount, Receipt receipt, Optional<CallbackUrl> callbackUrl,
                                 Optional<IdempotencyKey> idempotencyKey) {

    public CreateOrderCommand {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** A digest of what is asked for, to tell a true repeat from another request with the same key. */
    public String fingerprint() {
        // Without a callback URL the digest stays what it was before orders had one, so keys stored then still match.
        return Fingerprint.of(amount.minorUnits() + "\n" + amount.currencyCode() + "\n" + receipt.value()
                + callbackUrl.map(url -> "\n" + url.value()).orElse(""));
    }

    public CreateOrderCommand withIdempotencyKey(IdempotencyKey key) {
        return new CreateOrderCommand(amount, receipt, callbackUrl, Optional.of(key));
    }

    /**
     * Builds the command from raw input, reporting every bad field at once rather than the first.
     *
     * @param callbackUrl null when the merchant gave none
     */
    public static CreateOrderCommand of(Long amount, String currencyCode, String receipt, String callbackUrl) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long validAmount = amount == null ? null : validated(errors, () -> Money.requirePositive(amount));
        if (amount == null) {
            errors.put("amount", "is required");
        }
        Currency currency = validated(errors, () -> Money.currency(currencyCode));
        Receipt validReceipt = validated(errors, () -> new Receipt(receipt));
        Optional<CallbackUrl> validCallbackUrl = callbackUrl == null ? Optional.empty()
                : Optional.ofNullable(validated(errors, () -> CallbackUrl.parse(callbackUrl)));
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new CreateOrderCommand(new Money(validAmount, currency), validReceipt, validCallbackUrl,
                Optional.empty());
    }

    private static <T> T validated(Map<String, String> errors, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException invalid) {
            errors.putIfAbsent(invalid.subject(), invalid.reason());
            return null;
        }
    }
}
