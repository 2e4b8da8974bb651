package dev.orderpay.adapter.rest.buyer;

import dev.orderpay.application.port.in.confirmation.PaymentConfirmation;
import dev.orderpay.application.port.in.confirmation.PaymentConfirmation.Verdict;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import org.junit.jupiter.api.Test;

import static dev.orderpay.domain.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

class PaymentReturnPageTest {

    @Test
    void given_a_currency_without_decimals_when_the_page_is_rendered_then_the_amount_has_none() {
        Order order = anOrder().withAmount(Money.of(5000, "JPY")).withStatus(OrderStatus.AUTHORIZED).build();

        String page = PaymentReturnPage.render(ReturnOutcome.of(new PaymentConfirmation(order, Verdict.VERIFIED)), order);

        assertThat(page).contains("<dd>5000 JPY</dd>");
    }

    @Test
    void given_a_currency_with_three_decimals_when_the_page_is_rendered_then_the_amount_has_three() {
        Order order = anOrder().withAmount(Money.of(12345, "KWD")).build();

        String page = PaymentReturnPage.render(ReturnOutcome.of(new PaymentConfirmation(order, Verdict.NOTHING_TO_CONFIRM)), order);

        assertThat(page).contains("<dd>12.345 KWD</dd>");
    }

    @Test
    void given_a_payment_that_did_not_match_when_the_page_is_rendered_then_it_says_so_whatever_the_status() {
        Order order = anOrder().withStatus(OrderStatus.PENDING).build();

        String page = PaymentReturnPage.render(ReturnOutcome.of(new PaymentConfirmation(order, Verdict.MISMATCH)), order);

        assertThat(page).contains("<title>Payment not verified</title>", "could not be verified");
    }

    @Test
    void given_an_expired_order_when_the_page_is_rendered_then_it_says_the_checkout_expired() {
        Order order = anOrder().withStatus(OrderStatus.EXPIRED).build();

        String page = PaymentReturnPage.render(ReturnOutcome.of(new PaymentConfirmation(order, Verdict.NOTHING_TO_CONFIRM)), order);

        assertThat(page).contains("<title>Checkout expired</title>", "The checkout expired", "<dd>EXPIRED</dd>");
    }

    @Test
    void given_a_provider_that_could_not_be_asked_when_the_page_is_rendered_then_it_says_the_payment_is_being_confirmed() {
        Order order = anOrder().withStatus(OrderStatus.PENDING).build();

        ReturnOutcome outcome = ReturnOutcome.of(new PaymentConfirmation(order, Verdict.AWAITING_PROVIDER));

        assertThat(outcome.message()).startsWith("We are confirming your payment");
        assertThat(PaymentReturnPage.render(outcome, order)).contains("<dd>PENDING</dd>");
    }

    @Test
    void given_a_reported_failure_on_a_still_pending_order_then_the_message_says_the_payment_was_not_completed() {
        Order pending = anOrder().withStatus(OrderStatus.PENDING).build();
        Order cancelled = anOrder().withStatus(OrderStatus.CANCELLED).build();

        assertThat(ReturnOutcome.of(new PaymentConfirmation(pending, Verdict.FAILURE_REPORTED)).message())
                .isEqualTo("The payment was not completed.");
        assertThat(ReturnOutcome.of(new PaymentConfirmation(pending, Verdict.NOTHING_TO_CONFIRM)).message())
                .isEqualTo("The payment has not been completed yet.");
        assertThat(ReturnOutcome.of(new PaymentConfirmation(cancelled, Verdict.FAILURE_REPORTED)).message())
                .isEqualTo("The payment was cancelled.");
    }
}
