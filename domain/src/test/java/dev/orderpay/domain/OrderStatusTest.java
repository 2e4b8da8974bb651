package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.DECLINED;
import static dev.orderpay.domain.OrderStatus.EXPIRED;
import static dev.orderpay.domain.OrderStatus.FAILED;
import static dev.orderpay.domain.OrderStatus.ON_HOLD;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_REFUNDED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.OrderStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTest {

    // Written out by hand on purpose: any change to the production table must be made here too, knowingly.
    private static final Map<OrderStatus, Set<OrderStatus>> EXPECTED_NEXT = Map.ofEntries(
            Map.entry(PENDING, Set.of(ON_HOLD, AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED,
                    DECLINED, FAILED, CANCELLED, EXPIRED)),
            Map.entry(ON_HOLD, Set.of(AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED,
                    DECLINED, FAILED, CANCELLED)),
            Map.entry(AUTHORIZED, Set.of(PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, CANCELLED)),
            Map.entry(PARTIALLY_CAPTURED, Set.of(CAPTURED, PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(CAPTURED, Set.of(PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(PARTIALLY_REFUNDED, Set.of(REFUNDED)),
            Map.entry(REFUNDED, Set.of()),
            Map.entry(DECLINED, Set.of(ON_HOLD, AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(FAILED, Set.of(ON_HOLD, AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(CANCELLED, Set.of(ON_HOLD, AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED,
                    REFUNDED)),
            Map.entry(EXPIRED, Set.of(ON_HOLD, AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED)));

    static Stream<Arguments> allowedEdges() {
        return edgesExpectedTo(true);
    }

    /** The rest of the full cross product of statuses, a status to itself included. */
    static Stream<Arguments> forbiddenEdges() {
        return edgesExpectedTo(false);
    }

    @Test
    void the_expected_table_covers_every_status_so_a_new_one_must_be_placed_in_it() {
        assertThat(EXPECTED_NEXT.keySet()).containsExactlyInAnyOrder(OrderStatus.values());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedEdges")
    void given_an_allowed_edge_when_asked_then_the_status_may_move(OrderStatus from, OrderStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("forbiddenEdges")
    void given_a_forbidden_edge_when_asked_then_the_status_may_not_move(OrderStatus from, OrderStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"ON_HOLD", "AUTHORIZED", "PARTIALLY_CAPTURED", "CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"})
    void given_a_status_where_money_is_or_may_be_with_the_merchant_then_it_holds_payment(OrderStatus status) {
        assertThat(status.holdsPayment()).isTrue();
    }

    // EXCLUDE rather than a list: a status added later lands here until it is placed knowingly.
    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE,
            names = {"ON_HOLD", "AUTHORIZED", "PARTIALLY_CAPTURED", "CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"})
    void given_a_status_without_money_then_it_does_not_hold_payment(OrderStatus status) {
        assertThat(status.holdsPayment()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"PENDING", "ON_HOLD"})
    void given_a_status_whose_outcome_is_still_open_then_it_awaits_an_outcome(OrderStatus status) {
        assertThat(status.awaitsOutcome()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = {"PENDING", "ON_HOLD"})
    void given_a_status_the_provider_has_decided_then_it_awaits_no_outcome(OrderStatus status) {
        assertThat(status.awaitsOutcome()).isFalse();
    }

    private static Stream<Arguments> edgesExpectedTo(boolean beAllowed) {
        return Arrays.stream(OrderStatus.values()).flatMap(from -> Arrays.stream(OrderStatus.values())
                .filter(to -> EXPECTED_NEXT.getOrDefault(from, Set.of()).contains(to) == beAllowed)
                .map(to -> Arguments.of(from, to)));
    }
}
