package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.InvalidCommandException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotalsQueryTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void given_a_currency_and_a_range_then_they_are_kept() {
        TotalsQuery query = new TotalsQuery(Optional.of(Currency.getInstance("NOK")), Optional.of(FROM),
                Optional.of(FROM.plusSeconds(1)));

        assertThat(query.currency()).contains(Currency.getInstance("NOK"));
        assertThat(query.from()).contains(FROM);
        assertThat(query.to()).contains(FROM.plusSeconds(1));
    }

    @Test
    void given_nothing_then_everything_is_summed() {
        TotalsQuery query = new TotalsQuery(Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(query.currency()).isEmpty();
        assertThat(query.from()).isEmpty();
        assertThat(query.to()).isEmpty();
    }

    @Test
    void given_a_range_that_ends_where_it_starts_then_to_is_reported() {
        assertThatThrownBy(() -> new TotalsQuery(Optional.empty(), Optional.of(FROM), Optional.of(FROM)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("to"));
    }

    @Test
    void given_a_range_that_ends_before_it_starts_then_to_is_reported() {
        assertThatThrownBy(() -> new TotalsQuery(Optional.empty(), Optional.of(FROM), Optional.of(FROM.minusSeconds(1))))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("to"));
    }

    @Test
    void given_a_missing_part_then_the_query_cannot_be_made() {
        assertThatThrownBy(() -> new TotalsQuery(null, Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TotalsQuery(Optional.empty(), null, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TotalsQuery(Optional.empty(), Optional.empty(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_net_total_is_what_was_captured_less_what_was_refunded() {
        CurrencyTotals totals = new CurrencyTotals(Currency.getInstance("NOK"), 500_00, 300_00, 120_00);

        assertThat(totals.netMinorUnits()).isEqualTo(180_00);
    }
}
