package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.event.DeliveryStanding;
import dev.orderpay.application.port.in.event.EventCursor;
import dev.orderpay.application.port.in.event.EventFilter;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.DeliveryState;
import io.micronaut.data.model.jpa.criteria.PersistentEntityCriteriaBuilder;
import io.micronaut.data.model.jpa.criteria.PersistentEntityCriteriaQuery;
import io.micronaut.data.repository.jpa.criteria.CriteriaQueryBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The filtered event listing as a criteria query: only the filters given become conditions, all values bound. */
final class EventCriteria {

    private EventCriteria() {
    }

    /** Up to {@code limit} rows passing the filter, newest first (ties by id), strictly after the cursor if given. */
    static CriteriaQueryBuilder<EventRow> newestFirst(EventFilter filter, Optional<EventCursor> after, int limit) {
        return builder -> {
            PersistentEntityCriteriaQuery<EventRow> query =
                    ((PersistentEntityCriteriaBuilder) builder).createQuery(EventRow.class);
            Root<EventRow> event = query.from(EventRow.class);
            Path<Instant> createdAt = event.get("createdAt");
            List<Predicate> conditions = new ArrayList<>();
            if (!filter.types().isEmpty()) {
                conditions.add(event.get("type").in(filter.types().stream().map(EventType::wireName).toList()));
            }
            filter.orderId().ifPresent(orderId -> conditions.add(builder.equal(event.get("orderId"), orderId.value())));
            filter.createdFrom().ifPresent(from -> conditions.add(builder.greaterThanOrEqualTo(createdAt, from)));
            filter.createdTo().ifPresent(to -> conditions.add(builder.lessThan(createdAt, to)));
            filter.delivery().ifPresent(standing ->
                    conditions.add(standing(standing, (PersistentEntityCriteriaBuilder) builder, query, event)));
            after.ifPresent(cursor -> {
                // (created_at, id) < (cursor); the leading bound starts the index walk at the cursor (OrderCriteria).
                Path<UUID> id = event.get("id");
                conditions.add(builder.and(builder.lessThanOrEqualTo(createdAt, cursor.createdAt()),
                        builder.or(builder.lessThan(createdAt, cursor.createdAt()),
                                builder.lessThan(id, cursor.id().value()))));
            });
            return query.select(event)
                    .where(conditions.toArray(Predicate[]::new))
                    .orderBy(builder.desc(createdAt), builder.desc(event.get("id")))
                    .limit(limit);
        };
    }

    /**
     * An event's standing, judged by the latest delivery to each endpoint (the one not superseded by a redelivery):
     * some failed, some pending, or all delivered (and at least one). Micronaut Data's criteria cannot correlate a
     * subquery with the outer row, so each test is an IN over the deliveries in question; PostgreSQL runs it as a
     * semi-join.
     */
    private static Predicate standing(DeliveryStanding standing, PersistentEntityCriteriaBuilder builder,
                                      PersistentEntityCriteriaQuery<EventRow> query, Root<EventRow> event) {
        Path<UUID> id = event.get("id");
        if (standing == DeliveryStanding.DELIVERED) {
            return builder.and(id.in(eventsWithLatestDeliveries(builder, query, null, false)),
                    builder.not(id.in(eventsWithLatestDeliveries(builder, query, DeliveryState.DELIVERED, true))));
        }
        DeliveryState state = standing == DeliveryStanding.FAILED ? DeliveryState.FAILED : DeliveryState.PENDING;
        return id.in(eventsWithLatestDeliveries(builder, query, state, false));
    }

    /**
     * The events with a latest delivery (any when {@code state} is null, else one in {@code state}, or with
     * {@code otherThan} in any other state).
     */
    private static Subquery<UUID> eventsWithLatestDeliveries(PersistentEntityCriteriaBuilder builder,
                                                             PersistentEntityCriteriaQuery<EventRow> query,
                                                             DeliveryState state, boolean otherThan) {
        Subquery<UUID> events = query.subquery(UUID.class);
        Root<WebhookDeliveryRow> delivery = events.from(WebhookDeliveryRow.class);
        List<Predicate> conditions = new ArrayList<>();
        conditions.add(builder.isFalse(delivery.get("superseded")));
        if (state != null) {
            conditions.add(otherThan ? builder.notEqual(delivery.get("state"), state.name())
                    : builder.equal(delivery.get("state"), state.name()));
        }
        return events.select(delivery.get("eventId")).where(conditions.toArray(Predicate[]::new));
    }
}
