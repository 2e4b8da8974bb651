package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.StatusChange;

import java.util.Optional;

/** Flattens a status change into its history row and back; statuses and source are stored by their enum names. */
final class StatusChangeRowMapper {

    private StatusChangeRowMapper() {
    }

    /** A row not yet inserted: the database gives its id. */
    static StatusChangeRow toRow(StatusChange change) {
        Provenance provenance = change.provenance();
        return new StatusChangeRow(
                null,
                change.orderId().value(),
                change.from().name(),
                change.to().name(),
                provenance.source().name(),
                provenance.providerReference().orElse(null),
                provenance.at());
    }

    static StatusChange toChange(StatusChangeRow row) {
        return new StatusChange(
                new OrderId(row.orderId()),
                OrderStatus.valueOf(row.fromStatus()),
                OrderStatus.valueOf(row.toStatus()),
                new Provenance(
                        ChangeSource.valueOf(row.source()),
                        Optional.ofNullable(row.providerReference()),
                        row.occurredAt()));
    }
}
