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
    void givenACapture_whenRecorded_thenTheEntryNamesTheOrderAndTheAmount() {
        AuditEntry entry = AuditEntry.of(ACTOR, AuditAction.PAYMENT_CAPTURE_REQUESTED, "order-1",
                Money.of(500, "NOK"), NOW);

        assertThat(entry.targetType()).isEqualTo(AuditAction.TargetType.ORDER);
        assertThat(entry.targetId()).isEqualTo("order-1");
        assertThat(entry.amount()).contains(Money.of(500, "NOK"));
        assertThat(entry.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void givenAnActionThatMovesNoMoney_whenRecorded_thenTheEntryHasNoAmount() {
        AuditEntry entry = AuditEntry.of(ACTOR, AuditAction.API_KEY_REVOKED, "key-id", NOW);

        assertThat(entry.targetType()).isEqualTo(AuditAction.TargetType.API_KEY);
        assertThat(entry.amount()).isEmpty();
    }

    @Test
    void givenABlankNameOrATooLongRequestId_whenAnActorIsMade_thenItIsRefused() {
        assertThatThrownBy(() -> new Actor(" ", "request-1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Actor("client", "r".repeat(Actor.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenEveryAction_whenLookedUpByItsWireName_thenItIsFound() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(AuditAction.fromWireName(action.wireName())).contains(action);
        }
        assertThat(AuditAction.fromWireName("payment.captured")).isEmpty();
    }
}
