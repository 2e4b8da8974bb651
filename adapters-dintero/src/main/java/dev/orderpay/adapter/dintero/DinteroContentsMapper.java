package dev.orderpay.adapter.dintero;

import dev.orderpay.domain.contents.Address;
import dev.orderpay.domain.contents.Customer;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.LineItem;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.PersonName;
import dev.orderpay.domain.contents.PhoneNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An order's contents in Dintero's session shape: lines as {@code order.items}, the customer's e-mail address and
 * phone number as {@code customer}, the addresses as {@code order.shipping_address} and
 * {@code order.billing_address}. Dintero's session customer has no names, so an address the merchant gave without
 * any name carries the customer's. What the order lacks is {@code null}, which the request leaves out.
 */
final class DinteroContentsMapper {

    /**
     * Dintero's pattern for an address's phone number, applied to the customer's too: a shorter E.164 number (a
     * service number, not a buyer's) is left out rather than have the session refused.
     */
    private static final Pattern DINTERO_PHONE = Pattern.compile("\\+?\\d{5,15}");

    private DinteroContentsMapper() {
    }

    /** The lines, or {@code null} for an order without, so that no {@code items} are sent. */
    static List<DinteroSessionRequest.Item> items(OrderContents contents) {
        if (contents.lines().isEmpty()) {
            return null;
        }
        return contents.lines().items().stream().map(DinteroContentsMapper::item).toList();
    }

    static DinteroSessionRequest.Customer customer(OrderContents contents) {
        Customer customer = contents.customer();
        Optional<String> email = customer.email().map(EmailAddress::value);
        Optional<String> phoneNumber = customer.phoneNumber().flatMap(DinteroContentsMapper::phoneNumber);
        if (email.isEmpty() && phoneNumber.isEmpty()) {
            return null;
        }
        return new DinteroSessionRequest.Customer(email.orElse(null), phoneNumber.orElse(null));
    }

    static DinteroSessionRequest.Address shippingAddress(OrderContents contents) {
        return contents.shippingAddress().map(address -> address(address, contents.customer())).orElse(null);
    }

    static DinteroSessionRequest.Address billingAddress(OrderContents contents) {
        return contents.billingAddress().map(address -> address(address, contents.customer())).orElse(null);
    }

    /**
     * Every personal value the session carries, for keeping them out of Dintero's error text should it quote one
     * (see {@link DinteroResponses}).
     */
    static List<String> personalValues(OrderContents contents) {
        Customer customer = contents.customer();
        List<String> values = new ArrayList<>();
        Stream.of(customer.email().map(EmailAddress::value), customer.phoneNumber().map(PhoneNumber::value),
                customer.firstName().map(PersonName::value), customer.lastName().map(PersonName::value))
                .flatMap(Optional::stream).forEach(values::add);
        Stream.of(contents.shippingAddress(), contents.billingAddress()).flatMap(Optional::stream)
                .forEach(address -> {
                    Stream.of(address.firstName().map(PersonName::value), address.lastName().map(PersonName::value),
                            address.addressLine2(), address.phoneNumber().map(PhoneNumber::value),
                            address.email().map(EmailAddress::value)).flatMap(Optional::stream).forEach(values::add);
                    values.add(address.addressLine());
                    values.add(address.postalCode());
                    values.add(address.postalPlace());
                });
        return values;
    }

    /** The SKU names the product, as Dintero's {@code id} asks; a line without one is named by its line id. */
    private static DinteroSessionRequest.Item item(LineItem line) {
        return new DinteroSessionRequest.Item(line.sku().orElse(line.lineId()), line.lineId(), line.description(),
                line.quantity(), minorUnits(line.amount().minorUnits()), line.vat(),
                minorUnits(line.vatAmount().minorUnits()));
    }

    private static DinteroSessionRequest.Address address(Address address, Customer customer) {
        boolean named = address.firstName().isPresent() || address.lastName().isPresent();
        Optional<PersonName> firstName = named ? address.firstName() : customer.firstName();
        Optional<PersonName> lastName = named ? address.lastName() : customer.lastName();
        return new DinteroSessionRequest.Address(firstName.map(PersonName::value).orElse(null),
                lastName.map(PersonName::value).orElse(null), address.addressLine(),
                address.addressLine2().orElse(null), address.postalCode(), address.postalPlace(),
                address.country().value(),
                address.phoneNumber().flatMap(DinteroContentsMapper::phoneNumber).orElse(null),
                address.email().map(EmailAddress::value).orElse(null));
    }

    private static Optional<String> phoneNumber(PhoneNumber number) {
        return Optional.of(number.value()).filter(value -> DINTERO_PHONE.matcher(value).matches());
    }

    /**
     * A line's amounts are parts of the order's amount, which the gateway has already found to fit Dintero's
     * 32-bit integer.
     */
    private static int minorUnits(long minorUnits) {
        return Math.toIntExact(minorUnits);
    }
}
