package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.order.OrderContentsInput.Item;
import dev.orderpay.application.port.in.order.OrderContentsInput.Person;
import dev.orderpay.application.port.in.order.OrderContentsInput.Place;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.contents.Address;
import dev.orderpay.domain.contents.CountryCode;
import dev.orderpay.domain.contents.Customer;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.LineItem;
import dev.orderpay.domain.contents.Metadata;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.OrderLines;
import dev.orderpay.domain.contents.PersonName;
import dev.orderpay.domain.contents.PhoneNumber;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Checks an order's contents field by field, collecting an error for every bad one under its path, so a merchant
 * hears of all of them at once. The domain's value types hold the rules; this only walks the input and names paths.
 */
final class ContentsReader {

    private final Map<String, String> errors;

    ContentsReader(Map<String, String> errors) {
        this.errors = errors;
    }

    /**
     * @param currency the order's currency, null when it is itself bad (then the lines' amounts are checked as
     *                 numbers only)
     * @return the contents, or null when any part is bad
     */
    OrderContents read(OrderContentsInput input, Currency currency) {
        int before = errors.size();
        OrderLines lines = lines(input.items(), currency);
        Customer customer = input.customer() == null ? Customer.NONE : customer(input.customer());
        Optional<Address> shipping = Optional.ofNullable(input.shippingAddress())
                .map(place -> address("shipping_address", place));
        Optional<Address> billing = Optional.ofNullable(input.billingAddress())
                .map(place -> address("billing_address", place));
        Metadata metadata = input.metadata() == null ? Metadata.NONE : metadata(input.metadata());
        if (errors.size() > before) {
            return null;
        }
        return new OrderContents(lines, customer, shipping, billing, metadata);
    }

    private OrderLines lines(List<Item> items, Currency currency) {
        if (items == null) {
            return OrderLines.NONE;
        }
        if (items.size() > OrderLines.MAX_LINES) {
            errors.put("items", "must be at most " + OrderLines.MAX_LINES + " lines");
            return null;
        }
        List<LineItem> lines = new ArrayList<>();
        Set<String> lineIds = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            String path = "items[" + index + "]";
            Item item = items.get(index);
            if (item == null) {
                errors.put(path, "must be a line, not null");
                continue;
            }
            LineItem line = line(path, item, currency);
            if (line != null && !lineIds.add(line.lineId())) {
                errors.put(path + ".line_id", "must be unique in the order");
            } else if (line != null) {
                lines.add(line);
            }
        }
        return lines.size() == items.size() ? new OrderLines(lines) : null;
    }

    private LineItem line(String path, Item item, Currency currency) {
        int before = errors.size();
        String lineId = checked(path, () -> LineItem.lineId(item.lineId()));
        String description = checked(path, () -> LineItem.description(item.description()));
        BigDecimal quantity = checked(path, () -> LineItem.quantity(item.quantity()));
        Long amount = checked(path, () -> minorUnits("amount", item.amount()));
        BigDecimal vat = checked(path, () -> LineItem.vat(item.vat()));
        Long vatAmount = checked(path, () -> minorUnits("vat_amount", item.vatAmount()));
        Optional<String> sku = Optional.ofNullable(item.sku()).map(text -> checked(path, () -> LineItem.sku(text)));
        if (errors.size() > before || currency == null) {
            return null;
        }
        return checked(path, () -> new LineItem(lineId, description, quantity, new Money(amount, currency), vat,
                new Money(vatAmount, currency), sku));
    }

    /** A line's amounts may be 0 (a free gift), never negative, never more than any real payment. */
    private static Long minorUnits(String field, Long value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        if (value < 0 || value > Money.MAX_MINOR_UNITS) {
            throw new InvalidValueException(field, "must be a whole number of minor units from 0 to "
                    + Money.MAX_MINOR_UNITS);
        }
        return value;
    }

    private Customer customer(Person person) {
        int before = errors.size();
        Optional<EmailAddress> email = optional("customer", person.email(), EmailAddress::new);
        Optional<PhoneNumber> phone = optional("customer", person.phoneNumber(), PhoneNumber::new);
        Optional<PersonName> first = optional("customer", person.firstName(), text -> PersonName.of("first_name", text));
        Optional<PersonName> last = optional("customer", person.lastName(), text -> PersonName.of("last_name", text));
        return errors.size() > before ? null : new Customer(email, phone, first, last);
    }

    private Address address(String path, Place place) {
        int before = errors.size();
        Optional<PersonName> first = optional(path, place.firstName(), text -> PersonName.of("first_name", text));
        Optional<PersonName> last = optional(path, place.lastName(), text -> PersonName.of("last_name", text));
        String line = checked(path, () -> Address.addressLine("address_line", place.addressLine()));
        Optional<String> line2 = optional(path, place.addressLine2(),
                text -> Address.addressLine("address_line_2", text));
        String postalCode = checked(path, () -> Address.postalCode(place.postalCode()));
        String postalPlace = checked(path, () -> Address.postalPlace(place.postalPlace()));
        CountryCode country = checked(path, () -> new CountryCode(place.country()));
        Optional<PhoneNumber> phone = optional(path, place.phoneNumber(), PhoneNumber::new);
        Optional<EmailAddress> email = optional(path, place.email(), EmailAddress::new);
        if (errors.size() > before) {
            return null;
        }
        return new Address(first, last, line, line2, postalCode, postalPlace, country, phone, email);
    }

    private Metadata metadata(Map<String, String> values) {
        if (values.size() > Metadata.MAX_KEYS) {
            errors.put("metadata", "must have at most " + Metadata.MAX_KEYS + " keys");
            return null;
        }
        int before = errors.size();
        Map<String, String> valid = new TreeMap<>();
        values.forEach((key, value) -> {
            String goodKey = checked(null, () -> Metadata.key(key));
            String goodValue = goodKey == null ? null : checked(null, () -> Metadata.value(key, value));
            if (goodValue != null) {
                valid.put(goodKey, goodValue);
            }
        });
        return errors.size() > before ? null : Metadata.of(valid);
    }

    private <T> Optional<T> optional(String path, String text, java.util.function.Function<String, T> value) {
        return text == null ? Optional.empty() : Optional.ofNullable(checked(path, () -> value.apply(text)));
    }

    /** The value, or null with its error recorded under {@code path.subject} (the subject alone without a path). */
    private <T> T checked(String path, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException invalid) {
            errors.putIfAbsent(path == null ? invalid.subject() : path + "." + invalid.subject(), invalid.reason());
            return null;
        }
    }
}
