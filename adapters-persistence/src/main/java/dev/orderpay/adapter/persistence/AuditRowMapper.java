package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.audit.AuditEntryId;

import java.util.Currency;
import java.util.Optional;

/** Between an audit entry and its row: the action and its target type by wire name, the amount in two columns. */
final class AuditRowMapper {

    private AuditRowMapper() {
    }

    static AuditRow toRow(AuditEntry entry) {
        return new AuditRow(entry.id().value(), entry.occurredAt(), entry.actor().name(), entry.action().wireName(),
                entry.targetType().wireName(), entry.targetId(), entry.actor().requestId(),
                entry.amount().map(Money::minorUnits).orElse(null),
                entry.amount().map(money -> money.currency().getCurrencyCode()).orElse(null));
    }

    static AuditEntry toEntry(AuditRow row) {
        AuditAction action = AuditAction.fromWireName(row.action())
                .orElseThrow(() -> new IllegalStateException("unknown audit action " + row.action()));
        Optional<Money> amount = Optional.ofNullable(row.amountMinor())
                .map(minor -> new Money(minor, Currency.getInstance(row.currency())));
        return new AuditEntry(new AuditEntryId(row.id()), row.occurredAt(), new Actor(row.actor(), row.requestId()),
                action, row.targetId(), amount);
    }
}
