package dev.orderpay.domain.audit;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.audit.AuditAction.TargetType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log: who asked for a sensitive action, when, on what, and for how much when it moves money.
 * It holds ids and amounts only: no secret, no personal data.
 *
 * @param targetId the id of the order, webhook endpoint, event or API key acted on
 * @param amount   the amount asked for by a capture or refund; empty for every other action
 */
public record AuditEntry(AuditEntryId id, Instant occurredAt, Actor actor, AuditAction action, String targetId,
                         Optional<Money> amount) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(amount, "amount");
        if (targetId.isBlank()) {
            throw new IllegalArgumentException("an audit entry names its target");
        }
    }

    /** A new entry for an action that moves no money. */
    public static AuditEntry of(Actor actor, AuditAction action, Object targetId, Instant at) {
        return new AuditEntry(AuditEntryId.newId(), inMicros(at), actor, action, targetId.toString(),
                Optional.empty());
    }

    /** A new entry for an action that moves {@code amount}. */
    public static AuditEntry of(Actor actor, AuditAction action, Object targetId, Money amount, Instant at) {
        return new AuditEntry(AuditEntryId.newId(), inMicros(at), actor, action, targetId.toString(),
                Optional.of(amount));
    }

    /** In microseconds, as the database keeps instants, so a new entry equals the one read back later. */
    private static Instant inMicros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public TargetType targetType() {
        return action.targetType();
    }
}
