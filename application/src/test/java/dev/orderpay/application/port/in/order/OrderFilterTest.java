package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Receipt;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderFilterTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void the_empty_filter_asks_for_nothing_in_particular() {
        assertThat(OrderFilter.NONE.statuses()).isEmpty();
        assertThat(OrderFilter.NONE.currency()).isEmpty();
        assertThat(OrderFilter.NONE.createdFrom()).isEmpty();
        assertThat(OrderFilter.NONE.createdTo()).isEmpty();
        assertThat(OrderFilter.NONE.receipt()).isEmpty();
    }

    @Test
    void given_every_part_then_each_is_kept() {
        OrderFilter filter = new OrderFilter(Set.of(OrderStatus.AUTHORIZED), Optional.of(Currency.getInstance("NOK")),
                Optional.of(FROM), Optional.of(FROM.plusSeconds(1)), Optional.of(new Receipt("r-1")));

        assertThat(filter.statuses()).containsExactly(OrderStatus.AUTHORIZED);
        assertThat(filter.currency()).contains(Currency.getInstance("NOK"));
        assertThat(filter.createdFrom()).contains(FROM);
        assertThat(filter.createdTo()).contains(FROM.plusSeconds(1));
        assertThat(filter.receipt()).contains(new Receipt("r-1"));
    }

    @Test
    void given_a_range_that_ends_where_it_starts_then_created_to_is_reported() {
        assertThatThrownBy(() -> withRange(FROM, FROM))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("created_to"));
    }

    @Test
    void given_a_range_that_ends_before_it_starts_then_created_to_is_reported() {
        assertThatThrownBy(() -> withRange(FROM, FROM.minusSeconds(1)))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("created_to"));
    }

    @Test
    void given_a_range_open_at_either_end_then_it_is_kept() {
        assertThat(new OrderFilter(Set.of(), Optional.empty(), Optional.of(FROM), Optional.empty(), Optional.empty())
                .createdFrom()).contains(FROM);
        assertThat(new OrderFilter(Set.of(), Optional.empty(), Optional.empty(), Optional.of(FROM), Optional.empty())
                .createdTo()).contains(FROM);
    }

    @Test
    void the_statuses_are_copied_so_the_caller_cannot_change_the_filter_afterwards() {
        Set<OrderStatus> statuses = new HashSet<>(Set.of(OrderStatus.AUTHORIZED));
        OrderFilter filter = new OrderFilter(statuses, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        statuses.add(OrderStatus.CAPTURED);

        assertThat(filter.statuses()).containsExactly(OrderStatus.AUTHORIZED);
    }

    @Test
    void given_a_missing_part_then_the_filter_cannot_be_made() {
        assertThatThrownBy(() -> new OrderFilter(null, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OrderFilter(Set.of(), null, Optional.empty(), Optional.empty(),
                Optional.empty())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OrderFilter(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                null)).isInstanceOf(NullPointerException.class);
    }

    private static OrderFilter withRange(Instant from, Instant to) {
        return new OrderFilter(Set.of(), Optional.empty(), Optional.of(from), Optional.of(to), Optional.empty());
    }
}
