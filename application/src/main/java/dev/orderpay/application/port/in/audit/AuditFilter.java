package dev.orderpay.application.port.in.audit;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.audit.AuditAction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit entries a listing shows; every part is optional and they all apply together.
 *
 * @param actor        entries of this client (a managed key's id, or an environment key's client id)
 * @param targetId     entries about this order, endpoint, event or key
 * @param occurredFrom at or after
 * @param occurredTo   before
 */
public record AuditFilter(Optional<AuditAction> action, Optional<String> actor, Optional<String> targetId,
                          Optional<Instant> occurredFrom, Optional<Instant> occurredTo) {

    public static final AuditFilter NONE = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public AuditFilter {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(occurredFrom, "occurredFrom");
        Objects.requireNonNull(occurredTo, "occurredTo");
        if (occurredFrom.isPresent() && occurredTo.isPresent() && !occurredFrom.get().isBefore(occurredTo.get())) {
            throw InvalidCommandException.of("created_to", "must be later than created_from");
        }
    }
}
