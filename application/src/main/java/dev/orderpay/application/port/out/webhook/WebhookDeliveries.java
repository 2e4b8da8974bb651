package dev.orderpay.application.port.out.webhook;

import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Webhook deliveries: one per event and endpoint, made with the event itself, in the same transaction, by
 * {@link dev.orderpay.application.port.out.OrderRepository#update} (to every endpoint enabled and subscribed to the
 * event's type at that moment, and to the callback URL of the event's order when it has one), plus those a
 * merchant's redelivery adds. A delivery to an order's callback URL is claimed, recorded and read like one to an
 * endpoint; {@link DueDelivery#callbackUrl()} and {@link EventDelivery#callbackUrl()} tell it apart. Each call is
 * atomic on its own and never held open across a webhook call. A deleted endpoint's deliveries go with it.
 */
public interface WebhookDeliveries {

    /**
     * Claims up to {@code limit} deliveries that are pending, due by {@code now}, unclaimed (or whose claim ran out)
     * and to an enabled endpoint; each stays claimed until {@code claimedUntil}. At most {@code perEndpoint}
     * deliveries to one endpoint are claimed at a time, counting those still claimed from before. A delivery is never
     * claimed while an earlier event of its order (a lower sequence) has a pending delivery to the same endpoint, so
     * each endpoint gets an order's events in sequence. Oldest due first. Concurrent callers (other instances) never
     * get the same delivery.
     */
    List<DueDelivery> claimDue(Instant now, Instant claimedUntil, int limit, int perEndpoint);

    /**
     * Ends the claims {@link #claimDue} gave until {@code claimedUntil} on these deliveries, so that any caller may
     * claim them at once: a stopping instance lets go of the deliveries whose calls it will not finish. A delivery
     * claimed again since by someone else (ours ran out), or recorded meanwhile, is left as it is.
     *
     * @return how many claims were ended
     */
    int releaseClaims(Collection<WebhookDeliveryId> deliveries, Instant claimedUntil);

    /**
     * Records attempts, each with its delivery's new state, and releases their claims, all in one step; keeps each
     * endpoint's run of failures: a failed attempt starts one unless one is running, a success ends it, and a change
     * to the endpoint (such as enabling it again) starts the count anew. Attempts recorded together count in the
     * order they were made.
     *
     * @return what came of each attempt, by delivery; an attempt's endpoint run is as it stands after all of them
     */
    Map<WebhookDeliveryId, Recording> record(Map<WebhookDeliveryId, AttemptRecord> attempts);

    /** Records one attempt, as {@link #record(Map)} does. */
    default Recording record(WebhookDeliveryId id, AttemptRecord attempt) {
        return record(Map.of(id, attempt)).get(id);
    }

    /** The event's deliveries with their attempts, oldest first. */
    List<EventDelivery> findByEvent(EventId eventId);

    /**
     * New deliveries of the event to these endpoints, and with {@code toOrderCallback} to the callback URL of the
     * event's order (when it has one), pending and due at {@code now}; each becomes its destination's latest delivery
     * of the event (the one the events API judges it by). The audit entry of the request that asked is stored with
     * them, in one transaction, even when there is nowhere to deliver to.
     *
     * @return the deliveries made, in the order of {@code endpoints}, then the callback's; none if the event is gone
     */
    List<EventDelivery> redeliver(EventId eventId, List<WebhookEndpointId> endpoints, boolean toOrderCallback,
                                  Instant now, AuditEntry audit);

    /** How many deliveries are pending (due or waiting for a retry): the delivery backlog. */
    long countPending();
}
