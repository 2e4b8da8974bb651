package dev.orderpay.application.port.out.webhook;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.in.event.DeliveryAttempt;
import dev.orderpay.application.port.in.event.DeliveryStanding;
import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.application.port.in.event.EventFilter;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.event.TestEvents;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.TestOrders;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.audit.TestActors;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static dev.orderpay.domain.webhook.TestWebhookEndpoints.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every {@link WebhookDeliveries} must do. Deliveries are made with the events they carry, so each
 * implementation's test supplies the whole storage: orders (whose events make deliveries), their events, the
 * endpoints and the deliveries, all empty.
 */
public abstract class WebhookDeliveriesContract {

    private static final int LIMIT = 16;
    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00.123456Z");
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration LATENCY = Duration.ofMillis(250);
    private static final AttemptResult OK = new AttemptResult.Answered(200, "thanks");
    private static final AttemptResult DOWN = new AttemptResult.Answered(503, "maintenance – back soon ⏳");
    private static final AttemptResult REFUSED = new AttemptResult.Answered(400, "");
    private static final AttemptResult NO_ANSWER = new AttemptResult.NotAnswered("could not connect: Connection refused");
    private static final CallbackUrl CALLBACK = CallbackUrl.parse("https://shop.example/callbacks?token=t1");

    /** One storage's ports, over nothing stored. */
    public record Storage(OrderRepository orders, EventLog events, WebhookEndpoints endpoints,
                             WebhookDeliveries deliveries) {

        /** The in-memory fakes over nothing stored, tied together as the tables are. */
        public static Storage inMemory() {
            InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
            InMemoryWebhookDeliveries deliveries = new InMemoryWebhookDeliveries(endpoints);
            InMemoryOrderRepository orders = new InMemoryOrderRepository(deliveries);
            return new Storage(orders, orders, endpoints, deliveries);
        }
    }

    protected abstract Storage emptyStorage();

    @Test
    void a_due_delivery_is_claimed_with_its_event_and_not_again_until_its_claim_runs_out() {
        Storage storage = emptyStorage();
        WebhookEndpoint endpoint = endpoint(storage);
        Order order = announced(storage, NOW.minusSeconds(30));
        Event event = storage.events().findByOrder(order.id()).get(0);

        List<DueDelivery> notYet = storage.deliveries().claimDue(NOW.minusSeconds(31), NOW, LIMIT, LIMIT);
        List<DueDelivery> claimed = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT);
        List<DueDelivery> whileClaimed = storage.deliveries().claimDue(NOW.plus(CLAIM).minusNanos(1_000),
                NOW.plus(CLAIM.multipliedBy(2)), LIMIT, LIMIT);
        List<DueDelivery> onceRunOut = storage.deliveries().claimDue(NOW.plus(CLAIM),
                NOW.plus(CLAIM.multipliedBy(2)), LIMIT, LIMIT);

        assertThat(notYet).isEmpty();
        assertThat(claimed).hasSize(1);
        DueDelivery due = claimed.get(0);
        assertThat(due.endpointId()).isEqualTo(endpoint.id());
        assertThat(due.event()).isEqualTo(event);
        assertThat(due.attemptsMade()).isZero();
        assertThat(whileClaimed).isEmpty();
        assertThat(onceRunOut).extracting(DueDelivery::id).containsExactly(due.id());
    }

    @Test
    void released_claims_are_free_to_claim_at_once_and_others_stay_claimed() {
        Storage storage = emptyStorage();
        endpoint(storage);
        announced(storage, NOW.minusSeconds(30));
        announced(storage, NOW.minusSeconds(20));
        // Finer than the database keeps: the release must still name the claim exactly.
        Instant claimedUntil = NOW.plus(CLAIM).plusNanos(987_654_321);
        List<DueDelivery> claimed = storage.deliveries().claimDue(NOW, claimedUntil, LIMIT, LIMIT);

        int released = storage.deliveries().releaseClaims(List.of(claimed.get(0).id()), claimedUntil);
        List<DueDelivery> claimedAgain = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT);

        assertThat(released).isEqualTo(1);
        assertThat(claimedAgain).extracting(DueDelivery::id).containsExactly(claimed.get(0).id());
    }

    @Test
    void a_release_leaves_alone_the_claims_taken_after_ours_ran_out() {
        Storage storage = emptyStorage();
        endpoint(storage);
        announced(storage, NOW.minusSeconds(30));
        announced(storage, NOW.minusSeconds(20));
        Instant ours = NOW.plus(CLAIM);
        List<DueDelivery> claimed = storage.deliveries().claimDue(NOW, ours, LIMIT, LIMIT);
        Instant theirs = ours.plus(CLAIM);
        List<DueDelivery> takenOver = storage.deliveries().claimDue(ours, theirs, LIMIT, LIMIT);

        int released = storage.deliveries().releaseClaims(claimed.stream().map(DueDelivery::id).toList(), ours);

        assertThat(takenOver).extracting(DueDelivery::id).containsExactlyInAnyOrderElementsOf(
                claimed.stream().map(DueDelivery::id).toList());
        assertThat(released).isZero();
        assertThat(storage.deliveries().claimDue(theirs.minusSeconds(1), theirs.plus(CLAIM), LIMIT, LIMIT)).isEmpty();
    }

    @Test
    void the_backlog_counts_pending_deliveries_to_enabled_endpoints_due_or_not() {
        Storage storage = emptyStorage();
        endpoint(storage);
        WebhookEndpoint disabled = endpoint(storage);
        Order waiting = announced(storage, NOW.minusSeconds(30));
        announced(storage, NOW.minusSeconds(20));
        Order delivered = announced(storage, NOW.minusSeconds(10));
        storage.endpoints().disable(disabled.id(), "Disabled through the API.", NOW);
        for (DueDelivery due : storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT)) {
            if (due.event().orderId().equals(waiting.id())) {
                storage.deliveries().record(due.id(), retryAt(NOW, NOW.plusSeconds(60)));
            } else if (due.event().orderId().equals(delivered.id())) {
                storage.deliveries().record(due.id(), delivered(NOW));
            }
        }

        assertThat(storage.deliveries().countPending()).isEqualTo(2);
    }

    @Test
    void deliveries_are_claimed_oldest_due_first_up_to_the_limit() {
        Storage storage = emptyStorage();
        endpoint(storage);
        Order third = announced(storage, NOW.minusSeconds(10));
        Order first = announced(storage, NOW.minusSeconds(30));
        Order second = announced(storage, NOW.minusSeconds(20));

        List<DueDelivery> claimed = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), 2, LIMIT);

        assertThat(claimed).extracting(due -> due.event().orderId()).containsExactly(first.id(), second.id());
        assertThat(storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), 2, LIMIT))
                .extracting(due -> due.event().orderId()).containsExactly(third.id());
    }

    @Test
    void no_more_deliveries_to_one_endpoint_are_claimed_than_it_may_have_at_once_and_others_are_not_held_up() {
        Storage storage = emptyStorage();
        WebhookEndpoint busy = endpoint(storage);
        for (int i = 0; i < 5; i++) {
            announced(storage, NOW.minusSeconds(60 - i));
        }
        WebhookEndpoint quiet = endpoint(storage);
        Order later = announced(storage, NOW.minusSeconds(10));

        List<DueDelivery> first = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, 2);
        List<DueDelivery> second = storage.deliveries().claimDue(NOW.plusSeconds(1), NOW.plus(CLAIM), LIMIT, 2);
        storage.deliveries().record(first.get(0).id(), delivered(NOW.plusSeconds(2)));
        List<DueDelivery> third = storage.deliveries().claimDue(NOW.plusSeconds(3), NOW.plus(CLAIM), LIMIT, 2);

        assertThat(first).extracting(DueDelivery::endpointId).containsExactlyInAnyOrder(busy.id(), busy.id(),
                quiet.id());
        assertThat(first).filteredOn(due -> due.endpointId().equals(quiet.id()))
                .extracting(due -> due.event().orderId()).containsExactly(later.id());
        assertThat(second).as("both places at the busy endpoint are taken").isEmpty();
        assertThat(third).extracting(DueDelivery::endpointId).containsExactly(busy.id());
    }

    @Test
    void a_disabled_endpoints_deliveries_wait_until_it_is_enabled_again() {
        Storage storage = emptyStorage();
        WebhookEndpoint endpoint = endpoint(storage);
        announced(storage, NOW.minusSeconds(30));
        storage.endpoints().disable(endpoint.id(), "Disabled through the API.", NOW.minusSeconds(20));

        List<DueDelivery> whileDisabled = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT);
        WebhookEndpoint disabled = storage.endpoints().findById(endpoint.id()).orElseThrow();
        disabled.enable();
        storage.endpoints().update(disabled);
        List<DueDelivery> onceEnabled = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT);

        assertThat(whileDisabled).isEmpty();
        assertThat(onceEnabled).hasSize(1);
    }

    @Test
    void an_orders_later_event_waits_for_its_earlier_one_at_the_same_endpoint_only() {
        Storage storage = emptyStorage();
        WebhookEndpoint failing = endpoint(storage);
        WebhookEndpoint working = endpoint(storage);
        Order order = authorized(storage, announced(storage, NOW.minusSeconds(30)), NOW.minusSeconds(20));
        Order other = announced(storage, NOW.minusSeconds(10));

        List<DueDelivery> first = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT);
        assertThat(first).extracting(due -> due.event().orderId() + " #" + due.event().sequence())
                .containsExactlyInAnyOrder(order.id() + " #1", order.id() + " #1", other.id() + " #1", other.id()
                        + " #1");
        for (DueDelivery due : first) {
            boolean toFailing = due.endpointId().equals(failing.id());
            storage.deliveries().record(due.id(), toFailing ? retryAt(NOW.plusSeconds(1), NOW.plusSeconds(60))
                    : delivered(NOW.plusSeconds(1)));
        }
        List<DueDelivery> second = storage.deliveries().claimDue(NOW.plusSeconds(2), NOW.plus(CLAIM), LIMIT, LIMIT);
        assertThat(second).extracting(DueDelivery::endpointId, due -> due.event().sequence())
                .containsExactly(tuple(working.id(), 2L));

        // Once the earlier event failed for good, the later one goes.
        DueDelivery retried = storage.deliveries().claimDue(NOW.plusSeconds(60), NOW.plusSeconds(60).plus(CLAIM),
                LIMIT, LIMIT).stream().filter(due -> due.event().orderId().equals(order.id())).findFirst().orElseThrow();
        assertThat(retried.event().sequence()).isEqualTo(1);
        storage.deliveries().record(retried.id(), failedFor(REFUSED, NOW.plusSeconds(61)));
        List<DueDelivery> third = storage.deliveries().claimDue(NOW.plusSeconds(62), NOW.plus(CLAIM), LIMIT, LIMIT);
        assertThat(third).extracting(DueDelivery::endpointId, due -> due.event().sequence())
                .contains(tuple(failing.id(), 2L));
    }

    @Test
    void an_attempt_is_recorded_with_the_deliverys_new_state_and_frees_its_claim() {
        Storage storage = emptyStorage();
        WebhookEndpoint endpoint = endpoint(storage);
        Order order = announced(storage, NOW.minusSeconds(30));
        Event event = storage.events().findByOrder(order.id()).get(0);
        DueDelivery due = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT).get(0);
        Instant retryAt = NOW.plusSeconds(60);

        Recording first = storage.deliveries().record(due.id(), retryAt(NOW.plusSeconds(1), retryAt, DOWN));
        List<DueDelivery> beforeRetry = storage.deliveries().claimDue(retryAt.minusNanos(1_000), retryAt, LIMIT, LIMIT);
        List<DueDelivery> atRetry = storage.deliveries().claimDue(retryAt, retryAt.plus(CLAIM), LIMIT, LIMIT);
        Recording second = storage.deliveries().record(due.id(), retryAt(retryAt, retryAt.plusSeconds(300),
                NO_ANSWER));
        Recording third = storage.deliveries().record(due.id(), delivered(retryAt.plusSeconds(300)));
        Recording afterDelivered = storage.deliveries().record(due.id(), delivered(retryAt.plusSeconds(301)));

        assertThat(first).isInstanceOf(Recording.Recorded.class);
        assertThat(beforeRetry).isEmpty();
        assertThat(atRetry).extracting(DueDelivery::id, DueDelivery::attemptsMade)
                .containsExactly(tuple(due.id(), 1));
        assertThat(second).isInstanceOf(Recording.Recorded.class);
        assertThat(third).isInstanceOf(Recording.Recorded.class);
        assertThat(afterDelivered).isInstanceOf(Recording.NotPending.class);
        EventDelivery delivery = storage.deliveries().findByEvent(event.id()).get(0);
        assertThat(delivery.id()).isEqualTo(due.id());
        assertThat(delivery.endpointId()).contains(endpoint.id());
        assertThat(delivery.callbackUrl()).isEmpty();
        assertThat(delivery.eventId()).isEqualTo(event.id());
        assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery.createdAt()).isEqualTo(event.createdAt());
        assertThat(delivery.nextAttemptAt()).isEmpty();
        assertThat(delivery.attempts()).containsExactly(
                new DeliveryAttempt(1, NOW.plusSeconds(1), LATENCY, DOWN, Optional.of(retryAt)),
                new DeliveryAttempt(2, retryAt, LATENCY, NO_ANSWER, Optional.of(retryAt.plusSeconds(300))),
                new DeliveryAttempt(3, retryAt.plusSeconds(300), LATENCY, OK, Optional.empty()));
        assertThat(storage.deliveries().claimDue(retryAt.plusSeconds(3_600), retryAt.plusSeconds(4_000), LIMIT,
                LIMIT)).isEmpty();
    }

    @Test
    void an_unclaimed_or_failed_delivery_is_shown_as_it_stands() {
        Storage storage = emptyStorage();
        endpoint(storage);
        Order order = authorized(storage, announced(storage, NOW.minusSeconds(30)), NOW.minusSeconds(20));
        List<Event> events = storage.events().findByOrder(order.id());
        DueDelivery due = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT).get(0);

        storage.deliveries().record(due.id(), failedFor(REFUSED, NOW));

        assertThat(storage.deliveries().findByEvent(events.get(0).id())).singleElement().satisfies(delivery -> {
            assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(delivery.nextAttemptAt()).isEmpty();
            assertThat(delivery.attempts()).extracting(DeliveryAttempt::result).containsExactly(REFUSED);
        });
        assertThat(storage.deliveries().findByEvent(events.get(1).id())).singleElement().satisfies(delivery -> {
            assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(delivery.nextAttemptAt()).contains(events.get(1).createdAt());
            assertThat(delivery.attempts()).isEmpty();
        });
    }

    @Test
    void an_endpoints_run_of_failures_starts_with_its_first_failure_and_ends_with_a_success_or_a_change() {
        Storage storage = emptyStorage();
        WebhookEndpoint endpoint = endpoint(storage);
        for (int i = 0; i < 5; i++) {
            announced(storage, NOW.minusSeconds(60 - i));
        }
        List<WebhookDeliveryId> ids = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT).stream()
                .map(DueDelivery::id).toList();

        Recording first = storage.deliveries().record(ids.get(0), failedFor(DOWN, NOW.plusSeconds(1)));
        Recording second = storage.deliveries().record(ids.get(1), retryAt(NOW.plusSeconds(2), NOW.plusSeconds(60),
                NO_ANSWER));
        Recording success = storage.deliveries().record(ids.get(2), delivered(NOW.plusSeconds(3)));
        Recording afterSuccess = storage.deliveries().record(ids.get(3), failedFor(DOWN, NOW.plusSeconds(4)));
        WebhookEndpoint loaded = storage.endpoints().findById(endpoint.id()).orElseThrow();
        loaded.describe(Optional.of("fixed"));
        storage.endpoints().update(loaded);
        Recording afterChange = storage.deliveries().record(ids.get(4), failedFor(DOWN, NOW.plusSeconds(5)));

        assertThat(first).isEqualTo(new Recording.Recorded(Optional.of(NOW.plusSeconds(1))));
        assertThat(second).isEqualTo(new Recording.Recorded(Optional.of(NOW.plusSeconds(1))));
        assertThat(success).isEqualTo(new Recording.Recorded(Optional.empty()));
        assertThat(afterSuccess).isEqualTo(new Recording.Recorded(Optional.of(NOW.plusSeconds(4))));
        assertThat(afterChange).isEqualTo(new Recording.Recorded(Optional.of(NOW.plusSeconds(5))));
    }

    @Test
    void attempts_recorded_together_count_in_the_order_they_were_made_and_each_sees_the_run_they_leave() {
        Storage storage = emptyStorage();
        endpoint(storage);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(announced(storage, NOW.minusSeconds(60 - i)));
        }
        // Oldest due first: the i-th delivery is the i-th order's.
        List<WebhookDeliveryId> ids = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT).stream()
                .map(DueDelivery::id).toList();
        storage.deliveries().record(ids.get(0), delivered(NOW));
        Map<WebhookDeliveryId, AttemptRecord> failureSuccessFailure = new LinkedHashMap<>();
        failureSuccessFailure.put(ids.get(3), failedFor(DOWN, NOW.plusSeconds(3)));
        failureSuccessFailure.put(ids.get(1), retryAt(NOW.plusSeconds(1), NOW.plusSeconds(60), NO_ANSWER));
        failureSuccessFailure.put(ids.get(2), delivered(NOW.plusSeconds(2)));
        failureSuccessFailure.put(ids.get(0), delivered(NOW.plusSeconds(2)));
        Map<WebhookDeliveryId, AttemptRecord> failuresThenSuccess = new LinkedHashMap<>();
        failuresThenSuccess.put(ids.get(5), delivered(NOW.plusSeconds(6)));
        failuresThenSuccess.put(ids.get(4), failedFor(DOWN, NOW.plusSeconds(5)));

        Map<WebhookDeliveryId, Recording> first = storage.deliveries().record(failureSuccessFailure);
        Map<WebhookDeliveryId, Recording> second = storage.deliveries().record(failuresThenSuccess);

        // The success at +2 s ended the run the failure at +1 s began; the failure at +3 s began the next.
        Recording.Recorded runFromThird = new Recording.Recorded(Optional.of(NOW.plusSeconds(3)));
        assertThat(first).containsOnly(entry(ids.get(1), runFromThird), entry(ids.get(2), runFromThird),
                entry(ids.get(3), runFromThird), entry(ids.get(0), new Recording.NotPending()));
        assertThat(second).containsOnly(entry(ids.get(4), new Recording.Recorded(Optional.empty())),
                entry(ids.get(5), new Recording.Recorded(Optional.empty())));
        assertThat(storage.deliveries().findByEvent(eventOf(orders.get(1), storage).id()))
                .extracting(EventDelivery::state, delivery -> delivery.attempts().size())
                .containsExactly(tuple(DeliveryState.PENDING, 1));
        assertThat(storage.deliveries().findByEvent(eventOf(orders.get(4), storage).id()))
                .extracting(EventDelivery::state, delivery -> delivery.attempts().size())
                .containsExactly(tuple(DeliveryState.FAILED, 1));
    }

    @Test
    void a_deleted_endpoints_deliveries_go_with_it() {
        Storage storage = emptyStorage();
        WebhookEndpoint deleted = endpoint(storage);
        WebhookEndpoint kept = endpoint(storage);
        Order order = announced(storage, NOW.minusSeconds(30));
        Event event = storage.events().findByOrder(order.id()).get(0);

        storage.endpoints().delete(deleted.id());

        assertThat(storage.deliveries().findByEvent(event.id())).extracting(EventDelivery::endpointId)
                .containsExactly(Optional.of(kept.id()));
        assertThat(storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT))
                .extracting(DueDelivery::endpointId).containsExactly(kept.id());
    }

    @Test
    void a_redelivery_is_a_new_delivery_due_at_once_beside_the_earlier_ones() {
        Storage storage = emptyStorage();
        WebhookEndpoint endpoint = endpoint(storage);
        Order order = announced(storage, NOW.minusSeconds(30));
        Event event = storage.events().findByOrder(order.id()).get(0);
        DueDelivery original = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT).get(0);
        storage.deliveries().record(original.id(), failedFor(REFUSED, NOW));

        List<EventDelivery> made = storage.deliveries().redeliver(event.id(), List.of(endpoint.id()), false,
                NOW.plusSeconds(10), redeliveryOf(event.id()));

        assertThat(made).singleElement().satisfies(delivery -> {
            assertThat(delivery.id()).isNotEqualTo(original.id());
            assertThat(delivery.eventId()).isEqualTo(event.id());
            assertThat(delivery.endpointId()).contains(endpoint.id());
            assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(delivery.createdAt()).isEqualTo(NOW.plusSeconds(10));
            assertThat(delivery.nextAttemptAt()).contains(NOW.plusSeconds(10));
            assertThat(delivery.attempts()).isEmpty();
        });
        assertThat(storage.deliveries().findByEvent(event.id())).extracting(EventDelivery::id)
                .containsExactly(original.id(), made.get(0).id());
        assertThat(storage.deliveries().claimDue(NOW.plusSeconds(10), NOW.plus(CLAIM), LIMIT, LIMIT))
                .extracting(DueDelivery::id, DueDelivery::attemptsMade)
                .containsExactly(tuple(made.get(0).id(), 0));
    }

    @Test
    void an_event_that_went_nowhere_can_be_redelivered_to_an_endpoint_added_since() {
        Storage storage = emptyStorage();
        Order order = announced(storage, NOW.minusSeconds(30));
        Event event = storage.events().findByOrder(order.id()).get(0);
        WebhookEndpoint added = endpoint(storage);

        List<EventDelivery> made = storage.deliveries().redeliver(event.id(), List.of(added.id()), false, NOW,
                redeliveryOf(event.id()));

        assertThat(made).extracting(EventDelivery::endpointId).containsExactly(Optional.of(added.id()));
        assertThat(storage.deliveries().findByEvent(event.id())).hasSize(1);
    }

    @Test
    void events_are_found_by_how_the_latest_delivery_to_each_endpoint_stands() {
        Storage storage = emptyStorage();
        Event nowhere = eventOf(announced(storage, NOW.minusSeconds(60)), storage);
        WebhookEndpoint one = endpoint(storage);
        WebhookEndpoint two = endpoint(storage);
        Event delivered = eventOf(announced(storage, NOW.minusSeconds(50)), storage);
        Event mixed = eventOf(announced(storage, NOW.minusSeconds(40)), storage);
        Event pending = eventOf(announced(storage, NOW.minusSeconds(30)), storage);
        Event redelivered = eventOf(announced(storage, NOW.minusSeconds(20)), storage);
        for (DueDelivery due : storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT)) {
            Event event = due.event();
            if (event.equals(delivered) || event.equals(mixed) && due.endpointId().equals(one.id())) {
                storage.deliveries().record(due.id(), delivered(NOW.plusSeconds(1)));
            } else if (event.equals(pending)) {
                storage.deliveries().record(due.id(), retryAt(NOW.plusSeconds(1), NOW.plusSeconds(3_600)));
            } else {
                storage.deliveries().record(due.id(), failedFor(REFUSED, NOW.plusSeconds(1)));
            }
        }
        storage.deliveries().redeliver(redelivered.id(), List.of(one.id(), two.id()), false,
                NOW.plusSeconds(10), redeliveryOf(redelivered.id()));
        for (DueDelivery due : storage.deliveries().claimDue(NOW.plusSeconds(10), NOW.plus(CLAIM), LIMIT, LIMIT)) {
            assertThat(due.event()).isEqualTo(redelivered);
            storage.deliveries().record(due.id(), delivered(NOW.plusSeconds(11)));
        }

        assertThat(withDelivery(storage, DeliveryStanding.DELIVERED)).containsExactly(redelivered, delivered);
        assertThat(withDelivery(storage, DeliveryStanding.FAILED)).containsExactly(mixed);
        assertThat(withDelivery(storage, DeliveryStanding.PENDING)).containsExactly(pending);
        assertThat(storage.events().findNewestFirst(EventFilter.NONE, Optional.empty(), 10)).contains(nowhere);
    }

    @Test
    void an_orders_callback_url_gets_every_event_of_that_order_only_and_is_no_endpoint() {
        Storage storage = emptyStorage();
        WebhookEndpoint endpoint = endpoint(storage);
        Order withCallback = announced(storage, NOW.minusSeconds(30), Optional.of(CALLBACK));
        authorized(storage, withCallback, NOW.minusSeconds(20));
        Order without = announced(storage, NOW.minusSeconds(10));

        List<DueDelivery> claimed = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT);

        assertThat(claimed).filteredOn(due -> due.callbackUrl().isPresent())
                .extracting(due -> due.event().orderId(), due -> due.event().sequence(), DueDelivery::callbackUrl)
                .as("the first event now; the second waits for it, as to an endpoint")
                .containsExactly(tuple(withCallback.id(), 1L, Optional.of(CALLBACK)));
        assertThat(claimed).filteredOn(due -> due.callbackUrl().isEmpty()).extracting(DueDelivery::endpointId)
                .containsOnly(endpoint.id()).hasSize(2);
        DueDelivery toCallback = claimed.stream().filter(due -> due.callbackUrl().isPresent()).findFirst()
                .orElseThrow();
        assertThat(storage.deliveries().record(toCallback.id(), delivered(NOW.plusSeconds(1))))
                .isInstanceOf(Recording.Recorded.class);
        assertThat(storage.deliveries().claimDue(NOW.plusSeconds(2), NOW.plus(CLAIM), LIMIT, LIMIT))
                .filteredOn(due -> due.callbackUrl().isPresent())
                .extracting(due -> due.event().sequence()).containsExactly(2L);
        assertThat(storage.deliveries().findByEvent(eventOf(withCallback, storage).id()))
                .extracting(EventDelivery::endpointId, EventDelivery::callbackUrl, EventDelivery::state)
                .containsExactlyInAnyOrder(tuple(Optional.of(endpoint.id()), Optional.empty(), DeliveryState.PENDING),
                        tuple(Optional.empty(), Optional.of(CALLBACK), DeliveryState.DELIVERED));
        assertThat(storage.deliveries().findByEvent(eventOf(without, storage).id()))
                .extracting(EventDelivery::endpointId).containsExactly(Optional.of(endpoint.id()));
        // Not an endpoint: not listed, not found, not counted against the limit, not one events are sent to by type.
        assertThat(storage.endpoints().findAll()).extracting(WebhookEndpoint::id).containsExactly(endpoint.id());
        assertThat(storage.endpoints().findEnabledSubscribedTo(EventType.ORDER_CREATED))
                .extracting(WebhookEndpoint::id).containsExactly(endpoint.id());
        assertThat(storage.endpoints().findById(toCallback.endpointId())).isEmpty();
        assertThat(storage.endpoints().disable(toCallback.endpointId(), "no", NOW)).isFalse();
        assertThat(storage.endpoints().delete(toCallback.endpointId())).isFalse();
        assertThat(storage.endpoints().addWithinLimit(anEndpoint().build(), 2)).isTrue();
    }

    @Test
    void an_event_is_redelivered_to_its_orders_callback_url_only_when_asked_to() {
        Storage storage = emptyStorage();
        WebhookEndpoint endpoint = endpoint(storage);
        Order order = announced(storage, NOW.minusSeconds(30), Optional.of(CALLBACK));
        Event event = eventOf(order, storage);
        Event elsewhere = eventOf(announced(storage, NOW.minusSeconds(20)), storage);
        DueDelivery original = storage.deliveries().claimDue(NOW, NOW.plus(CLAIM), LIMIT, LIMIT).stream()
                .filter(due -> due.callbackUrl().isPresent()).findFirst().orElseThrow();
        storage.deliveries().record(original.id(), failedFor(REFUSED, NOW));

        List<EventDelivery> toEndpointOnly = storage.deliveries().redeliver(event.id(), List.of(endpoint.id()), false,
                NOW.plusSeconds(10), redeliveryOf(event.id()));
        List<EventDelivery> toBoth = storage.deliveries().redeliver(event.id(), List.of(endpoint.id()), true,
                NOW.plusSeconds(20), redeliveryOf(event.id()));
        List<EventDelivery> noCallback = storage.deliveries().redeliver(elsewhere.id(), List.of(), true,
                NOW.plusSeconds(20), redeliveryOf(elsewhere.id()));

        assertThat(toEndpointOnly).extracting(EventDelivery::callbackUrl).containsExactly(Optional.empty());
        assertThat(toBoth).extracting(EventDelivery::endpointId, EventDelivery::callbackUrl, EventDelivery::state)
                .containsExactly(tuple(Optional.of(endpoint.id()), Optional.empty(), DeliveryState.PENDING),
                        tuple(Optional.empty(), Optional.of(CALLBACK), DeliveryState.PENDING));
        assertThat(noCallback).isEmpty();
        assertThat(withDelivery(storage, DeliveryStanding.FAILED)).as("the failed one was superseded").isEmpty();
        assertThat(storage.deliveries().claimDue(NOW.plusSeconds(20), NOW.plus(CLAIM), LIMIT, LIMIT))
                .filteredOn(due -> due.callbackUrl().isPresent())
                .extracting(DueDelivery::id).containsExactly(toBoth.get(1).id());
    }

    private static List<Event> withDelivery(Storage storage, DeliveryStanding standing) {
        return storage.events().findNewestFirst(new EventFilter(Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(standing)), Optional.empty(), 10);
    }

    private static Event eventOf(Order order, Storage storage) {
        return storage.events().findByOrder(order.id()).get(0);
    }

    /** An endpoint added to the storage, receiving every event type; also a fixture of the EventLog contract. */
    public static WebhookEndpoint endpoint(Storage storage) {
        WebhookEndpoint endpoint = anEndpoint().build();
        storage.endpoints().addWithinLimit(endpoint, LIMIT);
        return storage.endpoints().findById(endpoint.id()).orElseThrow();
    }

    /** A new order given its checkout at {@code at}: its first event, order.created. */
    public static Order announced(Storage storage, Instant at) {
        return announced(storage, at, Optional.empty());
    }

    private static Order announced(Storage storage, Instant at, Optional<CallbackUrl> callbackUrl) {
        TestOrders newOrder = TestOrders.anOrder().createdAt(at);
        callbackUrl.ifPresent(url -> newOrder.withCallbackUrl(url.toString()));
        Order order = newOrder.build();
        storage.orders().add(order, NOT_HELD);
        Order loaded = storage.orders().findById(order.id()).orElseThrow();
        loaded.attachSession(TestOrders.sessionFor("S-" + order.id()));
        return storage.orders().update(loaded, TestEvents.of(loaded, at));
    }

    /** The order authorized at {@code at}: its next event. */
    public static Order authorized(Storage storage, Order order, Instant at) {
        Order loaded = storage.orders().findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
        return storage.orders().update(loaded, TestEvents.of(loaded, at));
    }

    public static AttemptRecord delivered(Instant at) {
        return new AttemptRecord(at, LATENCY, OK, DeliveryState.DELIVERED, Optional.empty());
    }

    public static AttemptRecord retryAt(Instant at, Instant next) {
        return retryAt(at, next, DOWN);
    }

    private static AttemptRecord retryAt(Instant at, Instant next, AttemptResult result) {
        return new AttemptRecord(at, LATENCY, result, DeliveryState.PENDING, Optional.of(next));
    }

    private static AttemptRecord failedFor(AttemptResult result, Instant at) {
        return new AttemptRecord(at, LATENCY, result, DeliveryState.FAILED, Optional.empty());
    }

    /** The audit entry a redelivery of the event is stored with. */
    public static AuditEntry redeliveryOf(EventId eventId) {
        return AuditEntry.of(TestActors.CLIENT, AuditAction.EVENT_REDELIVERED, eventId, NOW);
    }
}
