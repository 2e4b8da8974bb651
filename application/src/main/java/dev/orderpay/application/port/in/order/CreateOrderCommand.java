package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.idempotency.Fingerprint;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.contents.Address;
import dev.orderpay.domain.contents.Customer;
import dev.orderpay.domain.contents.LineItem;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.webhook.CallbackUrl;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * @param callbackUrl    where the order's events are also to go, if the merchant gave one
 * @param contents       its lines, customer, addresses and metadata ({@link OrderContents#NONE} without)
 * @param idempotencyKey the client's key for this request, if it sent one
 */
public record CreateOrderCommand(Money amount, Receipt receipt, Optional<CallbackUrl> callbackUrl,
                                 OrderContents contents, Optional<IdempotencyKey> idempotencyKey) {

    public CreateOrderCommand {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** A digest of what is asked for, to tell a true repeat from another request with the same key. */
    public String fingerprint() {
        // Without a callback URL or contents the digest stays what it was before orders had them, so keys stored
        // then still match. Tabs separate the contents' parts: no text the contents take may hold a control character.
        return Fingerprint.of(amount.minorUnits() + "\n" + amount.currencyCode() + "\n" + receipt.value()
                + callbackUrl.map(url -> "\n" + url.value()).orElse("")
                + (contents.equals(OrderContents.NONE) ? "" : "\ncontents\n" + canonical(contents)));
    }

    public CreateOrderCommand withIdempotencyKey(IdempotencyKey key) {
        return new CreateOrderCommand(amount, receipt, callbackUrl, contents, Optional.of(key));
    }

    /**
     * Builds the command from raw input, reporting every bad field at once rather than the first. With items, the
     * amount may be left out (it is then their sum); when given, it must be their sum.
     *
     * @param callbackUrl null when the merchant gave none
     */
    public static CreateOrderCommand of(Long amount, String currencyCode, String receipt, String callbackUrl,
                                        OrderContentsInput contentsInput) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long validAmount = amount == null ? null : validated(errors, () -> Money.requirePositive(amount));
        Currency currency = validated(errors, () -> Money.currency(currencyCode));
        Receipt validReceipt = validated(errors, () -> new Receipt(receipt));
        Optional<CallbackUrl> validCallbackUrl = callbackUrl == null ? Optional.empty()
                : Optional.ofNullable(validated(errors, () -> CallbackUrl.parse(callbackUrl)));
        OrderContents contents = new ContentsReader(errors).read(contentsInput, currency);
        if (contents != null && currency != null) {
            validAmount = checkSum(errors, amount, validAmount, contents, currency);
        } else if (amount == null && (contentsInput.items() == null || contentsInput.items().isEmpty())) {
            errors.put("amount", "is required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new CreateOrderCommand(new Money(validAmount, currency), validReceipt, validCallbackUrl, contents,
                Optional.empty());
    }

    /** The order's amount: as given, or the items' sum when only items were given; a mismatch names both. */
    private static Long checkSum(Map<String, String> errors, Long given, Long validAmount, OrderContents contents,
                                 Currency currency) {
        if (contents.lines().isEmpty()) {
            if (given == null) {
                errors.put("amount", "is required");
            }
            return validAmount;
        }
        long sum = contents.lines().total(currency).minorUnits();
        if (given == null) {
            return validated(errors, () -> Money.requirePositive(sum));
        }
        if (validAmount != null && validAmount != sum) {
            errors.put("amount", "must equal the sum of the items' amounts: " + sum + ", not " + validAmount);
            errors.put("items", "amounts add up to " + sum + ", not to the amount " + validAmount);
        }
        return validAmount;
    }

    private static <T> T validated(Map<String, String> errors, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException invalid) {
            errors.putIfAbsent(invalid.subject(), invalid.reason());
            return null;
        }
    }

    /** The contents as stable text: one part a line, fields separated by tabs, absent ones empty. */
    private static String canonical(OrderContents contents) {
        StringBuilder text = new StringBuilder();
        for (LineItem line : contents.lines().items()) {
            text.append("item\t").append(line.lineId()).append('\t').append(line.description()).append('\t')
                    .append(line.quantity().toPlainString()).append('\t').append(line.amount().minorUnits())
                    .append('\t').append(line.vat().toPlainString()).append('\t')
                    .append(line.vatAmount().minorUnits()).append('\t').append(line.sku().orElse("")).append('\n');
        }
        Customer customer = contents.customer();
        text.append("customer\t").append(customer.email().map(e -> e.value()).orElse("")).append('\t')
                .append(customer.phoneNumber().map(p -> p.value()).orElse("")).append('\t')
                .append(customer.firstName().map(n -> n.value()).orElse("")).append('\t')
                .append(customer.lastName().map(n -> n.value()).orElse("")).append('\n');
        text.append("shipping\t").append(contents.shippingAddress().map(CreateOrderCommand::canonical).orElse(""))
                .append('\n');
        text.append("billing\t").append(contents.billingAddress().map(CreateOrderCommand::canonical).orElse(""))
                .append('\n');
        contents.metadata().values().forEach((key, value) ->
                text.append("metadata\t").append(key).append('\t').append(value).append('\n'));
        return text.toString();
    }

    private static String canonical(Address address) {
        return String.join("\t", address.firstName().map(n -> n.value()).orElse(""),
                address.lastName().map(n -> n.value()).orElse(""), address.addressLine(),
                address.addressLine2().orElse(""), address.postalCode(), address.postalPlace(),
                address.country().value(), address.phoneNumber().map(p -> p.value()).orElse(""),
                address.email().map(e -> e.value()).orElse(""));
    }
}
