package dev.orderpay.domain.audit;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditEntryTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Actor ACTOR = new Actor("key-1a2b3c4d", "request-1");

    @Test
    void given_a_capture_when_recorded_then_the_entry_names_the_order_and_the_amount() {
        AuditEntry entry = AuditEntry.of(ACTOR, AuditAction.PAYMENT_CAPTURE_REQUESTED, "order-1",
                Money.of(500, "NOK"), NOW);

        assertThat(entry.targetType()).isEqualTo(AuditAction.TargetType.ORDER);
        assertThat(entry.targetId()).isEqualTo("order-1");
        assertThat(entry.amount()).contains(Money.of(500, "NOK"));
        assertThat(entry.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void given_an_action_that_moves_no_money_when_recorded_then_the_entry_has_no_amount() {
        AuditEntry entry = AuditEntry.of(ACTOR, AuditAction.API_KEY_REVOKED, "key-id", NOW);

        assertThat(entry.targetType()).isEqualTo(AuditAction.TargetType.API_KEY);
        assertThat(entry.amount()).isEmpty();
    }

    @Test
    void given_an_instant_with_nanoseconds_when_recorded_then_it_is_kept_in_microseconds_as_the_database_keeps_it() {
        AuditEntry entry = AuditEntry.of(ACTOR, AuditAction.EVENT_REDELIVERED, "event-1", NOW.plusNanos(123_456_789));

        assertThat(entry.occurredAt()).isEqualTo(NOW.plusNanos(123_456_000));
    }

    @Test
    void given_a_blank_name_or_a_too_long_request_id_when_an_actor_is_made_then_it_is_refused() {
        assertThatThrownBy(() -> new Actor(" ", "request-1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Actor("client", "r".repeat(Actor.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void given_every_action_when_looked_up_by_its_wire_name_then_it_is_found() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(AuditAction.fromWireName(action.wireName())).contains(action);
        }
        assertThat(AuditAction.fromWireName("payment.captured")).isEmpty();
    }
}
