package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The customer's and the addresses' value types, and that none of them prints personal data. */
class CustomerDetailsTest {

    @ParameterizedTest
    @ValueSource(strings = {"kari", "kari@", "@example.com", "kari@example", "ka ri@example.com", "a@b@example.com"})
    void given_no_email_shape_when_an_email_is_made_then_email_is_named(String text) {
        assertThatThrownBy(() -> new EmailAddress(text))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("email"));
    }

    @Test
    void given_an_email_longer_than_254_characters_when_it_is_made_then_it_is_refused() {
        assertThatThrownBy(() -> new EmailAddress("k".repeat(250) + "@example.com"))
                .hasMessage("email must be at most 254 characters");
        assertThat(new EmailAddress("kari.nordmann+shop@post.example.no").value()).contains("@post");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4799999999", "+0799999999", "+47 99999999", "+1234567890123456", "+4"})
    void given_a_number_not_in_e164_when_a_phone_number_is_made_then_phone_number_is_named(String text) {
        assertThatThrownBy(() -> new PhoneNumber(text))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("phone_number"));
    }

    @Test
    void given_an_e164_number_when_it_is_made_then_it_is_kept() {
        assertThat(new PhoneNumber("+4799999999").value()).isEqualTo("+4799999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "NOR", "XX", "ZZ", ""})
    void given_no_assigned_alpha_2_code_when_a_country_is_made_then_country_is_named(String code) {
        assertThatThrownBy(() -> new CountryCode(code))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("country"));
    }

    @Test
    void given_an_assigned_code_when_a_country_is_made_then_it_is_kept() {
        assertThat(new CountryCode("SE")).hasToString("SE");
    }

    @Test
    void given_a_blank_or_long_name_when_it_is_made_then_its_field_is_named() {
        assertThatThrownBy(() -> PersonName.of("last_name", " ")).hasMessage("last_name must not be blank");
        assertThatThrownBy(() -> PersonName.of("first_name", "x".repeat(101)))
                .hasMessage("first_name must be at most 100 characters");
    }

    @Test
    void given_an_address_without_its_required_parts_when_it_is_made_then_each_is_named() {
        assertThatThrownBy(() -> new Address(Optional.empty(), Optional.empty(), null, Optional.empty(), "0155",
                "Oslo", new CountryCode("NO"), Optional.empty(), Optional.empty()))
                .hasMessage("address_line must not be blank");
        assertThatThrownBy(() -> new Address(Optional.empty(), Optional.empty(), "Storgata 1", Optional.of(""),
                "0155", "Oslo", new CountryCode("NO"), Optional.empty(), Optional.empty()))
                .hasMessage("address_line_2 must not be blank");
        assertThatThrownBy(() -> Address.postalCode("x".repeat(21)))
                .hasMessage("postal_code must be at most 20 characters");
        assertThatThrownBy(() -> Address.postalPlace(null)).hasMessage("postal_place must not be blank");
        assertThatThrownBy(() -> new Address(Optional.empty(), Optional.empty(), "Storgata 1", Optional.empty(),
                "0155", "Oslo", null, Optional.empty(), Optional.empty()))
                .hasMessage("country is required");
    }

    @Test
    void given_personal_data_when_it_is_printed_then_none_of_it_shows() {
        String printed = TestContents.customer() + " " + TestContents.address() + " "
                + TestContents.contentsOf29900();

        assertThat(printed).doesNotContain("kari", "Kari", "+47", "Nordmann", "Storgata", "Oslo");
        assertThat(Customer.NONE.isEmpty()).isTrue();
        assertThat(TestContents.customer().isEmpty()).isFalse();
    }
}
