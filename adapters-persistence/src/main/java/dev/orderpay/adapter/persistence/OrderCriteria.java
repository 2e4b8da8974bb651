package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import io.micronaut.data.model.jpa.criteria.PersistentEntityCriteriaBuilder;
import io.micronaut.data.model.jpa.criteria.PersistentEntityCriteriaQuery;
import io.micronaut.data.model.jpa.criteria.impl.AbstractCriteriaBuilder;
import io.micronaut.data.repository.jpa.criteria.CriteriaQueryBuilder;
import dev.orderpay.domain.contents.Metadata;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The filtered listing as a criteria query. Only the filters that are given become conditions, so each combination
 * is its own small statement that PostgreSQL plans with the index that fits it; values are always bound, never
 * written into the SQL. (A single statement with "(? IS NULL OR currency = ?)" for every filter was the
 * alternative: once the driver prepares it on the server, PostgreSQL may switch to one generic plan for all
 * combinations, and that plan cannot use the filter indexes.)
 */
final class OrderCriteria {

    private OrderCriteria() {
    }

    /** Up to {@code limit} rows passing the filter, newest first (ties by id), strictly after the cursor if given. */
    static CriteriaQueryBuilder<OrderRow> newestFirst(OrderFilter filter, Optional<OrderCursor> after, int limit) {
        return builder -> {
            PersistentEntityCriteriaQuery<OrderRow> query =
                    ((PersistentEntityCriteriaBuilder) builder).createQuery(OrderRow.class);
            Root<OrderRow> order = query.from(OrderRow.class);
            List<Predicate> conditions = new ArrayList<>();
            if (!filter.statuses().isEmpty()) {
                conditions.add(order.get("status").in(filter.statuses().stream().map(Enum::name).toList()));
            }
            filter.currency().ifPresent(currency -> conditions.add(hasCurrency(builder, order, currency)));
            conditions.addAll(createdIn(builder, order, filter.createdFrom(), filter.createdTo()));
            filter.receipt().ifPresent(receipt -> conditions.add(builder.equal(order.get("receipt"), receipt.value())));
            filter.customerEmail().ifPresent(email ->
                    conditions.add(builder.equal(order.get("customerEmail"), email.value())));
            conditions.addAll(hasMetadata(builder, order, filter.metadata()));
            after.ifPresent(cursor -> conditions.add(isAfter(builder, order, cursor)));
            return query.select(order)
                    .where(conditions.toArray(Predicate[]::new))
                    .orderBy(builder.desc(order.get("createdAt")), builder.desc(order.get("id")))
                    // A LIMIT in the statement itself: no count query, and the index walk stops at the page's end.
                    .limit(limit);
        };
    }

    private static Predicate hasCurrency(CriteriaBuilder builder, Root<OrderRow> order, Currency currency) {
        return builder.equal(order.get("currency"), currency.getCurrencyCode());
    }

    /**
     * jsonb_extract_path_text(metadata, key) = value for each pair, key and value both bound (a parameter with its
     * value, since criteria would write a literal into the SQL). No index serves it: the newest-first walk checks
     * each order it passes (docs/benchmarks.md).
     */
    private static List<Predicate> hasMetadata(CriteriaBuilder builder, Root<OrderRow> order, Metadata metadata) {
        List<Predicate> conditions = new ArrayList<>();
        // Only Micronaut's own builder makes a parameter that carries its value; JPA's leaves binding to a query.
        AbstractCriteriaBuilder parameters = (AbstractCriteriaBuilder) builder;
        int index = 0;
        for (Map.Entry<String, String> pair : metadata.values().entrySet()) {
            Expression<String> value = builder.function("jsonb_extract_path_text", String.class,
                    order.get("metadata"), parameters.parameter(String.class, "metadataKey" + index++, pair.getKey()));
            conditions.add(builder.equal(value, pair.getValue()));
        }
        return conditions;
    }

    /** From inclusive, to exclusive; either may be open. */
    private static List<Predicate> createdIn(CriteriaBuilder builder, Root<OrderRow> order, Optional<Instant> from,
                                             Optional<Instant> to) {
        Path<Instant> createdAt = order.get("createdAt");
        List<Predicate> conditions = new ArrayList<>();
        from.ifPresent(start -> conditions.add(builder.greaterThanOrEqualTo(createdAt, start)));
        to.ifPresent(end -> conditions.add(builder.lessThan(createdAt, end)));
        return conditions;
    }

    /**
     * (created_at, id) < (cursor), which criteria cannot say as a row comparison. The leading created_at <= bound
     * is implied by the rest; it is there so that PostgreSQL starts the index walk at the cursor instead of at the
     * newest order.
     */
    private static Predicate isAfter(CriteriaBuilder builder, Root<OrderRow> order, OrderCursor cursor) {
        Path<Instant> createdAt = order.get("createdAt");
        Path<UUID> id = order.get("id");
        return builder.and(
                builder.lessThanOrEqualTo(createdAt, cursor.createdAt()),
                builder.or(builder.lessThan(createdAt, cursor.createdAt()), builder.lessThan(id, cursor.id().value())));
    }
}
