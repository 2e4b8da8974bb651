package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.out.IdempotentRequests.Earlier;
import dev.orderpay.application.port.out.IdempotentRequests.Hold;
import dev.orderpay.application.port.out.IdempotentRequests.Operation;
import dev.orderpay.application.port.out.IdempotentRequests.Standing;
import dev.orderpay.application.port.out.IdempotentRequests.TakenOver;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.PendingOperation;

import java.util.Optional;

/** Between the rows of {@code idempotent_requests} and the port's records; the enums' names are the columns' values. */
final class IdempotentRequestRowMapper {

    private IdempotentRequestRowMapper() {
    }

    static Earlier toEarlier(EarlierRequestRow row) {
        Optional<RecordedAnswer> answer = row.answerStatus() == null ? Optional.empty()
                : Optional.of(new RecordedAnswer(row.answerStatus(), Optional.ofNullable(row.answerLocation()),
                row.answerBody()));
        return new Earlier(Operation.valueOf(row.operation()), Optional.ofNullable(row.target()), row.fingerprint(),
                Standing.valueOf(row.standing()), answer);
    }

    static TakenOver toTakenOver(IdempotentRequestRow row, Hold hold) {
        Optional<PendingOperation> started = row.startedOperation() == null ? Optional.empty()
                : Optional.of(new PendingOperation(PendingOperation.Type.valueOf(row.startedOperation()),
                Money.of(row.startedAmountMinor(), row.startedCurrency()),
                Money.of(row.startedBaselineMinor(), row.startedCurrency()), row.startedAt()));
        return new TakenOver(hold, Optional.ofNullable(row.resourceId()), started);
    }
}
