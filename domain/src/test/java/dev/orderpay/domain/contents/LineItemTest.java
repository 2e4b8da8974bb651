package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineItemTest {

    @Test
    void given_good_values_when_a_line_is_made_then_quantity_and_vat_lose_their_trailing_zeros() {
        LineItem line = new LineItem("1", "Socks", new BigDecimal("2.500"), Money.of(250_00, "NOK"),
                new BigDecimal("25.00"), Money.of(50_00, "NOK"), Optional.empty());

        assertThat(line.quantity()).isEqualByComparingTo("2.5").hasScaleOf(1);
        assertThat(line.vat()).isEqualTo(new BigDecimal("25"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.0001", "1000000001"})
    void given_a_bad_quantity_when_it_is_checked_then_quantity_is_named(String quantity) {
        assertThatThrownBy(() -> LineItem.quantity(new BigDecimal(quantity)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("quantity"));
    }

    @Test
    void given_no_quantity_when_it_is_checked_then_it_is_required() {
        assertThatThrownBy(() -> LineItem.quantity(null)).hasMessage("quantity is required");
    }

    @Test
    void given_a_quantity_with_three_decimals_when_it_is_checked_then_it_is_taken() {
        assertThat(LineItem.quantity(new BigDecimal("0.125"))).isEqualByComparingTo("0.125");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "100.01", "12.345"})
    void given_a_bad_vat_when_it_is_checked_then_vat_is_named(String vat) {
        assertThatThrownBy(() -> LineItem.vat(new BigDecimal(vat)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("vat"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100", "12.5", "15.25"})
    void given_a_vat_from_0_to_100_with_two_decimals_when_it_is_checked_then_it_is_taken(String vat) {
        assertThat(LineItem.vat(new BigDecimal(vat))).isEqualByComparingTo(vat);
    }

    @Test
    void given_a_vat_amount_above_the_amount_when_a_line_is_made_then_vat_amount_is_named() {
        assertThatThrownBy(() -> new LineItem("1", "Socks", BigDecimal.ONE, Money.of(100, "NOK"), BigDecimal.TEN,
                Money.of(101, "NOK"), Optional.empty()))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("vat_amount"));
    }

    @Test
    void given_blank_or_long_texts_when_they_are_checked_then_each_names_its_field() {
        assertThatThrownBy(() -> LineItem.lineId(" ")).hasMessage("line_id must not be blank");
        assertThatThrownBy(() -> LineItem.lineId("x".repeat(101))).hasMessage("line_id must be at most 100 characters");
        assertThatThrownBy(() -> LineItem.description(null)).hasMessage("description must not be blank");
        assertThatThrownBy(() -> LineItem.description("x".repeat(501)))
                .hasMessage("description must be at most 500 characters");
        assertThatThrownBy(() -> LineItem.sku("x".repeat(101))).hasMessage("sku must be at most 100 characters");
    }
}
