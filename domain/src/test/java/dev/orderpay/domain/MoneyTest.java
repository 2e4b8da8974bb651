package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void given_one_minor_unit_then_it_is_a_valid_amount() {
        Money money = Money.of(1, "NOK");

        assertThat(money.minorUnits()).isEqualTo(1);
        assertThat(money.currency()).isEqualTo(Currency.getInstance("NOK"));
        assertThat(money.currencyCode()).isEqualTo("NOK");
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void given_less_than_nothing_then_the_amount_is_refused(long minorUnits) {
        assertRefused(() -> Money.of(minorUnits, "NOK"), "amount");
    }

    @Test
    void given_nothing_then_it_is_money_that_is_zero() {
        assertThat(Money.zero(Currency.getInstance("NOK"))).isEqualTo(Money.of(0, "NOK"));
        assertThat(Money.of(0, "NOK").isZero()).isTrue();
        assertThat(Money.of(1, "NOK").isZero()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Money.MAX_MINOR_UNITS + 1})
    void given_nothing_or_less_or_too_much_then_it_is_not_an_amount_a_merchant_may_ask_for(long minorUnits) {
        assertRefused(() -> Money.requirePositive(minorUnits), "amount");
    }

    @Test
    void sums_and_differences_stay_in_the_currency() {
        Money hundred = Money.of(10000, "NOK");

        assertThat(hundred.plus(Money.of(250, "NOK"))).isEqualTo(Money.of(10250, "NOK"));
        assertThat(hundred.minus(Money.of(250, "NOK"))).isEqualTo(Money.of(9750, "NOK"));
        assertThat(hundred.minus(hundred).isZero()).isTrue();
    }

    @Test
    void given_more_taken_away_than_there_is_then_it_is_refused_as_money_is_never_negative() {
        assertThatThrownBy(() -> Money.of(100, "NOK").minus(Money.of(101, "NOK")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparisons_order_amounts_of_one_currency() {
        Money less = Money.of(100, "NOK");
        Money more = Money.of(101, "NOK");

        assertThat(less.isLessThan(more)).isTrue();
        assertThat(more.isMoreThan(less)).isTrue();
        assertThat(less.isMoreThan(less)).isFalse();
        assertThat(more.min(less)).isEqualTo(less);
        assertThat(less.compareTo(Money.of(100, "NOK"))).isZero();
    }

    @Test
    void given_two_currencies_then_arithmetic_and_comparison_are_refused() {
        Money nok = Money.of(100, "NOK");
        Money sek = Money.of(100, "SEK");

        assertThatThrownBy(() -> nok.plus(sek)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nok.minus(sek)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nok.isLessThan(sek)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_the_largest_allowed_amount_then_it_is_kept() {
        assertThat(Money.of(Money.MAX_MINOR_UNITS, "NOK").minorUnits()).isEqualTo(100_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(longs = {Money.MAX_MINOR_UNITS + 1, Long.MAX_VALUE})
    void given_more_than_the_largest_allowed_amount_then_it_is_refused(long minorUnits) {
        assertRefused(() -> Money.of(minorUnits, "NOK"), "amount");
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
            "29900, NOK, 299.00",
            "1, NOK, 0.01",
            "500, JPY, 500",
            "1234, BHD, 1.234"})
    void major_units_take_the_scale_of_the_currency(long minorUnits, String currency, String majorUnits) {
        BigDecimal major = Money.of(minorUnits, currency).toMajorUnits();

        // equals on BigDecimal compares the scale too: 500 JPY must not come out as 5.00
        assertThat(major).isEqualTo(new BigDecimal(majorUnits));
        assertThat(major.scale()).isEqualTo(Currency.getInstance(currency).getDefaultFractionDigits());
    }

    @Test
    void money_reads_as_major_units_and_currency() {
        assertThat(Money.of(29900, "NOK")).hasToString("299.00 NOK");
        assertThat(Money.of(500, "JPY")).hasToString("500 JPY");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"nok", "Nok", "NO", "NOKK", " NOK", "N0K", "578"})
    void given_a_code_that_is_not_three_capital_letters_then_the_currency_is_refused(String code) {
        assertRefused(() -> Money.currency(code), "currency");
    }

    @Test
    void given_an_unknown_code_then_the_currency_is_refused() {
        assertRefused(() -> Money.of(100, "XYZ"), "currency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XAU", "XTS"})
    void given_a_code_that_is_no_means_of_payment_then_the_currency_is_refused(String code) {
        assertRefused(() -> Money.of(100, code), "currency");
    }

    @Test
    void given_no_currency_then_money_cannot_be_made() {
        assertThatThrownBy(() -> new Money(100, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_same_amount_and_code_is_the_same_money_and_anything_else_is_not() {
        Money money = Money.of(29900, "NOK");

        assertThat(money.sameAs(29900, "NOK")).isTrue();
        assertThat(money.sameAs(29901, "NOK")).isFalse();
        assertThat(money.sameAs(29900, "SEK")).isFalse();
        assertThat(money.sameAs(29900, "nok")).isFalse();
        assertThat(money.sameAs(29900, null)).isFalse();
    }

    private static void assertRefused(Runnable creation, String subject) {
        assertThatThrownBy(creation::run)
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo(subject))
                .hasMessageStartingWith(subject + " ");
    }
}
