package dev.orderpay.application.port.out.event;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.Storage;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.announced;
import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.authorized;
import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.delivered;
import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.endpoint;
import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.retryAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link EventLog} must do when events are forgotten after their retention. Events come with the order
 * changes they report and go with their deliveries, so each implementation's test supplies the whole storage,
 * empty. (Reading events back is part of {@code OrderRepositoryContract} and {@code WebhookDeliveriesContract}.)
 */
public abstract class EventLogContract {

    private static final Instant CUTOFF = Instant.parse("2026-03-08T14:00:00Z");
    private static final Instant OLD = CUTOFF.minus(Duration.ofDays(1));
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int LIMIT = 16;

    protected abstract Storage emptyStorage();

    @Test
    void an_old_event_whose_deliveries_are_done_is_forgotten_with_them_and_their_attempts() {
        Storage storage = emptyStorage();
        endpoint(storage);
        Event event = firstEventOf(storage, announced(storage, OLD));
        deliverEverythingDue(storage, OLD.plusSeconds(1));

        int forgotten = storage.events().forgetBefore(CUTOFF, LIMIT);

        assertThat(forgotten).isEqualTo(1);
        assertThat(storage.events().findById(event.id())).isEmpty();
        assertThat(storage.events().findByOrder(event.orderId())).isEmpty();
        assertThat(storage.deliveries().findByEvent(event.id())).isEmpty();
    }

    @Test
    void an_old_event_that_went_to_no_endpoint_is_forgotten() {
        Storage storage = emptyStorage();
        Event event = firstEventOf(storage, announced(storage, OLD));

        assertThat(storage.events().forgetBefore(CUTOFF, LIMIT)).isEqualTo(1);
        assertThat(storage.events().findById(event.id())).isEmpty();
    }

    @Test
    void an_old_event_with_a_delivery_still_pending_to_one_endpoint_is_kept_with_all_its_deliveries() {
        Storage storage = emptyStorage();
        WebhookEndpoint working = endpoint(storage);
        endpoint(storage);
        Event event = firstEventOf(storage, announced(storage, OLD));
        for (DueDelivery due : storage.deliveries().claimDue(OLD.plusSeconds(1), OLD.plus(CLAIM), LIMIT, LIMIT)) {
            storage.deliveries().record(due.id(), due.endpointId().equals(working.id())
                    ? delivered(OLD.plusSeconds(1))
                    : retryAt(OLD.plusSeconds(1), CUTOFF.plus(Duration.ofHours(1))));
        }

        int forgotten = storage.events().forgetBefore(CUTOFF, LIMIT);

        assertThat(forgotten).isZero();
        assertThat(storage.events().findById(event.id())).contains(event);
        assertThat(storage.deliveries().findByEvent(event.id())).hasSize(2);
    }

    @Test
    void an_event_from_the_cutoff_on_is_kept_however_it_was_delivered() {
        Storage storage = emptyStorage();
        Order order = announced(storage, CUTOFF.minusSeconds(1));
        authorized(storage, order, CUTOFF);
        List<Event> events = storage.events().findByOrder(order.id());

        int forgotten = storage.events().forgetBefore(CUTOFF, LIMIT);

        assertThat(forgotten).isEqualTo(1);
        assertThat(storage.events().findByOrder(order.id())).containsExactly(events.get(1));
    }

    @Test
    void no_more_than_the_limit_is_forgotten_at_once_oldest_first() {
        Storage storage = emptyStorage();
        Event second = firstEventOf(storage, announced(storage, OLD.plusSeconds(2)));
        Event first = firstEventOf(storage, announced(storage, OLD.plusSeconds(1)));
        Event third = firstEventOf(storage, announced(storage, OLD.plusSeconds(3)));

        int firstBatch = storage.events().forgetBefore(CUTOFF, 2);

        assertThat(firstBatch).isEqualTo(2);
        assertThat(storage.events().findById(first.id())).isEmpty();
        assertThat(storage.events().findById(second.id())).isEmpty();
        assertThat(storage.events().findById(third.id())).contains(third);
        assertThat(storage.events().forgetBefore(CUTOFF, 2)).isEqualTo(1);
        assertThat(storage.events().forgetBefore(CUTOFF, 2)).isZero();
    }

    private static Event firstEventOf(Storage storage, Order order) {
        return storage.events().findByOrder(order.id()).get(0);
    }

    private static void deliverEverythingDue(Storage storage, Instant at) {
        for (DueDelivery due : storage.deliveries().claimDue(at, at.plus(CLAIM), LIMIT, LIMIT)) {
            storage.deliveries().record(due.id(), delivered(at));
        }
    }
}
