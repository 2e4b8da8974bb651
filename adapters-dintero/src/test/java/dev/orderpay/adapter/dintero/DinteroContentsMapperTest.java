package dev.orderpay.adapter.dintero;

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
import dev.orderpay.domain.contents.TestContents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DinteroContentsMapperTest {

    private static final Customer KARI = TestContents.customer();

    @Test
    void given_no_contents_when_mapped_then_there_are_no_items_customer_or_addresses_to_send() {
        assertThat(DinteroContentsMapper.items(OrderContents.NONE)).isNull();
        assertThat(DinteroContentsMapper.customer(OrderContents.NONE)).isNull();
        assertThat(DinteroContentsMapper.shippingAddress(OrderContents.NONE)).isNull();
        assertThat(DinteroContentsMapper.billingAddress(OrderContents.NONE)).isNull();
        assertThat(DinteroContentsMapper.personalValues(OrderContents.NONE)).isEmpty();
    }

    @Test
    void given_a_line_without_sku_when_mapped_then_its_line_id_names_it() {
        LineItem line = new LineItem("7", "Gift wrap", new BigDecimal("1.25"), Money.of(10_00, "NOK"),
                new BigDecimal("12.5"), Money.of(1_11, "NOK"), Optional.empty());

        assertThat(DinteroContentsMapper.items(contents(List.of(line), Customer.NONE, Optional.empty())))
                .containsExactly(new DinteroSessionRequest.Item("7", "7", "Gift wrap", new BigDecimal("1.25"), 10_00,
                        new BigDecimal("12.5"), 1_11));
    }

    @Test
    void given_a_customer_with_names_only_when_mapped_then_no_customer_is_sent() {
        Customer namesOnly = new Customer(Optional.empty(), Optional.empty(), KARI.firstName(), KARI.lastName());

        assertThat(DinteroContentsMapper.customer(contents(List.of(), namesOnly, Optional.empty()))).isNull();
    }

    @Test
    void given_an_address_without_names_when_mapped_then_it_carries_the_customers_names() {
        Address unnamed = address(Optional.empty(), Optional.empty(), Optional.empty());

        DinteroSessionRequest.Address mapped = DinteroContentsMapper.shippingAddress(
                contents(List.of(), KARI, Optional.of(unnamed)));

        assertThat(mapped).isEqualTo(new DinteroSessionRequest.Address("Kari", "Nordmann", "Storgata 1", null, "0155",
                "Oslo", "NO", null, null));
    }

    @Test
    void given_an_address_with_a_last_name_only_when_mapped_then_it_takes_none_of_the_customers_names() {
        Address lastNameOnly = address(Optional.empty(), Optional.of(PersonName.of("last_name", "Hansen")),
                Optional.empty());

        DinteroSessionRequest.Address mapped = DinteroContentsMapper.shippingAddress(
                contents(List.of(), KARI, Optional.of(lastNameOnly)));

        assertThat(mapped.firstName()).isNull();
        assertThat(mapped.lastName()).isEqualTo("Hansen");
    }

    @Test
    void given_phone_numbers_shorter_than_dintero_takes_when_mapped_then_they_are_left_out() {
        PhoneNumber short4 = new PhoneNumber("+4712");
        Customer shortPhone = new Customer(KARI.email(), Optional.of(short4), Optional.empty(), Optional.empty());
        OrderContents contents = contents(List.of(), shortPhone,
                Optional.of(address(Optional.empty(), Optional.empty(), Optional.of(short4))));

        assertThat(DinteroContentsMapper.customer(contents))
                .isEqualTo(new DinteroSessionRequest.Customer("kari@example.com", null));
        assertThat(DinteroContentsMapper.shippingAddress(contents).phoneNumber()).isNull();
    }

    @Test
    void given_a_customer_and_an_address_when_their_personal_values_are_listed_then_every_one_is_there() {
        Address full = new Address(Optional.of(PersonName.of("first_name", "Ola")), Optional.empty(), "Storgata 1",
                Optional.of("H0201"), "0155", "Oslo", new CountryCode("NO"),
                Optional.of(new PhoneNumber("+4798888888")), Optional.of(new EmailAddress("ola@example.com")));

        assertThat(DinteroContentsMapper.personalValues(contents(List.of(), KARI, Optional.of(full))))
                .containsExactlyInAnyOrder("kari@example.com", "+4799999999", "Kari", "Nordmann", "Ola", "H0201",
                        "+4798888888", "ola@example.com", "Storgata 1", "0155", "Oslo");
    }

    @Test
    void given_request_records_with_personal_values_when_printed_then_they_show_none() {
        assertThat(new DinteroSessionRequest.Customer("kari@example.com", "+4799999999").toString())
                .doesNotContain("kari", "4799");
        assertThat(DinteroContentsMapper.shippingAddress(TestContents.contentsOf29900()).toString())
                .doesNotContain("Kari", "Storgata", "Oslo");
    }

    private static Address address(Optional<PersonName> firstName, Optional<PersonName> lastName,
                                   Optional<PhoneNumber> phoneNumber) {
        return new Address(firstName, lastName, "Storgata 1", Optional.empty(), "0155", "Oslo", new CountryCode("NO"),
                phoneNumber, Optional.empty());
    }

    private static OrderContents contents(List<LineItem> lines, Customer customer, Optional<Address> shipping) {
        return new OrderContents(new OrderLines(lines), customer, shipping, Optional.empty(), Metadata.NONE);
    }
}
