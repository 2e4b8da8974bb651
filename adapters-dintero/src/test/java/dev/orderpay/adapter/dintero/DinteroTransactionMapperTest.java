package dev.orderpay.adapter.dintero;

import dev.orderpay.application.port.out.ProviderPayment;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.SessionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DinteroTransactionMapperTest {

    private static final long AMOUNT = 300_00;

    @Test
    void given_several_part_captures_and_refunds_when_mapped_then_the_successful_ones_are_summed_and_failed_ones_ignored() {
        ProviderPayment payment = DinteroTransactionMapper.toProviderPayment(transaction("PARTIALLY_CAPTURED_REFUNDED",
                List.of(event("INITIALIZE", true, null),
                        event("AUTHORIZE", true, AMOUNT),
                        event("CAPTURE", true, 100_00L),
                        event("CAPTURE", false, 50_00L),
                        event("CAPTURE", true, 80_00L),
                        event("REFUND", true, 30_00L),
                        event("REFUND", false, 70_00L),
                        event("REFUND", null, 5_00L),
                        event("REFUND", true, 20_00L))));

        assertThat(payment).isEqualTo(new ProviderPayment(new PaymentId("T11223344.tx1"),
                Optional.of(new SessionId("T11223344.ses1")), "ref", AMOUNT, "NOK", OrderStatus.PARTIALLY_REFUNDED,
                180_00, 50_00));
    }

    @Test
    void given_a_capture_dintero_will_carry_out_later_when_mapped_then_only_the_finished_capture_counts() {
        ProviderPayment payment = DinteroTransactionMapper.toProviderPayment(transaction("PARTIALLY_CAPTURED",
                List.of(event("AUTHORIZE", true, AMOUNT),
                        event("CAPTURE", true, 100_00L),
                        event("INITIATE_CAPTURE", true, 200_00L))));

        assertThat(payment.state().captured()).isEqualTo(Money.of(100_00, "NOK"));
        assertThat(payment.state().refunded()).isEqualTo(Money.of(0, "NOK"));
    }

    @ParameterizedTest(name = "given {0} without events when mapped then {1} captured and {2} refunded")
    @CsvSource({
            "AUTHORIZED, 0, 0",
            "CAPTURED, 30000, 0",
            "REFUNDED, 30000, 30000",
            // Dintero reaches this status only from CAPTURED; how much was refunded is not known.
            "PARTIALLY_REFUNDED, 30000, 0",
            // How much of each is not known: nothing is claimed.
            "PARTIALLY_CAPTURED, 0, 0",
            "PARTIALLY_CAPTURED_REFUNDED, 0, 0",
            "AUTHORIZATION_VOIDED, 0, 0"
    })
    void given_a_transaction_without_events_when_mapped_then_the_status_tells_the_amounts(String status,
                                                                                           long captured,
                                                                                           long refunded) {
        ProviderPayment payment = DinteroTransactionMapper.toProviderPayment(transaction(status, null));

        assertThat(payment.capturedMinorUnits()).isEqualTo(captured);
        assertThat(payment.refundedMinorUnits()).isEqualTo(refunded);
    }

    @Test
    void given_a_captured_transaction_whose_events_show_no_capture_when_mapped_then_the_status_tells_it_was_captured_whole() {
        ProviderPayment payment = DinteroTransactionMapper.toProviderPayment(transaction("CAPTURED",
                List.of(event("AUTHORIZE", true, AMOUNT), event("CAPTURE", false, AMOUNT))));

        assertThat(payment.capturedMinorUnits()).isEqualTo(AMOUNT);
    }

    @Test
    void given_a_refunded_transaction_captured_in_part_when_mapped_then_what_was_captured_is_what_was_refunded() {
        ProviderPayment payment = DinteroTransactionMapper.toProviderPayment(transaction("REFUNDED",
                List.of(event("CAPTURE", true, 120_00L))));

        assertThat(payment.capturedMinorUnits()).isEqualTo(120_00);
        assertThat(payment.refundedMinorUnits()).isEqualTo(120_00);
    }

    @Test
    void given_a_transaction_without_a_status_or_events_when_mapped_then_it_is_pending_with_nothing_moved() {
        ProviderPayment payment = DinteroTransactionMapper.toProviderPayment(
                new DinteroTransaction("T11223344.tx1", null, null, AMOUNT, "NOK", null,
                        Arrays.asList(null, event(null, true, 10L))));

        assertThat(payment.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(payment.capturedMinorUnits()).isZero();
        assertThat(payment.refundedMinorUnits()).isZero();
    }

    @Test
    void given_a_transaction_whose_session_id_cannot_be_dinteros_when_mapped_then_it_names_no_checkout() {
        ProviderPayment payment = DinteroTransactionMapper.toProviderPayment(
                new DinteroTransaction("T11223344.tx1", "T11223344.ses1\n", "ref", AMOUNT, "NOK", "AUTHORIZED", null));

        assertThat(payment.sessionId()).isEmpty();
    }

    private static DinteroTransaction transaction(String status, List<DinteroTransaction.Event> events) {
        return new DinteroTransaction("T11223344.tx1", "T11223344.ses1", "ref", AMOUNT, "NOK", status, events);
    }

    private static DinteroTransaction.Event event(String kind, Boolean success, Long amount) {
        return new DinteroTransaction.Event(kind, success, amount);
    }
}
