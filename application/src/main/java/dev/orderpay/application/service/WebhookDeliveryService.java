package dev.orderpay.application.service;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.in.maintenance.DeliverWebhooksUseCase;
import dev.orderpay.application.port.in.maintenance.DeliveryOutcome;
import dev.orderpay.application.port.in.maintenance.DeliveryRound;
import dev.orderpay.application.port.out.webhook.AttemptRecord;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.application.port.out.webhook.Recording;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.application.port.out.webhook.WebhookRequest;
import dev.orderpay.application.port.out.webhook.WebhookResponse;
import dev.orderpay.application.port.out.webhook.WebhookSender;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.RetrySchedule;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The delivery engine. Each round claims the due deliveries there is room for and sends each destination's through at
 * most {@link Policy#perEndpoint()} lanes on the executor it was given ({@link Lanes}), the same lanes for every round
 * while they have work, so that rounds claiming while calls still run never open more calls to one receiver than
 * that. The webhook call is made holding no database connection or transaction; its outcome is recorded afterwards,
 * together with those of the calls that ended meanwhile, while the lane goes on to its next call
 * ({@link AttemptRecorder}). A delivery's outcome is known once its attempt is recorded.
 * What an answer means:
 * <ul>
 *     <li>{@code 2xx}: delivered;</li>
 *     <li>no answer (no connection, no answer in time), {@code 5xx}, {@code 408} and {@code 429}: tried again after
 *     the next delay of the {@link RetrySchedule} (longer when the receiver's {@code Retry-After} says so), and
 *     failed for good after the last;</li>
 *     <li>any other status ({@code 3xx}, since redirects are never followed, and the other {@code 4xx}): failed for
 *     good at once; the receiver will not take it.</li>
 * </ul>
 * An endpoint whose every attempt failed for {@link Policy#disableAfter()} is disabled, saying why. A delivery to an
 * order's callback URL is sent, judged and retried the same way, signed with the service-wide callback secret; there
 * is no endpoint to disable.
 */
public final class WebhookDeliveryService implements DeliverWebhooksUseCase {

    /**
     * @param concurrency  webhook calls this instance runs at once, over every endpoint
     * @param perEndpoint  webhook calls this instance runs at once to one endpoint
     * @param claimAhead   how many rounds of calls one claim takes at a time: a claim takes up to
     *                     {@code perEndpoint × claimAhead} deliveries of an endpoint (counting every instance's live
     *                     claims) and sends them through {@code perEndpoint} lanes, so a backlog pays for a claim, an
     *                     endpoints read and a round's scheduling once per that many deliveries rather than per few
     * @param claimFor     how long a claimed delivery is left to this instance: well past the time a claim's
     *                     deliveries take one after the other, so that only a stopped instance's deliveries are
     *                     taken over by another
     * @param disableAfter how long every attempt to an endpoint must have failed before it is disabled
     */
    public record Policy(int concurrency, int perEndpoint, int claimAhead, Duration claimFor, Duration disableAfter) {
        public Policy {
            if (concurrency < 1 || perEndpoint < 1 || claimAhead < 1) {
                throw new IllegalArgumentException(
                        "webhook concurrency (overall and per endpoint) and the claim-ahead must be at least 1");
            }
            Objects.requireNonNull(claimFor, "claimFor");
            Objects.requireNonNull(disableAfter, "disableAfter");
            if (claimFor.isNegative() || claimFor.isZero() || disableAfter.isNegative() || disableAfter.isZero()) {
                throw new IllegalArgumentException("the claim and the time before disabling must be positive");
            }
        }
    }

    private final WebhookDeliveries deliveries;
    private final AttemptRecorder recorder;
    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final RetrySchedule retries;
    private final Clock clock;
    private final Executor executor;
    private final Policy policy;
    private final Optional<SigningSecret> callbackSecret;
    // Deliveries claimed and not yet ended (waiting in a lane or being sent): a round claims no more than the room
    // left beside them.
    private final AtomicInteger inFlight = new AtomicInteger();
    // Claimed and not yet recorded: what a stopping instance lets go of.
    private final HeldClaims<WebhookDeliveryId> claims = new HeldClaims<>();
    // Each destination's lanes, kept across rounds while they have work: a round that claims more for a destination
    // whose calls still run queues behind them instead of opening more calls to it. Touched only by rounds.
    private final Map<WebhookEndpointId, Lanes<Assigned, CompletableFuture<DeliveryOutcome>>> lanes = new HashMap<>();
    private volatile boolean stopped;

    /**
     * @param executor       runs the webhook calls' lanes; it must have room for {@link Policy#concurrency()} at once,
     *                       which is what bounds the calls over every endpoint
     * @param callbackSecret what webhooks to orders' callback URLs are signed with; without it they are not sent, and
     *                       are tried again as if unanswered
     */
    WebhookDeliveryService(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookSender sender,
                           RetrySchedule retries, Clock clock, Executor executor, Policy policy,
                           Optional<SigningSecret> callbackSecret) {
        this.deliveries = deliveries;
        this.recorder = new AttemptRecorder(deliveries);
        this.endpoints = endpoints;
        this.sender = sender;
        this.retries = retries;
        this.clock = clock;
        this.executor = executor;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.callbackSecret = Objects.requireNonNull(callbackSecret, "callbackSecret");
    }

    @Override
    public synchronized DeliveryRound deliverDue() {
        int room = policy.concurrency() * policy.claimAhead() - inFlight.get();
        if (stopped || room <= 0) {
            return new DeliveryRound(List.of());
        }
        Instant now = clock.instant();
        Instant claimedUntil = now.plus(policy.claimFor());
        List<DueDelivery> claimed = deliveries.claimDue(now, claimedUntil, room,
                policy.perEndpoint() * policy.claimAhead());
        claims.took(claimed.stream().map(DueDelivery::id).toList(), claimedUntil, now);
        if (claimed.isEmpty()) {
            return new DeliveryRound(List.of());
        }
        inFlight.addAndGet(claimed.size());
        // At most a few endpoints (ORDERPAY_WEBHOOK_MAX_ENDPOINTS): one read serves the whole round.
        Map<WebhookEndpointId, WebhookEndpoint> byId = endpoints.findAll().stream()
                .collect(Collectors.toMap(WebhookEndpoint::id, Function.identity()));
        // An order's callback is a destination of its own: it gets its own lanes.
        Map<WebhookEndpointId, List<DueDelivery>> byDestination = claimed.stream()
                .collect(Collectors.groupingBy(DueDelivery::endpointId, LinkedHashMap::new, Collectors.toList()));
        List<CompletableFuture<DeliveryOutcome>> started = new ArrayList<>(claimed.size());
        lanes.values().removeIf(Lanes::idle);
        byDestination.forEach((destination, due) -> {
            Optional<WebhookEndpoint> endpoint = Optional.ofNullable(byId.get(destination));
            lanesTo(destination).submit(due.stream().map(delivery -> new Assigned(delivery, endpoint)).toList())
                    .forEach(sent -> started.add(sent.thenCompose(Function.identity())));
        });
        started.forEach(outcome -> outcome.whenComplete((done, failure) -> inFlight.decrementAndGet()));
        return new DeliveryRound(started);
    }

    @Override
    public synchronized void stop() {
        // Synchronized: a round claiming now finishes starting its calls first, so none is claimed after this.
        stopped = true;
    }

    @Override
    public int releaseClaims() {
        return claims.releaseAll(deliveries::releaseClaims);
    }

    private Lanes<Assigned, CompletableFuture<DeliveryOutcome>> lanesTo(WebhookEndpointId destination) {
        return lanes.computeIfAbsent(destination, ignored -> new Lanes<>(policy.perEndpoint(), executor,
                assigned -> deliver(assigned.due(), assigned.endpoint()), WebhookDeliveryService::notStarted,
                () -> stopped));
    }

    /** A delivery its lane did not begin because the service is stopping: its claim is let go with the others. */
    private static CompletableFuture<DeliveryOutcome> notStarted(Assigned assigned) {
        return dropped(assigned.due(), "the service stopped before it was sent");
    }

    private static CompletableFuture<DeliveryOutcome> dropped(DueDelivery due, String reason) {
        return CompletableFuture.completedFuture(new DeliveryOutcome.Dropped(due.id(), due.endpointId(), reason));
    }

    /** A claimed delivery with its endpoint as the round read it (none when the endpoint was deleted). */
    private record Assigned(DueDelivery due, Optional<WebhookEndpoint> endpoint) {
    }

    /**
     * Makes the call and hands its attempt to the recorder; the lane goes on to its next call while the attempt is
     * recorded. That is safe for the order of an order's events: a claim holds at most one delivery per order and
     * destination, and the next is not claimed before this one is recorded.
     */
    private CompletableFuture<DeliveryOutcome> deliver(DueDelivery due, Optional<WebhookEndpoint> maybeEndpoint) {
        if (due.callbackUrl().isEmpty() && maybeEndpoint.isEmpty()) {
            // Its deliveries went with it, claims and all.
            claims.ended(due.id());
            return dropped(due, "the endpoint was deleted");
        }
        Instant sentAt = clock.instant();
        WebhookResponse response = due.callbackUrl().isPresent()
                ? sendToCallback(due, due.callbackUrl().get())
                : send(due, maybeEndpoint.get().url(), maybeEndpoint.get().secretsInForce(sentAt));
        if (Thread.currentThread().isInterrupted()) {
            // The service is stopping: the receiver is not to blame. It is sent again once the claim is let go or
            // runs out.
            return dropped(due, "the service stopped during the call");
        }
        Instant answeredAt = clock.instant();
        AttemptRecord attempt = judge(due, sentAt, answeredAt, response);
        return recorder.record(due.id(), attempt)
                .thenApply(recording -> outcomeOf(due, attempt, recording, answeredAt));
    }

    private DeliveryOutcome outcomeOf(DueDelivery due, AttemptRecord attempt, Recording recording,
                                      Instant answeredAt) {
        // Recording ended the claim, or found the delivery no longer pending.
        claims.ended(due.id());
        if (!(recording instanceof Recording.Recorded recorded)) {
            return new DeliveryOutcome.Dropped(due.id(), due.endpointId(), "it was no longer pending");
        }
        if (attempt.succeeded()) {
            return new DeliveryOutcome.Delivered(due.id(), due.endpointId(),
                    ((AttemptResult.Answered) attempt.result()).statusCode());
        }
        boolean disabled = due.callbackUrl().isEmpty()
                && disableIfFailingTooLong(due.endpointId(), recorded.endpointFailingSince(), answeredAt);
        if (attempt.stateAfter() == DeliveryState.PENDING) {
            return new DeliveryOutcome.WillRetry(due.id(), due.endpointId(), attempt.result(),
                    attempt.nextAttemptAt().orElseThrow(), disabled);
        }
        return new DeliveryOutcome.Failed(due.id(), due.endpointId(), attempt.result(), disabled);
    }

    private WebhookResponse sendToCallback(DueDelivery due, CallbackUrl callbackUrl) {
        if (callbackSecret.isEmpty()) {
            // The secret was taken out of the configuration after the order was taken: wait for it to come back.
            return new WebhookResponse.NotAnswered("not sent: the service has no callback signing secret",
                    Duration.ZERO);
        }
        return send(due, callbackUrl.value(), List.of(callbackSecret.get()));
    }

    private WebhookResponse send(DueDelivery due, URI url, List<SigningSecret> secrets) {
        return sender.send(new WebhookRequest(url, due.event().id().toString(), due.event().type(),
                due.event().payload(), secrets));
    }

    /** What the answer makes of the delivery: the one place that reads status codes. */
    private AttemptRecord judge(DueDelivery due, Instant sentAt, Instant answeredAt, WebhookResponse response) {
        AttemptResult result = WebhookAnswers.resultOf(response);
        Optional<Duration> retryAfter = Optional.empty();
        boolean worthRetrying = true;
        if (response instanceof WebhookResponse.Answered answered) {
            int status = answered.statusCode();
            if (status >= 200 && status < 300) {
                return new AttemptRecord(sentAt, response.latency(), result, DeliveryState.DELIVERED,
                        Optional.empty());
            }
            worthRetrying = status >= 500 || status == 408 || status == 429;
            retryAfter = answered.retryAfter();
        }
        Optional<Duration> delay = worthRetrying
                ? retries.delayAfter(due.attemptsMade() + 1)
                : Optional.empty();
        if (delay.isEmpty()) {
            return new AttemptRecord(sentAt, response.latency(), result, DeliveryState.FAILED, Optional.empty());
        }
        Duration wait = retries.honouring(delay.get(), retryAfter);
        return new AttemptRecord(sentAt, response.latency(), result, DeliveryState.PENDING,
                Optional.of(answeredAt.plus(wait)));
    }

    private boolean disableIfFailingTooLong(WebhookEndpointId endpoint, Optional<Instant> failingSince,
                                            Instant now) {
        if (failingSince.isEmpty() || failingSince.get().isAfter(now.minus(policy.disableAfter()))) {
            return false;
        }
        return endpoints.disable(endpoint, "Every delivery failed for " + inWords(policy.disableAfter())
                + " (since " + failingSince.get() + "); enable it again once it can take webhooks.", now);
    }

    /** "3 days", "12 hours", "90 seconds": the largest whole unit. */
    private static String inWords(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds > 0 && seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return duration.toMillis() % 1_000 == 0 ? plural(seconds, "second") : plural(duration.toMillis(), "ms");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 || unit.equals("ms") ? "" : "s");
    }
}
