package dev.orderpay.application.service;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.in.event.DeliveryAttempt;
import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.application.port.in.maintenance.DeliveryOutcome;
import dev.orderpay.application.port.in.maintenance.DeliveryRound;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.event.TestEvents;
import dev.orderpay.application.port.out.webhook.AttemptRecord;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.Recording;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.application.port.out.webhook.ScriptedWebhookSender;
import dev.orderpay.application.port.out.webhook.WebhookRequest;
import dev.orderpay.application.port.out.webhook.WebhookResponse;
import dev.orderpay.application.port.out.webhook.WebhookSender;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.TestOrders;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.RetrySchedule;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.TestWebhookEndpoints;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static dev.orderpay.application.port.out.webhook.ScriptedWebhookSender.answering;
import static dev.orderpay.application.port.out.webhook.ScriptedWebhookSender.unreachable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class WebhookDeliveryServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00.123456Z");
    private static final URI SHOP = URI.create("https://shop.example.test/hooks");
    private static final URI OTHER_SHOP = URI.create("https://other.example.test/hooks");
    private static final List<Duration> DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5));
    private static final Duration DISABLE_AFTER = Duration.ofDays(3);
    private static final URI CALLBACK = URI.create("https://shop.example.test/orders/callback?token=t1");
    private static final SigningSecret CALLBACK_SECRET = new SigningSecret("callback-secret-of-at-least-32-chars");
    // The middle of the jitter's range: every delay exactly as planned.
    private static final RandomGenerator NO_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only doubles are drawn");
        }

        @Override
        public double nextDouble() {
            return 0.5;
        }
    };

    private final TestClock clock = TestClock.standingAt(NOW);
    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
    private final HoldableDeliveries deliveries = new HoldableDeliveries(endpoints);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(deliveries);
    private final ScriptedWebhookSender sender = new ScriptedWebhookSender();
    // Runs each call at once, on the caller's thread: a round's outcomes are known when it returns.
    private final WebhookDeliveryService service = service(Runnable::run, 8);

    @Test
    void given_a_new_event_when_a_round_runs_then_it_is_posted_signed_and_recorded_as_delivered() {
        WebhookEndpoint endpoint = endpoint(SHOP);
        Event event = announced(NOW.minusSeconds(1));

        List<DeliveryOutcome> outcomes = outcomesOf(service.deliverDue());

        assertThat(outcomes).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(sender.sent()).singleElement().satisfies(request -> {
            assertThat(request.url()).isEqualTo(SHOP);
            assertThat(request.eventId()).isEqualTo(event.id().toString());
            assertThat(request.eventType()).isEqualTo(EventType.ORDER_CREATED);
            assertThat(request.body()).isEqualTo(event.payload());
            assertThat(request.secrets()).containsExactly(endpoint.secret());
        });
        EventDelivery delivery = deliveries.findByEvent(event.id()).get(0);
        assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery.attempts()).containsExactly(new DeliveryAttempt(1, NOW, ScriptedWebhookSender.LATENCY,
                new AttemptResult.Answered(200, "status 200"), Optional.empty()));
        assertThat(outcomesOf(service.deliverDue())).isEmpty();
    }

    @Test
    void given_an_order_with_a_callback_url_then_its_events_go_there_too_signed_with_the_service_wide_secret() {
        WebhookEndpoint endpoint = endpoint(SHOP);
        Order order = announcedOrder(TestOrders.anOrder().withCallbackUrl(CALLBACK.toString()), NOW.minusSeconds(2));
        Event event = orders.findByOrder(order.id()).get(0);
        announced(NOW.minusSeconds(1));

        List<DeliveryOutcome> outcomes = outcomesOf(service.deliverDue());

        assertThat(outcomes).hasSize(3).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOf(DeliveryOutcome.Delivered.class));
        assertThat(sender.sent()).filteredOn(request -> request.url().equals(CALLBACK)).singleElement()
                .satisfies(request -> {
                    assertThat(request.eventId()).isEqualTo(event.id().toString());
                    assertThat(request.body()).isEqualTo(event.payload());
                    assertThat(request.secrets()).containsExactly(CALLBACK_SECRET);
                });
        assertThat(sender.sent()).filteredOn(request -> request.url().equals(SHOP))
                .extracting(WebhookRequest::secrets).containsOnly(List.of(endpoint.secret())).hasSize(2);
        assertThat(deliveries.findByEvent(event.id())).extracting(EventDelivery::callbackUrl, EventDelivery::state)
                .containsExactlyInAnyOrder(tuple(Optional.empty(), DeliveryState.DELIVERED),
                        tuple(Optional.of(CallbackUrl.parse(CALLBACK.toString())), DeliveryState.DELIVERED));
    }

    @Test
    void given_no_callback_secret_any_more_then_a_callback_is_not_sent_but_tried_again_like_one_unanswered() {
        Order order = announcedOrder(TestOrders.anOrder().withCallbackUrl(CALLBACK.toString()), NOW.minusSeconds(1));

        List<DeliveryOutcome> outcomes = outcomesOf(service(Runnable::run, 8, 1, Optional.empty()).deliverDue());

        assertThat(sender.sent()).isEmpty();
        assertThat(outcomes).singleElement().isInstanceOfSatisfying(DeliveryOutcome.WillRetry.class, retry -> {
            assertThat(retry.result()).isEqualTo(
                    new AttemptResult.NotAnswered("not sent: the service has no callback signing secret"));
            assertThat(retry.nextAttemptAt()).isEqualTo(NOW.plus(DELAYS.get(0)));
            assertThat(retry.endpointDisabled()).isFalse();
        });
        clock.advance(DELAYS.get(0));
        assertThat(outcomesOf(service.deliverDue())).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(deliveries.findByEvent(orders.findByOrder(order.id()).get(0).id())).singleElement()
                .extracting(EventDelivery::state).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void given_a_secret_being_rotated_when_sent_then_both_secrets_sign() {
        WebhookEndpoint endpoint = endpoint(SHOP);
        WebhookEndpoint loaded = endpoints.findById(endpoint.id()).orElseThrow();
        loaded.rotateSecret(new SigningSecret("whsec_new"), NOW.minusSeconds(60), Duration.ofHours(24));
        endpoints.update(loaded);
        announced(NOW.minusSeconds(1));

        service.deliverDue();

        assertThat(sender.sent()).singleElement().extracting(WebhookRequest::secrets)
                .isEqualTo(List.of(new SigningSecret("whsec_new"), endpoint.secret()));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408, 429})
    void given_an_answer_worth_retrying_then_the_delivery_is_tried_again_after_the_first_delay(int status) {
        endpoint(SHOP);
        sender.answer(SHOP, answering(status));
        Event event = announced(NOW.minusSeconds(1));

        List<DeliveryOutcome> first = outcomesOf(service.deliverDue());
        clock.set(NOW.plus(DELAYS.get(0)).minusNanos(1_000));
        List<DeliveryOutcome> tooEarly = outcomesOf(service.deliverDue());
        clock.set(NOW.plus(DELAYS.get(0)));
        List<DeliveryOutcome> retried = outcomesOf(service.deliverDue());

        assertThat(first).singleElement().isInstanceOfSatisfying(DeliveryOutcome.WillRetry.class,
                willRetry -> assertThat(willRetry.nextAttemptAt()).isEqualTo(NOW.plus(DELAYS.get(0))));
        assertThat(tooEarly).isEmpty();
        assertThat(retried).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(deliveries.findByEvent(event.id()).get(0).attempts())
                .extracting(DeliveryAttempt::result, DeliveryAttempt::nextAttemptAt)
                .containsExactly(
                        tuple(new AttemptResult.Answered(status, "status " + status),
                                Optional.of(NOW.plus(DELAYS.get(0)))),
                        tuple(new AttemptResult.Answered(200, "status 200"),
                                Optional.empty()));
    }

    @Test
    void given_no_answer_then_the_delivery_is_tried_again_and_the_error_kept() {
        endpoint(SHOP);
        sender.answer(SHOP, unreachable());
        Event event = announced(NOW.minusSeconds(1));

        service.deliverDue();

        EventDelivery delivery = deliveries.findByEvent(event.id()).get(0);
        assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(delivery.nextAttemptAt()).contains(NOW.plus(DELAYS.get(0)));
        assertThat(delivery.attempts()).extracting(DeliveryAttempt::result)
                .containsExactly(new AttemptResult.NotAnswered("could not connect: Connection refused"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 410, 422, 301, 302, 307})
    void given_a_refusal_or_a_redirect_then_the_delivery_fails_at_once(int status) {
        endpoint(SHOP);
        sender.answer(SHOP, answering(status));
        Event event = announced(NOW.minusSeconds(1));

        List<DeliveryOutcome> outcomes = outcomesOf(service.deliverDue());
        clock.set(NOW.plus(Duration.ofDays(1)));
        service.deliverDue();

        assertThat(outcomes).singleElement().isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(sender.sent()).hasSize(1);
        EventDelivery delivery = deliveries.findByEvent(event.id()).get(0);
        assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(delivery.attempts()).extracting(DeliveryAttempt::result)
                .containsExactly(new AttemptResult.Answered(status, "status " + status));
    }

    @Test
    void given_a_failure_at_every_attempt_then_the_delivery_fails_after_the_last_delay() {
        endpoint(SHOP);
        sender.answer(SHOP, answering(503), answering(503), answering(503));
        Event event = announced(NOW.minusSeconds(1));

        service.deliverDue();
        clock.advance(DELAYS.get(0));
        service.deliverDue();
        clock.advance(DELAYS.get(1));
        List<DeliveryOutcome> last = outcomesOf(service.deliverDue());

        assertThat(last).singleElement().isInstanceOf(DeliveryOutcome.Failed.class);
        EventDelivery delivery = deliveries.findByEvent(event.id()).get(0);
        assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(delivery.attempts()).extracting(DeliveryAttempt::at)
                .containsExactly(NOW, NOW.plus(DELAYS.get(0)), NOW.plus(DELAYS.get(0)).plus(DELAYS.get(1)));
        assertThat(sender.sent()).hasSize(3);
    }

    @Test
    void given_a_retry_after_longer_than_the_delay_then_the_receiver_is_given_its_time() {
        endpoint(SHOP);
        sender.answer(SHOP, answering(429, Duration.ofMinutes(3)));
        Event event = announced(NOW.minusSeconds(1));

        service.deliverDue();

        assertThat(deliveries.findByEvent(event.id()).get(0).nextAttemptAt()).contains(NOW.plus(Duration.ofMinutes(3)));
    }

    @Test
    void given_an_orders_events_and_a_failing_first_one_then_the_later_one_waits_for_it() {
        endpoint(SHOP);
        sender.answer(SHOP, answering(503));
        Order order = announcedOrder(NOW.minusSeconds(2));
        authorize(order, NOW.minusSeconds(1));

        service.deliverDue();
        List<WebhookRequest> whileFailing = sender.sent();
        clock.advance(DELAYS.get(0));
        service.deliverDue();
        service.deliverDue();

        assertThat(whileFailing).extracting(WebhookRequest::eventType).containsExactly(EventType.ORDER_CREATED);
        assertThat(sender.sent()).extracting(WebhookRequest::eventType).containsExactly(EventType.ORDER_CREATED,
                EventType.ORDER_CREATED, EventType.ORDER_AUTHORIZED);
    }

    @Test
    void given_every_attempt_to_an_endpoint_failing_for_long_enough_then_it_is_disabled_saying_why() {
        WebhookEndpoint failing = endpoint(SHOP);
        WebhookEndpoint working = endpoint(OTHER_SHOP);
        sender.answer(SHOP, answering(500), answering(500), answering(500), answering(500), answering(500));
        announced(NOW.minusSeconds(1));
        service.deliverDue();
        clock.advance(DISABLE_AFTER.minusSeconds(1));
        announced(clock.instant());
        List<DeliveryOutcome> beforeTheLimit = outcomesOf(service.deliverDue());
        clock.advance(Duration.ofSeconds(1));
        announced(clock.instant());

        List<DeliveryOutcome> atTheLimit = outcomesOf(service.deliverDue());

        assertThat(beforeTheLimit).filteredOn(outcome -> outcome.endpointId().equals(failing.id()))
                .allSatisfy(outcome -> assertThat(disabledBy(outcome)).isFalse());
        assertThat(atTheLimit).filteredOn(outcome -> outcome.endpointId().equals(failing.id()))
                .anySatisfy(outcome -> assertThat(disabledBy(outcome)).isTrue());
        WebhookEndpoint disabled = endpoints.findById(failing.id()).orElseThrow();
        assertThat(disabled.disabled()).hasValueSatisfying(why -> {
            assertThat(why.reason()).isEqualTo("Every delivery failed for 3 days (since " + NOW
                    + "); enable it again once it can take webhooks.");
            assertThat(why.since()).isEqualTo(NOW.plus(DISABLE_AFTER));
        });
        assertThat(endpoints.findById(working.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void given_a_success_between_failures_then_the_endpoint_is_not_disabled() {
        WebhookEndpoint endpoint = endpoint(SHOP);
        sender.answer(SHOP, answering(500), answering(200), answering(500));
        announced(NOW.minusSeconds(3));
        service.deliverDue();
        clock.advance(Duration.ofDays(2));
        announced(clock.instant());
        service.deliverDue();
        clock.advance(Duration.ofDays(2));
        announced(clock.instant());

        service.deliverDue();

        assertThat(endpoints.findById(endpoint.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void given_calls_still_running_then_a_round_claims_only_the_room_left_and_claims_more_once_they_end() {
        endpoint(SHOP);
        endpoint(OTHER_SHOP);
        for (int i = 0; i < 3; i++) {
            announced(NOW.minusSeconds(10 - i));
        }
        Deque<Runnable> queued = new ArrayDeque<>();
        WebhookDeliveryService withTwoPlaces = service(queued::add, 2);

        DeliveryRound first = withTwoPlaces.deliverDue();
        DeliveryRound whileRunning = withTwoPlaces.deliverDue();
        queued.removeFirst().run();
        DeliveryRound afterOneEnded = withTwoPlaces.deliverDue();

        assertThat(first.claimed()).isEqualTo(2);
        assertThat(whileRunning.claimed()).isZero();
        assertThat(afterOneEnded.claimed()).isEqualTo(1);
        assertThat(first.started().get(0)).isCompleted();
        assertThat(first.started().get(1)).isNotDone();
    }

    @Test
    void given_an_endpoint_deleted_after_the_claim_then_nothing_is_recorded_for_it() {
        WebhookEndpoint endpoint = endpoint(SHOP);
        announced(NOW.minusSeconds(1));
        Deque<Runnable> queued = new ArrayDeque<>();
        DeliveryRound round = service(queued::add, 2).deliverDue();

        endpoints.delete(endpoint.id());
        queued.removeFirst().run();

        assertThat(round.started().get(0).join()).isInstanceOf(DeliveryOutcome.Dropped.class);
    }

    @Test
    void given_the_service_stopping_during_a_call_then_nothing_is_recorded_and_the_delivery_stays_due() {
        endpoint(SHOP);
        Event event = announced(NOW.minusSeconds(1));
        WebhookDeliveryService stopping = new WebhookDeliveryService(deliveries, endpoints, request -> {
            // As the sender answers when its thread is interrupted while it waits.
            Thread.currentThread().interrupt();
            return unreachable();
        }, new RetrySchedule(DELAYS, NO_JITTER), clock, Runnable::run,
                new WebhookDeliveryService.Policy(8, 4, 1, Duration.ofMinutes(2), DISABLE_AFTER),
                Optional.of(CALLBACK_SECRET));

        List<DeliveryOutcome> outcomes;
        try {
            outcomes = outcomesOf(stopping.deliverDue());
        } finally {
            Thread.interrupted();
        }

        assertThat(outcomes).singleElement().isInstanceOf(DeliveryOutcome.Dropped.class);
        EventDelivery delivery = deliveries.findByEvent(event.id()).get(0);
        assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(delivery.attempts()).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(outcomesOf(service.deliverDue())).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
    }

    @Test
    void given_the_service_stopping_during_a_call_when_it_lets_go_of_its_claims_then_another_instance_sends_it_at_once() {
        endpoint(SHOP);
        Event event = announced(NOW.minusSeconds(1));
        WebhookDeliveryService stopping = new WebhookDeliveryService(deliveries, endpoints, request -> {
            Thread.currentThread().interrupt();
            return unreachable();
        }, new RetrySchedule(DELAYS, NO_JITTER), clock, Runnable::run,
                new WebhookDeliveryService.Policy(8, 4, 1, Duration.ofMinutes(2), DISABLE_AFTER),
                Optional.of(CALLBACK_SECRET));
        try {
            outcomesOf(stopping.deliverDue());
        } finally {
            Thread.interrupted();
        }
        WebhookDeliveryService another = service(Runnable::run, 8);
        DeliveryRound whileClaimed = another.deliverDue();

        int released = stopping.releaseClaims();

        assertThat(whileClaimed.claimed()).isZero();
        assertThat(released).isEqualTo(1);
        assertThat(outcomesOf(another.deliverDue())).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(deliveries.findByEvent(event.id())).singleElement().extracting(EventDelivery::state)
                .isEqualTo(DeliveryState.DELIVERED);
        assertThat(stopping.releaseClaims()).isZero();
    }

    @Test
    void given_a_call_that_could_not_be_started_then_its_claim_is_let_go_with_the_others() {
        endpoint(SHOP);
        announced(NOW.minusSeconds(1));
        WebhookDeliveryService refusing = service(call -> {
            throw new RejectedExecutionException("shutting down");
        }, 8);
        DeliveryRound round = refusing.deliverDue();

        int released = refusing.releaseClaims();

        assertThat(round.started()).singleElement().satisfies(call -> assertThat(call).isCompletedExceptionally());
        assertThat(released).isEqualTo(1);
        assertThat(outcomesOf(service.deliverDue())).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
    }

    @Test
    void once_stopped_a_round_claims_nothing_the_call_under_way_runs_to_its_end_and_the_rest_is_let_go() {
        endpoint(SHOP);
        announced(NOW.minusSeconds(3));
        announced(NOW.minusSeconds(2));
        AtomicReference<WebhookDeliveryService> stopping = new AtomicReference<>();
        stopping.set(new WebhookDeliveryService(deliveries, endpoints, request -> {
            // The stop comes while the first call is under way.
            stopping.get().stop();
            return answering(200);
        }, new RetrySchedule(DELAYS, NO_JITTER), clock, Runnable::run,
                new WebhookDeliveryService.Policy(8, 4, 1, Duration.ofMinutes(2), DISABLE_AFTER),
                Optional.of(CALLBACK_SECRET)));

        DeliveryRound started = stopping.get().deliverDue();
        DeliveryRound afterTheStop = stopping.get().deliverDue();

        assertThat(outcomesOf(started)).extracting(Object::getClass)
                .containsExactly(DeliveryOutcome.Delivered.class, DeliveryOutcome.Dropped.class);
        assertThat(afterTheStop.claimed()).isZero();
        assertThat(stopping.get().releaseClaims()).isOne();
        assertThat(outcomesOf(service.deliverDue())).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
    }

    @Test
    void given_a_backlog_then_one_claim_takes_several_rounds_of_it_and_sends_them_through_the_endpoints_lanes() {
        endpoint(SHOP);
        for (int i = 0; i < 10; i++) {
            announced(NOW.minusSeconds(20 - i));
        }
        Deque<Runnable> queued = new ArrayDeque<>();
        WebhookDeliveryService claimingAhead = service(queued::add, 8, 3);

        DeliveryRound round = claimingAhead.deliverDue();

        // Four calls per endpoint at once, three rounds of them claimed: 10 of the 12 places, in four lanes.
        assertThat(round.claimed()).isEqualTo(10);
        assertThat(queued).hasSize(4);
        queued.forEach(Runnable::run);
        assertThat(outcomesOf(round)).hasSize(10).allSatisfy(outcome ->
                assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class));
        assertThat(sender.sent()).hasSize(10);
    }

    @Test
    void given_lanes_on_a_real_pool_then_no_more_calls_than_the_endpoints_concurrency_run_at_once() throws Exception {
        endpoint(SHOP);
        for (int i = 0; i < 24; i++) {
            announced(NOW.minusSeconds(30 - i));
        }
        CountingSlowSender slow = new CountingSlowSender();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            WebhookDeliveryService overPool = new WebhookDeliveryService(deliveries, endpoints, slow,
                    new RetrySchedule(DELAYS, NO_JITTER), clock, pool,
                    new WebhookDeliveryService.Policy(16, 4, 8, Duration.ofMinutes(2), DISABLE_AFTER),
                    Optional.of(CALLBACK_SECRET));

            List<DeliveryOutcome> outcomes = outcomesOf(overPool.deliverDue());

            assertThat(outcomes).hasSize(24).allSatisfy(outcome ->
                    assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class));
            assertThat(slow.mostAtOnce()).isBetween(1, 4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void given_rounds_claiming_while_calls_still_run_then_the_endpoint_still_gets_no_more_than_its_concurrency()
            throws Exception {
        endpoint(SHOP);
        for (int i = 0; i < 40; i++) {
            announced(NOW.minusSeconds(60 - i));
        }
        CountingSlowSender slow = new CountingSlowSender();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            // A claim takes 8 of the endpoint's deliveries; each round after the first finds room as calls end.
            WebhookDeliveryService overPool = new WebhookDeliveryService(deliveries, endpoints, slow,
                    new RetrySchedule(DELAYS, NO_JITTER), clock, pool,
                    new WebhookDeliveryService.Policy(16, 4, 2, Duration.ofMinutes(2), DISABLE_AFTER),
                    Optional.of(CALLBACK_SECRET));
            List<CompletableFuture<DeliveryOutcome>> started = new ArrayList<>();
            int rounds = 0;
            Instant giveUp = Instant.now().plusSeconds(10);
            while (started.size() < 40 && Instant.now().isBefore(giveUp)) {
                DeliveryRound round = overPool.deliverDue();
                started.addAll(round.started());
                rounds += round.claimed() > 0 ? 1 : 0;
                Thread.sleep(2);
            }

            assertThat(started.stream().map(CompletableFuture::join).toList()).hasSize(40).allSatisfy(outcome ->
                    assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class));
            assertThat(rounds).as("rounds that claimed").isGreaterThan(2);
            assertThat(slow.mostAtOnce()).isBetween(1, 4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void given_a_stop_before_the_lanes_ran_then_nothing_is_sent_and_every_claim_is_let_go() {
        endpoint(SHOP);
        for (int i = 0; i < 6; i++) {
            announced(NOW.minusSeconds(10 - i));
        }
        Deque<Runnable> queued = new ArrayDeque<>();
        WebhookDeliveryService stopping = service(queued::add, 8, 2);
        DeliveryRound round = stopping.deliverDue();

        stopping.stop();
        queued.forEach(Runnable::run);

        assertThat(outcomesOf(round)).hasSize(6).allSatisfy(outcome ->
                assertThat(outcome).isInstanceOf(DeliveryOutcome.Dropped.class));
        assertThat(sender.sent()).isEmpty();
        assertThat(stopping.releaseClaims()).isEqualTo(6);
        assertThat(service.deliverDue().claimed()).isEqualTo(4);
    }

    @Test
    void given_an_attempt_being_recorded_then_the_endpoints_lanes_go_on_calling_and_their_attempts_follow_it()
            throws Exception {
        endpoint(SHOP);
        for (int i = 0; i < 12; i++) {
            announced(NOW.minusSeconds(60 - i));
        }
        CountingSlowSender slow = new CountingSlowSender();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch recordingHeld = deliveries.holdRecording();
        try {
            WebhookDeliveryService overPool = new WebhookDeliveryService(deliveries, endpoints, slow,
                    new RetrySchedule(DELAYS, NO_JITTER), clock, pool,
                    new WebhookDeliveryService.Policy(16, 4, 4, Duration.ofMinutes(2), DISABLE_AFTER),
                    Optional.of(CALLBACK_SECRET));

            DeliveryRound round = overPool.deliverDue();

            // The first recording is held: with lanes waiting for it, no more than 4 calls would have been made.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slow.calls() < 12 && System.nanoTime() < giveUp) {
                Thread.sleep(5);
            }
            assertThat(slow.calls()).isEqualTo(12);
            assertThat(round.started()).noneMatch(CompletableFuture::isDone);
            recordingHeld.countDown();
            assertThat(round.started().stream().map(CompletableFuture::join).toList()).hasSize(12)
                    .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class));
            assertThat(deliveries.countPending()).isZero();
        } finally {
            recordingHeld.countDown();
            pool.shutdownNow();
        }
    }

    /** The in-memory deliveries, whose recordings can be held until a latch is let go. */
    private static final class HoldableDeliveries extends InMemoryWebhookDeliveries {

        private volatile CountDownLatch hold = new CountDownLatch(0);

        HoldableDeliveries(InMemoryWebhookEndpoints endpoints) {
            super(endpoints);
        }

        CountDownLatch holdRecording() {
            hold = new CountDownLatch(1);
            return hold;
        }

        @Override
        public Map<WebhookDeliveryId, Recording> record(Map<WebhookDeliveryId, AttemptRecord> attempts) {
            try {
                assertThat(hold.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            return super.record(attempts);
        }
    }

    /** Answers 200 after 5 ms, counting its calls and the most it had under way at once. */
    private static final class CountingSlowSender implements WebhookSender {

        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public WebhookResponse send(WebhookRequest request) {
            calls.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return answering(200);
        }

        int mostAtOnce() {
            return mostAtOnce.get();
        }

        int calls() {
            return calls.get();
        }
    }

    private WebhookDeliveryService service(Executor executor, int concurrency) {
        return service(executor, concurrency, 1);
    }

    private WebhookDeliveryService service(Executor executor, int concurrency, int claimAhead) {
        return service(executor, concurrency, claimAhead, Optional.of(CALLBACK_SECRET));
    }

    private WebhookDeliveryService service(Executor executor, int concurrency, int claimAhead,
                                           Optional<SigningSecret> callbackSecret) {
        return new WebhookDeliveryService(deliveries, endpoints, sender, new RetrySchedule(DELAYS, NO_JITTER), clock,
                executor, new WebhookDeliveryService.Policy(concurrency, 4, claimAhead, Duration.ofMinutes(2),
                DISABLE_AFTER), callbackSecret);
    }

    private static List<DeliveryOutcome> outcomesOf(DeliveryRound round) {
        return round.started().stream().map(CompletableFuture::join).toList();
    }

    private static boolean disabledBy(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.WillRetry willRetry) {
            return willRetry.endpointDisabled();
        }
        return outcome instanceof DeliveryOutcome.Failed failed && failed.endpointDisabled();
    }

    private WebhookEndpoint endpoint(URI url) {
        WebhookEndpoint endpoint = TestWebhookEndpoints.anEndpoint().at(url.toString()).build();
        endpoints.addWithinLimit(endpoint, 16);
        return endpoint;
    }

    /** A new order's first event, order.created, at {@code at}. */
    private Event announced(Instant at) {
        Order order = announcedOrder(at);
        return orders.findByOrder(order.id()).get(0);
    }

    private Order announcedOrder(Instant at) {
        return announcedOrder(TestOrders.anOrder(), at);
    }

    private Order announcedOrder(TestOrders newOrder, Instant at) {
        Order order = newOrder.createdAt(at).build();
        orders.add(order, NOT_HELD);
        Order loaded = orders.findById(order.id()).orElseThrow();
        loaded.attachSession(TestOrders.sessionFor("S-" + order.id()));
        return orders.update(loaded, TestEvents.of(loaded, at));
    }

    private void authorize(Order order, Instant at) {
        Order loaded = orders.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        orders.update(loaded, TestEvents.of(loaded, at));
    }
}
