package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.sessionFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The rule every provider fact passes before it touches an order, and the rule for checking a failure report. */
class PaymentBelongsToOrderTest {

    private final Order order = anOrder().withSession(sessionFor("S-1")).build();
    private final String reference = order.id().toString();

    @Test
    void given_a_payment_naming_the_order_through_its_checkout_for_its_amount_then_it_is_the_orders() {
        assertThat(order.mismatchWith(reference, through("S-1"), 299_00, "NOK")).isEmpty();
    }

    @Test
    void given_a_payment_naming_another_order_then_the_reference_is_what_does_not_match() {
        assertThat(order.mismatchWith(OrderId.newId().toString(), through("S-1"), 299_00, "NOK"))
                .contains("merchant reference");
        assertThat(order.mismatchWith(null, through("S-1"), 299_00, "NOK")).contains("merchant reference");
    }

    @Test
    void given_a_payment_through_another_checkout_then_the_session_is_what_does_not_match() {
        assertThat(order.mismatchWith(reference, through("S-2"), 299_00, "NOK")).contains("checkout session");
        assertThat(order.mismatchWith(reference, Optional.empty(), 299_00, "NOK")).contains("checkout session");
    }

    @Test
    void given_an_order_without_a_checkout_then_no_payment_is_its() {
        Order withoutCheckout = anOrder().build();

        assertThat(withoutCheckout.mismatchWith(withoutCheckout.id().toString(), through("S-1"), 299_00, "NOK"))
                .contains("checkout session");
    }

    @Test
    void given_a_payment_of_another_amount_or_currency_then_that_is_what_does_not_match() {
        assertThat(order.mismatchWith(reference, through("S-1"), 299_01, "NOK")).contains("amount or currency");
        assertThat(order.mismatchWith(reference, through("S-1"), 299_00, "SEK")).contains("amount or currency");
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING", "ON_HOLD"})
    void given_an_order_with_a_checkout_still_waiting_for_its_outcome_then_a_failure_report_is_worth_checking(
            OrderStatus status) {
        assertThat(anOrder().withSession(sessionFor("S-1")).withStatus(status).build().awaitsCheckoutOutcome())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING", "ON_HOLD"}, mode = EnumSource.Mode.EXCLUDE)
    void given_an_order_past_its_first_outcome_then_a_failure_report_is_not_worth_checking(OrderStatus status) {
        assertThat(anOrder().withSession(sessionFor("S-1")).withStatus(status).build().awaitsCheckoutOutcome())
                .isFalse();
    }

    @Test
    void given_an_order_without_a_checkout_then_a_failure_report_is_not_worth_checking() {
        assertThat(anOrder().build().awaitsCheckoutOutcome()).isFalse();
    }

    /** The checkout a payment says it was made through. */
    private static Optional<SessionId> through(String sessionId) {
        return Optional.of(new SessionId(sessionId));
    }
}
