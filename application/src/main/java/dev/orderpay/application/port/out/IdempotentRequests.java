package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.domain.PendingOperation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The requests clients sent with an idempotency key: what each asked for, how far it got and, once it was answered,
 * its answer, so that a repeat is given the same answer and nothing is carried out twice. Shared by every instance.
 * A key is claimed in one atomic step, committed before anything else is done, so that of concurrent requests with
 * one key exactly one goes on; that one, the holder, then records what it started and how it ended, each in a short
 * step of its own: nothing here is held open while the provider is asked. A holder's records are ignored once
 * another has taken its request over. A claim lives until its expiry; after that the key is free again.
 */
public interface IdempotentRequests {

    /** What may be asked for with a key. */
    enum Operation {
        CREATE_ORDER, CAPTURE, REFUND, CANCEL, CREATE_WEBHOOK_ENDPOINT, CREATE_API_KEY
    }

    /**
     * A request that came with a key.
     *
     * @param target      what the operation acts on (an order's id), if anything: the same key sent for another
     *                    target is another request
     * @param fingerprint a digest of the request's parameters
     */
    record Request(IdempotencyKey key, Operation operation, Optional<String> target, String fingerprint) {
        public Request {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** The right to carry out a claimed request and to record how it went; a later holder has another token. */
    record Hold(IdempotencyKey key, UUID token) {
        public Hold {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(token, "token");
        }
    }

    /** How an earlier request with the key stands. */
    enum Standing {
        /** Its holder is at work on it. */
        RUNNING,
        /** It was answered, and its answer is recorded. */
        ANSWERED,
        /**
         * How it ended is not known: the provider's answer was lost, or its holder stopped (or outlived its hold)
         * without recording an outcome. The next repeat takes it over and settles it.
         */
        UNSETTLED
    }

    /** What a claim found. */
    sealed interface Claim {
    }

    /** The key was free (or its claim had expired): the request is this caller's to carry out. */
    record Claimed(Hold hold) implements Claim {
        public Claimed {
            Objects.requireNonNull(hold, "hold");
        }
    }

    /**
     * An earlier request holds the key.
     *
     * @param answer its recorded answer when it is {@link Standing#ANSWERED}
     */
    record Earlier(Operation operation, Optional<String> target, String fingerprint, Standing standing,
                   Optional<RecordedAnswer> answer) implements Claim {
        public Earlier {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(standing, "standing");
            Objects.requireNonNull(answer, "answer");
        }

        /** Whether {@code request} repeats this one: the same operation on the same target with the same parameters. */
        public boolean isRepeatedBy(Request request) {
            return operation == request.operation() && target.equals(request.target())
                    && fingerprint.equals(request.fingerprint());
        }
    }

    /**
     * An unsettled request, taken over by a new holder, with what its earlier holder left behind.
     *
     * @param resource what the request creates (an order's or a webhook endpoint's id), chosen before it was claimed
     * @param started  the provider operation it started, if it got that far
     */
    record TakenOver(Hold hold, Optional<UUID> resource, Optional<PendingOperation> started) {
        public TakenOver {
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(started, "started");
        }
    }

    /**
     * Claims the client's key for {@code request} unless a claim of it stands and has not expired, judged by a clock
     * every instance shares. Atomic: of concurrent claims of one key, exactly one is {@link Claimed}.
     *
     * @param resource  what the request will create, if it creates something, for whoever must settle it
     * @param holdUntil until when the claimer is trusted to be at work on it; after that it counts as unsettled
     * @param expiresAt when the key is free again
     */
    Claim claim(Request request, Optional<UUID> resource, Instant holdUntil, Instant expiresAt);

    /**
     * Takes over an unsettled request under a new hold, unless another caller took it over first, it was settled
     * meanwhile, or its claim expired. Atomic, like a claim.
     */
    Optional<TakenOver> takeOver(IdempotencyKey key, Instant holdUntil);

    /** Records the provider operation the holder is about to start, before the order reserves it. */
    void started(Hold hold, PendingOperation operation);

    /** Records the answer the request was given; repeats get it from now on. */
    void answered(Hold hold, RecordedAnswer answer);

    /** Records that how the request ended is not known: the next repeat takes it over and settles it. */
    void unsettled(Hold hold);

    /** Forgets the request, whose answer is not to be remembered: the key is free again. */
    void release(Hold hold);

    /**
     * Deletes up to {@code limit} claims that have expired, so keys nobody reuses do not pile up.
     *
     * @return how many were deleted
     */
    int forgetExpired(int limit);
}
