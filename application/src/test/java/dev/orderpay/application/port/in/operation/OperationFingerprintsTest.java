package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.audit.TestActors;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes a capture, refund or cancellation with a key the same request as another, or a different one. */
class OperationFingerprintsTest {

    private static final OrderId ORDER = OrderId.newId();
    private static final IdempotencyKey KEY = new IdempotencyKey("client-1", "key-1");

    @Test
    void given_captures_of_an_amount_and_of_all_that_is_left_then_they_are_different_requests() {
        String all = new CaptureCommand(ORDER, Optional.empty(), TestActors.CLIENT).fingerprint();

        assertThat(new CaptureCommand(ORDER, Optional.of(100L), TestActors.CLIENT).fingerprint()).isNotEqualTo(all);
        assertThat(new CaptureCommand(ORDER, Optional.of(101L), TestActors.CLIENT).fingerprint())
                .isNotEqualTo(new CaptureCommand(ORDER, Optional.of(100L), TestActors.CLIENT).fingerprint());
        assertThat(new CaptureCommand(ORDER, Optional.empty(),
                TestActors.CLIENT).withIdempotencyKey(KEY).fingerprint()).isEqualTo(all);
    }

    @Test
    void given_refunds_that_differ_in_amount_or_reason_then_they_are_different_requests() {
        String plain = new RefundCommand(ORDER, Optional.of(100L), Optional.empty(), TestActors.CLIENT).fingerprint();

        assertThat(new RefundCommand(ORDER, Optional.of(100L), Optional.of("damaged"), TestActors.CLIENT).fingerprint())
                .isNotEqualTo(plain);
        assertThat(new RefundCommand(ORDER, Optional.of(100L), Optional.of("damaged"), TestActors.CLIENT).fingerprint())
                .isNotEqualTo(new RefundCommand(ORDER, Optional.of(100L), Optional.of("lost"),
                        TestActors.CLIENT).fingerprint());
        assertThat(new RefundCommand(ORDER, Optional.empty(), Optional.empty(),
                TestActors.CLIENT).fingerprint()).isNotEqualTo(plain);
        assertThat(new RefundCommand(ORDER, Optional.of(100L), Optional.empty(),
                TestActors.CLIENT).withIdempotencyKey(KEY)
                .fingerprint()).isEqualTo(plain);
    }

    @Test
    void given_a_key_then_each_command_keeps_it_and_what_it_asks_for() {
        assertThat(new CaptureCommand(ORDER, Optional.of(5L), TestActors.CLIENT).withIdempotencyKey(KEY))
                .isEqualTo(new CaptureCommand(ORDER, Optional.of(5L), TestActors.CLIENT, Optional.of(KEY)));
        assertThat(new RefundCommand(ORDER, Optional.of(5L), Optional.of("r"),
                TestActors.CLIENT).withIdempotencyKey(KEY))
                .isEqualTo(new RefundCommand(ORDER, Optional.of(5L), Optional.of("r"), TestActors.CLIENT,
                        Optional.of(KEY)));
        assertThat(new CancelCommand(ORDER, TestActors.CLIENT).withIdempotencyKey(KEY))
                .isEqualTo(new CancelCommand(ORDER, TestActors.CLIENT, Optional.of(KEY)));
    }
}
