package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.order.OrderContentsInput.Item;
import dev.orderpay.application.port.in.order.OrderContentsInput.Person;
import dev.orderpay.application.port.in.order.OrderContentsInput.Place;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.contents.OrderContents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The create command's contents: every bad field named by its path, all at once, and the sum rule. */
class CreateOrderContentsTest {

    private static final Person KARI = new Person("kari@example.com", "+4799999999", "Kari", "Nordmann");
    private static final Place OSLO = new Place("Kari", "Nordmann", "Storgata 1", null, "0155", "Oslo", "NO", null,
            null);

    @Test
    void given_items_a_customer_addresses_and_metadata_then_the_command_carries_them() {
        CreateOrderCommand command = CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null,
                new OrderContentsInput(List.of(item("1", 100_00), item("2", 199_00)), KARI, OSLO, OSLO,
                        Map.of("channel", "web")));

        OrderContents contents = command.contents();
        assertThat(contents.lines().items()).extracting(line -> line.lineId()).containsExactly("1", "2");
        assertThat(contents.lines().items().get(0).amount()).isEqualTo(Money.of(100_00, "NOK"));
        assertThat(contents.customer().email()).hasValueSatisfying(email ->
                assertThat(email.value()).isEqualTo("kari@example.com"));
        assertThat(contents.shippingAddress()).hasValueSatisfying(address ->
                assertThat(address.postalPlace()).isEqualTo("Oslo"));
        assertThat(contents.billingAddress()).isPresent();
        assertThat(contents.metadata().values()).containsEntry("channel", "web");
    }

    @Test
    void given_items_and_no_amount_then_the_amount_is_their_sum() {
        CreateOrderCommand command = CreateOrderCommand.of(null, "NOK", "receipt#1", null,
                new OrderContentsInput(List.of(item("1", 100_00), item("2", 199_00)), null, null, null, null));

        assertThat(command.amount()).isEqualTo(Money.of(299_00, "NOK"));
    }

    @Test
    void given_an_amount_other_than_the_items_sum_then_both_are_named_with_both_numbers() {
        assertThatThrownBy(() -> CreateOrderCommand.of(300_00L, "NOK", "receipt#1", null,
                new OrderContentsInput(List.of(item("1", 100_00), item("2", 199_00)), null, null, null, null)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid -> {
                    assertThat(invalid.fieldErrors()).containsOnlyKeys("amount", "items");
                    assertThat(invalid.fieldErrors().get("amount")).contains("29900", "30000");
                    assertThat(invalid.fieldErrors().get("items")).contains("29900", "30000");
                });
    }

    @Test
    void given_items_of_nothing_and_no_amount_then_the_amount_is_named() {
        assertThatThrownBy(() -> CreateOrderCommand.of(null, "NOK", "receipt#1", null,
                new OrderContentsInput(List.of(item("1", 0)), null, null, null, null)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("amount"));
    }

    @Test
    void given_no_items_and_no_amount_then_the_amount_is_required() {
        assertThatThrownBy(() -> CreateOrderCommand.of(null, "NOK", "receipt#1", null,
                new OrderContentsInput(List.of(), KARI, null, null, null)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsExactly(Map.entry("amount", "is required")));
    }

    @Test
    void given_every_field_of_a_line_bad_then_each_is_named_by_its_path() {
        Item bad = new Item(" ", null, new BigDecimal("0.0001"), -1L, new BigDecimal("101"), null, "");
        assertThatThrownBy(() -> CreateOrderCommand.of(100L, "NOK", "receipt#1", null,
                new OrderContentsInput(List.of(item("1", 100), bad), null, null, null, null)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("items[1].line_id",
                                "items[1].description", "items[1].quantity", "items[1].amount", "items[1].vat",
                                "items[1].vat_amount", "items[1].sku"));
    }

    @Test
    void given_a_vat_amount_above_the_line_amount_and_a_repeated_line_id_then_each_names_its_line() {
        Item tooMuchVat = new Item("2", "Socks", BigDecimal.ONE, 100L, BigDecimal.TEN, 101L, null);
        assertThatThrownBy(() -> CreateOrderCommand.of(null, "NOK", "receipt#1", null,
                new OrderContentsInput(List.of(item("1", 100), tooMuchVat, item("1", 100)), null, null, null, null)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("items[1].vat_amount",
                                "items[2].line_id"));
    }

    @Test
    void given_a_null_line_and_a_bad_currency_then_both_are_named_and_the_lines_numbers_still_checked_not_the_amount() {
        List<Item> items = new ArrayList<>();
        items.add(null);
        items.add(new Item("2", "Socks", BigDecimal.ONE, null, BigDecimal.TEN, 0L, null));
        assertThatThrownBy(() -> CreateOrderCommand.of(null, "nok", "receipt#1", null,
                new OrderContentsInput(items, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("currency", "items[0]",
                                "items[1].amount"));
    }

    @Test
    void given_501_items_then_items_is_named() {
        List<Item> items = IntStream.rangeClosed(1, 501).mapToObj(line -> item("l" + line, 1)).toList();

        assertThatThrownBy(() -> CreateOrderCommand.of(null, "NOK", "receipt#1", null,
                new OrderContentsInput(items, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("items"));
    }

    @Test
    void given_a_bad_customer_then_each_bad_field_is_named_under_customer() {
        assertThatThrownBy(() -> CreateOrderCommand.of(100L, "NOK", "receipt#1", null, new OrderContentsInput(null,
                new Person("kari", "99999999", " ", "x".repeat(101)), null, null, null)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("customer.email",
                                "customer.phone_number", "customer.first_name", "customer.last_name"));
    }

    @Test
    void given_bad_addresses_then_each_bad_field_is_named_under_its_address() {
        Place bad = new Place(" ", null, null, "", null, "x".repeat(101), "NOR", "+4", "kari@");
        assertThatThrownBy(() -> CreateOrderCommand.of(100L, "NOK", "receipt#1", null,
                new OrderContentsInput(null, null, bad, new Place(null, null, "Storgata 1", null, "0155", "Oslo",
                        "no", null, null), null)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("shipping_address.first_name",
                                "shipping_address.address_line", "shipping_address.address_line_2",
                                "shipping_address.postal_code", "shipping_address.postal_place",
                                "shipping_address.country", "shipping_address.phone_number",
                                "shipping_address.email", "billing_address.country"));
    }

    @Test
    void given_bad_metadata_then_each_bad_key_is_named_and_too_many_keys_name_metadata() {
        assertThatThrownBy(() -> CreateOrderCommand.of(100L, "NOK", "receipt#1", null, new OrderContentsInput(null,
                null, null, null, Map.of("good", "ok", "bad key", "v", "long", "v".repeat(501)))))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("metadata.bad key", "metadata.long"));
        Map<String, String> tooMany = new HashMap<>();
        IntStream.rangeClosed(1, 51).forEach(key -> tooMany.put("k" + key, "v"));
        assertThatThrownBy(() -> CreateOrderCommand.of(100L, "NOK", "receipt#1", null, new OrderContentsInput(null,
                null, null, null, tooMany)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("metadata"));
    }

    @Test
    void given_other_contents_then_the_fingerprint_differs_and_the_same_contents_give_the_same_one() {
        String plain = CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE)
                .fingerprint();
        String withItems = fingerprintOf(List.of(item("1", 100_00), item("2", 199_00)), KARI);

        assertThat(withItems).isNotEqualTo(plain);
        assertThat(fingerprintOf(List.of(item("1", 100_00), item("2", 199_00)), KARI)).isEqualTo(withItems);
        assertThat(fingerprintOf(List.of(item("1", 199_00), item("2", 100_00)), KARI)).isNotEqualTo(withItems);
        assertThat(fingerprintOf(List.of(item("1", 100_00), item("2", 199_00)), null)).isNotEqualTo(withItems);
    }

    private static String fingerprintOf(List<Item> items, Person customer) {
        return CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null,
                new OrderContentsInput(items, customer, null, null, null)).fingerprint();
    }

    private static Item item(String lineId, long amount) {
        return new Item(lineId, "Item " + lineId, BigDecimal.ONE, amount, new BigDecimal("25"), amount / 5, null);
    }
}
