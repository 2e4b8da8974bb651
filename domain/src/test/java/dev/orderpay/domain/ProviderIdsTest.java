package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PaymentId} and {@link SessionId}: the same rule, and never one for the other. */
class ProviderIdsTest {

    @Test
    void given_a_providers_id_then_it_is_kept_as_given_and_reads_as_itself() {
        PaymentId payment = new PaymentId("T11223344.4Xu7kB7WnYxuVBqfiLHLoL");
        SessionId session = new SessionId("T11223344.4XtYH3yHbnZVgPqwUyhwTD");

        assertThat(payment.value()).isEqualTo("T11223344.4Xu7kB7WnYxuVBqfiLHLoL");
        assertThat(payment).hasToString("T11223344.4Xu7kB7WnYxuVBqfiLHLoL");
        assertThat(session.value()).isEqualTo("T11223344.4XtYH3yHbnZVgPqwUyhwTD");
        assertThat(session).hasToString("T11223344.4XtYH3yHbnZVgPqwUyhwTD");
    }

    @Test
    void given_two_ids_with_the_same_text_then_they_are_equal_and_hash_alike() {
        assertThat(new PaymentId("T1.tx1")).isEqualTo(new PaymentId("T1.tx1"))
                .hasSameHashCodeAs(new PaymentId("T1.tx1"))
                .isNotEqualTo(new PaymentId("T1.tx2"));
        assertThat(new SessionId("T1.ses1")).isEqualTo(new SessionId("T1.ses1"))
                .hasSameHashCodeAs(new SessionId("T1.ses1"))
                .isNotEqualTo(new SessionId("T1.ses2"));
    }

    @Test
    void given_a_payment_id_and_a_session_id_with_the_same_text_then_they_are_not_equal() {
        assertThat((Object) new PaymentId("T1.same")).isNotEqualTo(new SessionId("T1.same"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u2003"})
    void given_nothing_to_read_then_both_ids_are_refused_as_blank(String value) {
        assertRefused(value, "must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"T1.tx1\n", "T1\r.tx1", "T1.\ttx1", "T1.tx1\u0000", "T1.tx1\u007f", "T1\u0085.tx1"})
    void given_a_control_character_then_both_ids_are_refused(String value) {
        assertRefused(value, "must not contain control characters");
    }

    @Test
    void given_the_maximum_length_then_both_ids_are_kept() {
        assertThat(new PaymentId("p".repeat(PaymentId.MAX_LENGTH)).value()).hasSize(255);
        assertThat(new SessionId("s".repeat(SessionId.MAX_LENGTH)).value()).hasSize(255);
    }

    @Test
    void given_one_character_more_than_the_maximum_then_both_ids_are_refused() {
        assertRefused("x".repeat(256), "must be at most 255 characters");
    }

    private static void assertRefused(String value, String reason) {
        assertThatThrownBy(() -> new PaymentId(value))
                .isInstanceOfSatisfying(InvalidValueException.class, invalid -> {
                    assertThat(invalid.subject()).isEqualTo("payment id");
                    assertThat(invalid.reason()).isEqualTo(reason);
                });
        assertThatThrownBy(() -> new SessionId(value))
                .isInstanceOfSatisfying(InvalidValueException.class, invalid -> {
                    assertThat(invalid.subject()).isEqualTo("session id");
                    assertThat(invalid.reason()).isEqualTo(reason);
                });
    }
}
