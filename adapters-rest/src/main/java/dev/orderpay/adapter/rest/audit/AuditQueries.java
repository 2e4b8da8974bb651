package dev.orderpay.adapter.rest.audit;

import dev.orderpay.adapter.rest.input.KeysetCursor;
import dev.orderpay.adapter.rest.input.QueryValues;
import dev.orderpay.application.port.in.audit.AuditCursor;
import dev.orderpay.application.port.in.audit.AuditFilter;
import dev.orderpay.application.port.in.audit.ListAuditEntriesQuery;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntryId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Reads the audit log's query values, naming every bad one at once, and writes them back into next links. */
final class AuditQueries {

    static final String AUDIT_LOG = "/audit-log";
    static final String ACTION = "action";
    static final String ACTOR = "actor";
    static final String TARGET_ID = "target_id";
    static final String CREATED_FROM = "created_from";
    static final String CREATED_TO = "created_to";

    private AuditQueries() {
    }

    static ListAuditEntriesQuery listEntries(@Nullable String limit, @Nullable String cursor, @Nullable String action,
                                             @Nullable String actor, @Nullable String targetId,
                                             @Nullable String createdFrom, @Nullable String createdTo) {
        QueryValues query = new QueryValues();
        int pageSize = query.read(QueryValues.LIMIT, limit, QueryValues.limitUpTo(ListAuditEntriesQuery.MAX_LIMIT))
                .orElse(ListAuditEntriesQuery.DEFAULT_LIMIT);
        Optional<AuditCursor> after = query.read(QueryValues.CURSOR, cursor, AuditQueries::cursor);
        Optional<AuditAction> ofAction = query.read(ACTION, action, AuditQueries::action);
        Optional<String> ofActor = query.read(ACTOR, actor, text -> identifier(ACTOR, text));
        Optional<String> ofTarget = query.read(TARGET_ID, targetId, text -> identifier(TARGET_ID, text));
        Optional<Instant> from = query.read(CREATED_FROM, createdFrom, QueryValues::instant);
        Optional<Instant> to = query.read(CREATED_TO, createdTo, QueryValues::instant);
        query.throwIfAnyFailed();
        return new ListAuditEntriesQuery(pageSize, after, new AuditFilter(ofAction, ofActor, ofTarget, from, to));
    }

    /** The next page of the same list: same limit, same filter, after the cursor. */
    static String page(ListAuditEntriesQuery query, AuditCursor after) {
        UriBuilder page = UriBuilder.of(AUDIT_LOG).queryParam(QueryValues.LIMIT, query.limit());
        AuditFilter filter = query.filter();
        filter.action().ifPresent(action -> page.queryParam(ACTION, action.wireName()));
        filter.actor().ifPresent(actor -> page.queryParam(ACTOR, actor));
        filter.targetId().ifPresent(target -> page.queryParam(TARGET_ID, target));
        filter.occurredFrom()
                .ifPresent(from -> page.queryParam(CREATED_FROM, DateTimeFormatter.ISO_INSTANT.format(from)));
        filter.occurredTo().ifPresent(to -> page.queryParam(CREATED_TO, DateTimeFormatter.ISO_INSTANT.format(to)));
        return page.queryParam(QueryValues.CURSOR, new KeysetCursor(after.occurredAt(), after.id().value()).encode())
                .toString();
    }

    private static AuditCursor cursor(String token) {
        KeysetCursor cursor = KeysetCursor.decode(token);
        return new AuditCursor(cursor.createdAt(), new AuditEntryId(cursor.id()));
    }

    private static AuditAction action(String name) {
        return AuditAction.fromWireName(name)
                .orElseThrow(() -> new InvalidValueException(ACTION, "must be one of "
                        + AuditEntryResponse.actionNames()));
    }

    /** An actor's or a target's id: printable ASCII without spaces, as every id the log holds is. */
    private static String identifier(String field, String text) {
        boolean printable = text.chars().allMatch(character -> character >= 0x21 && character <= 0x7E);
        if (text.isEmpty() || text.length() > Actor.MAX_LENGTH || !printable) {
            throw new InvalidValueException(field, "must be an id of 1 to " + Actor.MAX_LENGTH
                    + " printable characters without spaces");
        }
        return text;
    }
}
