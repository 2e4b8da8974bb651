package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.audit.AuditCursor;
import dev.orderpay.application.port.in.audit.AuditFilter;
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

/** The filtered audit log listing as a criteria query: only the filters given become conditions, all values bound. */
final class AuditCriteria {

    private AuditCriteria() {
    }

    /** Up to {@code limit} rows passing the filter, newest first (ties by id), strictly after the cursor if given. */
    static CriteriaQueryBuilder<AuditRow> newestFirst(AuditFilter filter, Optional<AuditCursor> after, int limit) {
        return builder -> {
            PersistentEntityCriteriaQuery<AuditRow> query =
                    ((PersistentEntityCriteriaBuilder) builder).createQuery(AuditRow.class);
            Root<AuditRow> entry = query.from(AuditRow.class);
            Path<Instant> occurredAt = entry.get("occurredAt");
            List<Predicate> conditions = new ArrayList<>();
            filter.action().ifPresent(action -> conditions.add(builder.equal(entry.get("action"), action.wireName())));
            filter.actor().ifPresent(actor -> conditions.add(builder.equal(entry.get("actor"), actor)));
            filter.targetId().ifPresent(target -> conditions.add(builder.equal(entry.get("targetId"), target)));
            filter.occurredFrom().ifPresent(from -> conditions.add(builder.greaterThanOrEqualTo(occurredAt, from)));
            filter.occurredTo().ifPresent(to -> conditions.add(builder.lessThan(occurredAt, to)));
            after.ifPresent(cursor -> {
                // (occurred_at, id) < (cursor); the leading bound starts the index walk at the cursor (OrderCriteria).
                Path<UUID> id = entry.get("id");
                conditions.add(builder.and(builder.lessThanOrEqualTo(occurredAt, cursor.occurredAt()),
                        builder.or(builder.lessThan(occurredAt, cursor.occurredAt()),
                                builder.lessThan(id, cursor.id().value()))));
            });
            return query.select(entry)
                    .where(conditions.toArray(Predicate[]::new))
                    .orderBy(builder.desc(occurredAt), builder.desc(entry.get("id")))
                    .limit(limit);
        };
    }
}
