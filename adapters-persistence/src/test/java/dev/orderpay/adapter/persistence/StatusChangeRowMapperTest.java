package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Provenance;
import dev.orderpay.domain.StatusChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StatusChangeRowMapperTest {

    private static final OrderId ORDER = OrderId.newId();
    private static final Instant AT = Instant.parse("2026-03-09T08:00:00.123456Z");

    @Test
    void given_a_referenced_change_when_flattened_then_every_column_holds_its_plain_value() {
        StatusChange change = new StatusChange(ORDER, OrderStatus.PENDING, OrderStatus.AUTHORIZED,
                Provenance.of(ChangeSource.CALLBACK, "payment-1", AT));

        StatusChangeRow row = StatusChangeRowMapper.toRow(change);

        assertThat(row.id()).as("given by the database").isNull();
        assertThat(row.orderId()).isEqualTo(ORDER.value());
        assertThat(row.fromStatus()).isEqualTo("PENDING");
        assertThat(row.toStatus()).isEqualTo("AUTHORIZED");
        assertThat(row.source()).isEqualTo("CALLBACK");
        assertThat(row.providerReference()).isEqualTo("payment-1");
        assertThat(row.occurredAt()).isEqualTo(AT);
    }

    @Test
    void given_a_change_without_a_reference_when_flattened_then_the_reference_column_is_empty() {
        StatusChange change = new StatusChange(ORDER, OrderStatus.PENDING, OrderStatus.EXPIRED,
                Provenance.unreferenced(ChangeSource.RECONCILIATION, AT));

        assertThat(StatusChangeRowMapper.toRow(change).providerReference()).isNull();
    }

    @Test
    void given_a_stored_row_when_read_back_then_it_is_the_same_change() {
        StatusChangeRow stored = new StatusChangeRow(42L, ORDER.value(), "ON_HOLD", "CAPTURED", "REDIRECT",
                "payment-2", AT);

        assertThat(StatusChangeRowMapper.toChange(stored)).isEqualTo(new StatusChange(ORDER, OrderStatus.ON_HOLD,
                OrderStatus.CAPTURED, Provenance.of(ChangeSource.REDIRECT, "payment-2", AT)));
    }

    @Test
    void given_a_row_without_a_reference_when_read_back_then_the_provenance_has_none() {
        StatusChangeRow stored = new StatusChangeRow(42L, ORDER.value(), "PENDING", "CANCELLED", "API", null, AT);

        assertThat(StatusChangeRowMapper.toChange(stored).provenance().providerReference()).isEmpty();
    }
}
