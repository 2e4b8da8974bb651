package dev.orderpay.application.service;

import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.IdempotentRequests.Claim;
import dev.orderpay.application.port.out.IdempotentRequests.Claimed;
import dev.orderpay.application.port.out.IdempotentRequests.Earlier;
import dev.orderpay.application.port.out.IdempotentRequests.Hold;
import dev.orderpay.application.port.out.IdempotentRequests.Request;
import dev.orderpay.application.port.out.IdempotentRequests.TakenOver;
import dev.orderpay.domain.PendingOperation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The rule every request with an idempotency key follows, whatever it asks for. Its key is claimed before anything
 * else is done, so of concurrent requests with one key exactly one goes on; a repeat of an answered request gets the
 * recorded answer; the same key for a different request, or a repeat while the first is still at work, is refused.
 * A request whose outcome is not known (the provider's answer was lost, or its holder stopped) is taken over by the
 * next repeat, which settles it. Input that is refused as invalid never gets this far, so it is never remembered.
 */
public final class KeyedRequests {

    /**
     * @param keyLifetime how long a key is remembered
     * @param holdFor     how long the request holding a key is trusted to be at work: longer than the provider can
     *                    take, timeouts and retries included; after that a repeat may take the request over
     */
    public record Policy(Duration keyLifetime, Duration holdFor) {
        public Policy {
            Objects.requireNonNull(keyLifetime, "keyLifetime");
            Objects.requireNonNull(holdFor, "holdFor");
            if (keyLifetime.compareTo(holdFor) <= 0) {
                throw new IllegalArgumentException("a key must be remembered longer than its request is held");
            }
        }
    }

    /** How a request with a key is to go on. */
    sealed interface Start {
    }

    /** The key was free: carry the request out under this hold. */
    record Fresh(Hold hold) implements Start {
    }

    /** A repeat of an answered request: give this answer again and do nothing else. */
    record Replay(RecordedAnswer answer) implements Start {
    }

    /** A repeat of a request whose outcome is not known, now held by this one: settle it. */
    record Settle(TakenOver unsettled) implements Start {
    }

    private final IdempotentRequests requests;
    private final Clock clock;
    private final Policy policy;

    KeyedRequests(IdempotentRequests requests, Clock clock, Policy policy) {
        this.requests = requests;
        this.clock = clock;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param resource what the request will create, named before it is claimed, so that whoever must settle it can
     *                 find it
     * @throws IdempotencyKeyReusedException        if the key was used for a different request
     * @throws IdempotentRequestInProgressException if the request with the key is still at work
     */
    Start start(Request request, Optional<UUID> resource) {
        Instant now = clock.instant();
        Claim claim = requests.claim(request, resource, now.plus(policy.holdFor()), now.plus(policy.keyLifetime()));
        if (claim instanceof Claimed claimed) {
            return new Fresh(claimed.hold());
        }
        Earlier earlier = (Earlier) claim;
        if (!earlier.isRepeatedBy(request)) {
            throw new IdempotencyKeyReusedException();
        }
        return switch (earlier.standing()) {
            case ANSWERED -> new Replay(earlier.answer().orElseThrow());
            case RUNNING -> throw new IdempotentRequestInProgressException();
            // Another repeat may have taken it over a moment ago; then that one is at work on it.
            case UNSETTLED -> requests.takeOver(request.key(), now.plus(policy.holdFor()))
                    .<Start>map(Settle::new)
                    .orElseThrow(IdempotentRequestInProgressException::new);
        };
    }

    /**
     * The holder failed unexpectedly, so how its request ended is not known: the next repeat settles it. The
     * failure stays the caller's to report.
     */
    void failed(Hold hold, RuntimeException failure) {
        try {
            requests.unsettled(hold);
        } catch (RuntimeException alsoFailed) {
            // Once its hold has run out, the request counts as unsettled all the same.
            failure.addSuppressed(alsoFailed);
        }
    }

    void started(Hold hold, PendingOperation operation) {
        requests.started(hold, operation);
    }

    void answered(Hold hold, RecordedAnswer answer) {
        requests.answered(hold, answer);
    }

    void unsettled(Hold hold) {
        requests.unsettled(hold);
    }

    void release(Hold hold) {
        requests.release(hold);
    }
}
