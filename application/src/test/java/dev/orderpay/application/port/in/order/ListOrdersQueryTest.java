package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListOrdersQueryTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 200})
    void given_a_limit_within_bounds_then_it_is_kept(int limit) {
        OrderCursor cursor = new OrderCursor(Instant.parse("2026-03-08T13:24:40.818123Z"), OrderId.newId());

        ListOrdersQuery query = new ListOrdersQuery(limit, Optional.of(cursor), OrderFilter.NONE);

        assertThat(query.limit()).isEqualTo(limit);
        assertThat(query.after()).contains(cursor);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 201, Integer.MAX_VALUE})
    void given_a_limit_out_of_bounds_then_the_limit_is_reported(int limit) {
        assertThatThrownBy(() -> new ListOrdersQuery(limit, Optional.empty(), OrderFilter.NONE))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("limit"));
    }

    @Test
    void given_no_optional_cursor_then_the_query_cannot_be_made() {
        assertThatThrownBy(() -> new ListOrdersQuery(10, null, OrderFilter.NONE)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void given_a_filter_then_it_is_kept() {
        OrderFilter captured = new OrderFilter(Set.of(OrderStatus.CAPTURED), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(new ListOrdersQuery(10, Optional.empty(), captured).filter()).isEqualTo(captured);
    }

    @Test
    void given_no_filter_object_then_the_query_cannot_be_made() {
        assertThatThrownBy(() -> new ListOrdersQuery(10, Optional.empty(), null))
                .isInstanceOf(NullPointerException.class);
    }
}
