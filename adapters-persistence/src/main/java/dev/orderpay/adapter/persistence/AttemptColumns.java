package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.webhook.AttemptRecord;
import dev.orderpay.domain.webhook.WebhookDeliveryId;

import java.time.Instant;
import java.util.Map;

/**
 * Attempts to record, as the parallel arrays {@link RecordedAttemptRowRepository#record} takes: element i of each is
 * the i-th attempt's. Ids and times go as text, since the arrays Micronaut Data binds are of strings, numbers and
 * booleans; the statement casts them back.
 */
record AttemptColumns(String[] ids, String[] states, String[] nextAttemptsAt, String[] attemptedAt,
                      Integer[] statusCodes, String[] errors, Integer[] latenciesMs, String[] bodyExcerpts,
                      Boolean[] succeeded) {

    static AttemptColumns of(Map<WebhookDeliveryId, AttemptRecord> attempts) {
        int size = attempts.size();
        AttemptColumns columns = new AttemptColumns(new String[size], new String[size], new String[size],
                new String[size], new Integer[size], new String[size], new Integer[size], new String[size],
                new Boolean[size]);
        int i = 0;
        for (Map.Entry<WebhookDeliveryId, AttemptRecord> entry : attempts.entrySet()) {
            AttemptRecord attempt = entry.getValue();
            columns.ids[i] = entry.getKey().value().toString();
            columns.states[i] = attempt.stateAfter().name();
            columns.nextAttemptsAt[i] = attempt.nextAttemptAt().map(Instant::toString).orElse(null);
            columns.attemptedAt[i] = attempt.at().toString();
            columns.statusCodes[i] = WebhookDeliveryRowMapper.statusCodeOf(attempt.result());
            columns.errors[i] = WebhookDeliveryRowMapper.errorOf(attempt.result());
            columns.latenciesMs[i] = WebhookDeliveryRowMapper.latencyMillis(attempt.latency());
            columns.bodyExcerpts[i] = WebhookDeliveryRowMapper.bodyExcerptOf(attempt.result());
            columns.succeeded[i] = attempt.succeeded();
            i++;
        }
        return columns;
    }
}
