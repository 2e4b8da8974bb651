package dev.orderpay.application.port.in.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An order's contents as the merchant sent them, unchecked: any part may be missing (null). {@link CreateOrderCommand#of}
 * checks them and names every bad field by its path ({@code items[3].amount}, {@code customer.email}).
 */
public record OrderContentsInput(List<Item> items, Person customer, Place shippingAddress, Place billingAddress,
                                 Map<String, String> metadata) {

    public static final OrderContentsInput NONE = new OrderContentsInput(null, null, null, null, null);

    /** One line; amounts in the order currency's minor units. */
    public record Item(String lineId, String description, BigDecimal quantity, Long amount, BigDecimal vat,
                       Long vatAmount, String sku) {
    }

    public record Person(String email, String phoneNumber, String firstName, String lastName) {
    }

    public record Place(String firstName, String lastName, String addressLine, String addressLine2, String postalCode,
                        String postalPlace, String country, String phoneNumber, String email) {
    }
}
