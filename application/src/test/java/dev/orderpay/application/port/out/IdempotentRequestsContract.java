package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.out.IdempotentRequests.Claim;
import dev.orderpay.application.port.out.IdempotentRequests.Claimed;
import dev.orderpay.application.port.out.IdempotentRequests.Earlier;
import dev.orderpay.application.port.out.IdempotentRequests.Hold;
import dev.orderpay.application.port.out.IdempotentRequests.Operation;
import dev.orderpay.application.port.out.IdempotentRequests.Request;
import dev.orderpay.application.port.out.IdempotentRequests.Standing;
import dev.orderpay.application.port.out.IdempotentRequests.TakenOver;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.PendingOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link IdempotentRequests} must do. Each implementation's test extends this class and supplies storage
 * with no requests in it. Holds and expiry are judged against the real current time, as in production.
 */
public abstract class IdempotentRequestsContract {

    private static final IdempotencyKey KEY = new IdempotencyKey("client-a", "key-1");
    private static final Request CAPTURE = new Request(KEY, Operation.CAPTURE, Optional.of("order-1"), "fingerprint-1");
    // Microseconds, as a database keeps instants.
    private static final PendingOperation CAPTURE_STARTED = new PendingOperation(PendingOperation.Type.CAPTURE,
            Money.of(100_00, "NOK"), Money.of(50_00, "NOK"), Instant.now().truncatedTo(ChronoUnit.MICROS));
    private static final RecordedAnswer ANSWER = new RecordedAnswer(201, Optional.of("/orders/order-1"),
            "{\"id\":\"order-1\",\"receipt\":\"kvittering \u00e6\u00f8\u00e5 \uD83D\uDE00\"}");

    /** Storage that holds no requests yet. */
    protected abstract IdempotentRequests emptyRequests();

    @Test
    void given_an_unused_key_when_claimed_then_the_request_is_the_claimers() {
        Claim claim = emptyRequests().claim(CAPTURE, Optional.empty(), later(), muchLater());

        assertThat(claim).isInstanceOf(Claimed.class);
        assertThat(((Claimed) claim).hold().key()).isEqualTo(KEY);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void given_a_key_for_any_operation_when_claimed_then_it_is_kept_for_that_operation(Operation operation) {
        IdempotentRequests requests = emptyRequests();
        Request request = new Request(KEY, operation, Optional.empty(), "fingerprint-1");
        requests.claim(request, Optional.of(UUID.randomUUID()), later(), muchLater());

        Claim again = requests.claim(request, Optional.empty(), later(), muchLater());

        assertThat(again).isInstanceOf(Earlier.class);
        assertThat(((Earlier) again).operation()).isEqualTo(operation);
    }

    @Test
    void given_a_claimed_key_when_claimed_again_then_the_earlier_request_is_found_running_and_unchanged() {
        IdempotentRequests requests = emptyRequests();
        requests.claim(CAPTURE, Optional.empty(), later(), muchLater());

        Claim other = requests.claim(new Request(KEY, Operation.REFUND, Optional.of("order-2"), "fingerprint-2"),
                Optional.empty(), later(), muchLater());
        Claim again = requests.claim(CAPTURE, Optional.empty(), later(), muchLater());

        Earlier expected = new Earlier(Operation.CAPTURE, Optional.of("order-1"), "fingerprint-1", Standing.RUNNING,
                Optional.empty());
        assertThat(other).isEqualTo(expected);
        assertThat(again).as("a repeat does not replace the request").isEqualTo(expected);
        assertThat(expected.isRepeatedBy(CAPTURE)).isTrue();
    }

    @Test
    void given_a_request_without_a_target_when_claimed_again_then_it_is_found_without_one() {
        IdempotentRequests requests = emptyRequests();
        Request create = new Request(KEY, Operation.CREATE_ORDER, Optional.empty(), "fingerprint-1");
        requests.claim(create, Optional.of(UUID.randomUUID()), later(), muchLater());

        Claim again = requests.claim(create, Optional.empty(), later(), muchLater());

        assertThat(again).isEqualTo(new Earlier(Operation.CREATE_ORDER, Optional.empty(), "fingerprint-1",
                Standing.RUNNING, Optional.empty()));
    }

    @Test
    void given_an_answered_request_when_the_key_is_claimed_again_then_its_answer_comes_back_exactly() {
        IdempotentRequests requests = emptyRequests();
        Hold hold = claimed(requests, CAPTURE, later());

        requests.answered(hold, ANSWER);

        assertThat(requests.claim(CAPTURE, Optional.empty(), later(), muchLater())).isEqualTo(new Earlier(
                Operation.CAPTURE, Optional.of("order-1"), "fingerprint-1", Standing.ANSWERED, Optional.of(ANSWER)));
    }

    @Test
    void given_an_answer_without_a_location_when_recorded_then_it_comes_back_without_one() {
        IdempotentRequests requests = emptyRequests();
        Hold hold = claimed(requests, CAPTURE, later());
        RecordedAnswer conflict = new RecordedAnswer(409, Optional.empty(), "{\"code\":\"operation_not_allowed\"}");

        requests.answered(hold, conflict);

        assertThat(earlier(requests).answer()).contains(conflict);
    }

    @Test
    void given_a_key_claimed_by_one_client_when_another_client_claims_the_same_key_then_both_claims_stand() {
        IdempotentRequests requests = emptyRequests();
        Request byB = new Request(new IdempotencyKey("client-b", "key-1"), Operation.CAPTURE, Optional.of("order-1"),
                "fingerprint-1");

        Claim a = requests.claim(CAPTURE, Optional.empty(), later(), muchLater());
        Claim b = requests.claim(byB, Optional.empty(), later(), muchLater());

        assertThat(a).isInstanceOf(Claimed.class);
        assertThat(b).isInstanceOf(Claimed.class);
    }

    @Test
    void given_a_claimed_key_when_the_same_client_claims_another_spelling_then_that_is_another_key() {
        IdempotentRequests requests = emptyRequests();
        requests.claim(CAPTURE, Optional.empty(), later(), muchLater());

        Request upperCase = new Request(new IdempotencyKey("client-a", "KEY-1"), Operation.CAPTURE,
                Optional.of("order-1"), "fingerprint-1");
        assertThat(requests.claim(upperCase, Optional.empty(), later(), muchLater())).isInstanceOf(Claimed.class);
    }

    @Test
    void given_an_expired_answered_request_when_the_key_is_claimed_again_then_the_new_request_takes_it_over() {
        IdempotentRequests requests = emptyRequests();
        Hold old = ((Claimed) requests.claim(CAPTURE, Optional.empty(), earlier(), earlier())).hold();
        requests.answered(old, ANSWER);
        Request next = new Request(KEY, Operation.REFUND, Optional.of("order-2"), "fingerprint-2");

        Claim takeover = requests.claim(next, Optional.empty(), later(), muchLater());

        assertThat(takeover).isInstanceOf(Claimed.class);
        assertThat(earlier(requests)).isEqualTo(new Earlier(Operation.REFUND, Optional.of("order-2"),
                "fingerprint-2", Standing.RUNNING, Optional.empty()));
    }

    @Test
    void given_a_running_request_whose_hold_has_passed_then_it_is_unsettled_and_one_caller_takes_it_over() {
        IdempotentRequests requests = emptyRequests();
        UUID order = UUID.randomUUID();
        Hold first = ((Claimed) requests.claim(CAPTURE, Optional.of(order), earlier(), muchLater())).hold();
        requests.started(first, CAPTURE_STARTED);

        Standing standing = earlier(requests).standing();
        Optional<TakenOver> takenOver = requests.takeOver(KEY, later());
        Optional<TakenOver> takenAgain = requests.takeOver(KEY, later());

        assertThat(standing).isEqualTo(Standing.UNSETTLED);
        assertThat(takenOver).hasValueSatisfying(taken -> {
            assertThat(taken.hold().key()).isEqualTo(KEY);
            assertThat(taken.hold().token()).isNotEqualTo(first.token());
            assertThat(taken.resource()).contains(order);
            assertThat(taken.started()).contains(CAPTURE_STARTED);
        });
        assertThat(takenAgain).as("the new holder is at work on it").isEmpty();
        assertThat(earlier(requests).standing()).isEqualTo(Standing.RUNNING);
    }

    @Test
    void given_a_request_its_holder_left_unsettled_then_a_repeat_takes_it_over_before_the_hold_passes() {
        IdempotentRequests requests = emptyRequests();
        Hold hold = claimed(requests, CAPTURE, later());

        requests.unsettled(hold);

        assertThat(earlier(requests).standing()).isEqualTo(Standing.UNSETTLED);
        assertThat(requests.takeOver(KEY, later())).hasValueSatisfying(taken -> {
            assertThat(taken.resource()).isEmpty();
            assertThat(taken.started()).isEmpty();
        });
    }

    @Test
    void given_a_request_running_within_its_hold_or_answered_then_nobody_takes_it_over() {
        IdempotentRequests requests = emptyRequests();
        Hold hold = claimed(requests, CAPTURE, later());

        Optional<TakenOver> whileRunning = requests.takeOver(KEY, later());
        requests.answered(hold, ANSWER);
        Optional<TakenOver> onceAnswered = requests.takeOver(KEY, later());

        assertThat(whileRunning).isEmpty();
        assertThat(onceAnswered).isEmpty();
        assertThat(requests.takeOver(new IdempotencyKey("client-a", "never-used"), later())).isEmpty();
    }

    @Test
    void given_an_unsettled_request_whose_key_expired_then_nobody_takes_it_over() {
        IdempotentRequests requests = emptyRequests();
        Hold hold = ((Claimed) requests.claim(CAPTURE, Optional.empty(), earlier(), earlier())).hold();
        requests.unsettled(hold);

        assertThat(requests.takeOver(KEY, later())).isEmpty();
    }

    @Test
    void given_a_request_taken_over_when_its_first_holder_records_an_outcome_then_it_is_ignored() {
        IdempotentRequests requests = emptyRequests();
        Hold first = ((Claimed) requests.claim(CAPTURE, Optional.empty(), earlier(), muchLater())).hold();
        Hold second = requests.takeOver(KEY, later()).orElseThrow().hold();

        requests.answered(first, ANSWER);
        requests.unsettled(first);
        requests.release(first);

        assertThat(earlier(requests).standing()).isEqualTo(Standing.RUNNING);
        requests.answered(second, ANSWER);
        assertThat(earlier(requests).answer()).contains(ANSWER);
    }

    @Test
    void given_an_answered_request_when_its_holder_leaves_it_unsettled_or_releases_it_then_the_answer_stands() {
        IdempotentRequests requests = emptyRequests();
        Hold hold = claimed(requests, CAPTURE, later());
        requests.answered(hold, ANSWER);

        requests.unsettled(hold);
        requests.release(hold);
        requests.started(hold, CAPTURE_STARTED);

        assertThat(earlier(requests)).isEqualTo(new Earlier(Operation.CAPTURE, Optional.of("order-1"),
                "fingerprint-1", Standing.ANSWERED, Optional.of(ANSWER)));
    }

    @Test
    void given_a_released_request_when_the_key_is_claimed_again_then_it_is_free() {
        IdempotentRequests requests = emptyRequests();
        Hold hold = claimed(requests, CAPTURE, later());

        requests.release(hold);

        assertThat(requests.claim(CAPTURE, Optional.empty(), later(), muchLater())).isInstanceOf(Claimed.class);
    }

    @Test
    void given_expired_and_live_requests_when_expired_ones_are_forgotten_then_only_the_live_ones_remain() {
        IdempotentRequests requests = emptyRequests();
        requests.claim(CAPTURE, Optional.empty(), later(), muchLater());
        requests.claim(new Request(new IdempotencyKey("client-a", "expired-1"), Operation.CANCEL,
                Optional.of("order-1"), "f"), Optional.empty(), earlier(), earlier());
        requests.claim(new Request(new IdempotencyKey("client-b", "expired-2"), Operation.CANCEL,
                Optional.of("order-1"), "f"), Optional.empty(), earlier(), earlier());

        int forgottenInTheFirstBatch = requests.forgetExpired(1);
        int forgottenInTheSecondBatch = requests.forgetExpired(10);

        assertThat(forgottenInTheFirstBatch).isEqualTo(1);
        assertThat(forgottenInTheSecondBatch).isEqualTo(1);
        assertThat(requests.forgetExpired(10)).isZero();
        assertThat(earlier(requests).isRepeatedBy(CAPTURE)).isTrue();
    }

    private static Hold claimed(IdempotentRequests requests, Request request, Instant holdUntil) {
        return ((Claimed) requests.claim(request, Optional.empty(), holdUntil, muchLater())).hold();
    }

    /** The request under {@link #KEY}, as a repeat of {@link #CAPTURE} finds it. */
    private static Earlier earlier(IdempotentRequests requests) {
        return (Earlier) requests.claim(CAPTURE, Optional.empty(), later(), muchLater());
    }

    private static Instant earlier() {
        return Instant.now().minus(Duration.ofMinutes(1));
    }

    private static Instant later() {
        return Instant.now().plus(Duration.ofMinutes(10));
    }

    private static Instant muchLater() {
        return Instant.now().plus(Duration.ofHours(24));
    }
}
