package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.event.EventCursor;
import dev.orderpay.application.port.in.event.EventFilter;
import dev.orderpay.domain.event.EventType;
import io.micronaut.data.model.jpa.criteria.PersistentEntityCriteriaBuilder;
import io.micronaut.data.model.jpa.criteria.PersistentEntityCriteriaQuery;
import io.micronaut.data.repository.jpa.criteria.CriteriaQueryBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

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
}
