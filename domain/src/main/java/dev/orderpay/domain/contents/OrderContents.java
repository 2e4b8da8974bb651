package dev.orderpay.domain.contents;

import java.util.Objects;
import java.util.Optional;

/**
 * What an order says besides its amount: its lines, who buys, where it goes, and the merchant's metadata. Given when
 * the order is placed and never changed. {@link #NONE} is an order without any of it, as every order was before.
 * A listing of orders reads a {@link #summary} of it instead: the number of lines, the customer's e-mail address and
 * the metadata.
 */
public record OrderContents(OrderLines lines, Customer customer, Optional<Address> shippingAddress,
                            Optional<Address> billingAddress, Metadata metadata) {

    public static final OrderContents NONE = new OrderContents(OrderLines.NONE, Customer.NONE, Optional.empty(),
            Optional.empty(), Metadata.NONE);

    public OrderContents {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(billingAddress, "billingAddress");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** As a listing reads it: lines only counted, of the customer only the e-mail address, no addresses. */
    public static OrderContents summary(int lineCount, Optional<EmailAddress> customerEmail, Metadata metadata) {
        return new OrderContents(OrderLines.counted(lineCount),
                new Customer(customerEmail, Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(),
                Optional.empty(), metadata);
    }

    /** This as a listing reads it. */
    public OrderContents summary() {
        return summary(lines.count(), customer.email(), metadata);
    }
}
