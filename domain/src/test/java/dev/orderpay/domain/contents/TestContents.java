package dev.orderpay.domain.contents;

import dev.orderpay.domain.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Contents for tests: a line of a given amount in NOK, a customer, an address. */
public final class TestContents {

    private TestContents() {
    }

    public static LineItem line(String lineId, long amountMinor) {
        return new LineItem(lineId, "Item " + lineId, BigDecimal.ONE, Money.of(amountMinor, "NOK"),
                new BigDecimal("25"), Money.of(amountMinor / 5, "NOK"), Optional.of("SKU-" + lineId));
    }

    /** A line of so many units costing {@code amountMinor} NOK in all, {@code vatMinor} of it VAT at 25 %. */
    public static LineItem line(String lineId, String quantity, long amountMinor, long vatMinor) {
        return new LineItem(lineId, "Item " + lineId, new BigDecimal(quantity), Money.of(amountMinor, "NOK"),
                new BigDecimal("25"), Money.of(vatMinor, "NOK"), Optional.empty());
    }

    /** Only lines: 3 units of line "a" for 100.00 NOK (VAT 20.00) and 1 of "b" for 50.00 NOK (VAT 10.00). */
    public static OrderContents twoLinesOf15000() {
        return new OrderContents(new OrderLines(List.of(line("a", "3", 100_00, 20_00), line("b", "1", 50_00, 10_00))),
                Customer.NONE, Optional.empty(), Optional.empty(), Metadata.NONE);
    }

    public static Customer customer() {
        return new Customer(Optional.of(new EmailAddress("kari@example.com")),
                Optional.of(new PhoneNumber("+4799999999")), Optional.of(PersonName.of("first_name", "Kari")),
                Optional.of(PersonName.of("last_name", "Nordmann")));
    }

    public static Address address() {
        return new Address(Optional.of(PersonName.of("first_name", "Kari")), Optional.empty(), "Storgata 1",
                Optional.empty(), "0155", "Oslo", new CountryCode("NO"), Optional.empty(), Optional.empty());
    }

    /** Two lines of 100.00 and 199.00 NOK, a customer, both addresses and one metadata key. */
    public static OrderContents contentsOf29900() {
        return new OrderContents(new OrderLines(List.of(line("1", 100_00), line("2", 199_00))), customer(),
                Optional.of(address()), Optional.of(address()), Metadata.of(Map.of("shop_order", "A-17")));
    }
}
