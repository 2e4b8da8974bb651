package dev.orderpay.application.service;

import dev.orderpay.application.port.in.HousekeepingUseCase;
import dev.orderpay.application.port.out.IdempotencyKeys;

/** Keeps stored data from growing without bound. */
public final class HousekeepingService implements HousekeepingUseCase {

    private static final int BATCH_SIZE = 1_000;
    /** A run stops after this many batches, so one run never holds on for long; the next run goes on. */
    private static final int MAX_BATCHES = 100;

    private final IdempotencyKeys idempotencyKeys;

    public HousekeepingService(IdempotencyKeys idempotencyKeys) {
        this.idempotencyKeys = idempotencyKeys;
    }

    @Override
    public int forgetExpiredIdempotencyKeys() {
        int forgotten = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int deleted = idempotencyKeys.forgetExpired(BATCH_SIZE);
            forgotten += deleted;
            if (deleted < BATCH_SIZE) {
                break;
            }
        }
        return forgotten;
    }
}
