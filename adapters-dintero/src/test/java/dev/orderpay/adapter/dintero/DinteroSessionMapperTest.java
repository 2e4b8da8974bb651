package dev.orderpay.adapter.dintero;

import dev.orderpay.application.port.out.CheckoutStatus;
import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.PaymentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DinteroSessionMapperTest {

    @Test
    void given_a_session_with_a_transaction_when_mapped_then_the_transaction_is_the_payment_even_if_the_session_was_cancelled() {
        CheckoutStatus checkout = DinteroSessionMapper.toCheckoutStatus(new DinteroSession("T1.ses", "T1.tx",
                "2026-03-08T16:00:00Z", "2026-03-08T13:00:00Z", events("AUTHORIZED", "CANCELLED")));

        assertThat(checkout).isEqualTo(new CheckoutStatus(Optional.of(new PaymentId("T1.tx")), Optional.empty(),
                Optional.of(Instant.parse("2026-03-08T16:00:00Z"))));
    }

    @Test
    void given_a_session_cancelled_without_a_transaction_when_mapped_then_it_ended_cancelled() {
        CheckoutStatus checkout = DinteroSessionMapper.toCheckoutStatus(new DinteroSession("T1.ses", null, null,
                "2026-03-08T13:00:00Z", events("INITIATED", "VISITED")));

        assertThat(checkout.endedWithoutPayment()).contains(CheckoutEnding.CANCELLED);
        assertThat(checkout.paymentId()).isEmpty();
    }

    @ParameterizedTest(name = "given events {0} and no transaction when mapped then the checkout ended {1}")
    @CsvSource(delimiter = ';', value = {
            "INITIATED VISITED CANCELLED; CANCELLED",
            "INITIATED VISITED DECLINED; DECLINED",
            "INITIATED VISITED PAY_FAILED FAILED; FAILED",
            // Events after the outcome (a callback sent, a visit) do not hide it.
            "INITIATED FAILED AUTH_CALLBACK_SENT VISITED; FAILED"
    })
    void given_a_final_failure_event_without_a_transaction_when_mapped_then_the_checkout_ended_that_way(
            String names, CheckoutEnding expected) {
        CheckoutStatus checkout = DinteroSessionMapper.toCheckoutStatus(
                new DinteroSession("T1.ses", null, null, null, events(names.split(" "))));

        assertThat(checkout.endedWithoutPayment()).contains(expected);
    }

    @ParameterizedTest(name = "given events {0} and no transaction when mapped then the checkout is still open")
    @CsvSource({
            "INITIATED",
            "INITIATED VISITED",
            // One refused attempt: the buyer may still pay with another method in the same checkout.
            "INITIATED VISITED PAY_FAILED",
            // A payment after an earlier failure may still turn into a transaction.
            "INITIATED DECLINED VISITED AUTHORIZED",
            "INITIATED FAILED COMPLETED",
            "INITIATED CANCELLED UNKNOWN",
            "INITIATED SOMETHING_NEW"
    })
    void given_no_final_failure_as_the_last_outcome_event_when_mapped_then_the_checkout_has_not_ended(String names) {
        CheckoutStatus checkout = DinteroSessionMapper.toCheckoutStatus(
                new DinteroSession("T1.ses", null, null, null, events(names.split(" "))));

        assertThat(checkout.endedWithoutPayment()).isEmpty();
        assertThat(checkout.paymentId()).isEmpty();
    }

    @Test
    void given_a_session_without_events_transaction_or_expiry_when_mapped_then_nothing_is_known() {
        assertThat(DinteroSessionMapper.toCheckoutStatus(new DinteroSession("T1.ses", "", null, "", null)))
                .isEqualTo(new CheckoutStatus(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void given_an_unreadable_expiry_when_mapped_then_the_deadline_is_unknown_rather_than_the_session_unreadable() {
        CheckoutStatus checkout = DinteroSessionMapper.toCheckoutStatus(
                new DinteroSession("T1.ses", null, "tomorrow at noon", null, events("CANCELLED")));

        assertThat(checkout.expiresAt()).isEmpty();
        assertThat(checkout.endedWithoutPayment()).contains(CheckoutEnding.CANCELLED);
    }

    private static List<DinteroSession.Event> events(String... names) {
        return Arrays.stream(names).map(DinteroSession.Event::new).toList();
    }
}
