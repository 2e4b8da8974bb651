package dev.orderpay.application.service;

import dev.orderpay.application.port.in.maintenance.HousekeepingUseCase;
import dev.orderpay.application.port.out.DeliveryLog;
import dev.orderpay.application.port.out.IdempotencyKeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/** Keeps stored data from growing without bound. */
public final class HousekeepingService implements HousekeepingUseCase {

    private static final int BATCH_SIZE = 1_000;
    /** A run stops after this many batches, so one run never holds on for long; the next run goes on. */
    private static final int MAX_BATCHES = 100;

    private final IdempotencyKeys idempotencyKeys;
    private final DeliveryLog deliveryLog;
    private final Clock clock;
    private final Duration deliveryRetention;

    /** @param deliveryRetention how long a handled delivery is remembered: well past the provider's last retry */
    public HousekeepingService(IdempotencyKeys idempotencyKeys, DeliveryLog deliveryLog, Clock clock,
                               Duration deliveryRetention) {
        this.idempotencyKeys = idempotencyKeys;
        this.deliveryLog = deliveryLog;
        this.clock = clock;
        this.deliveryRetention = Objects.requireNonNull(deliveryRetention, "deliveryRetention");
    }

    @Override
    public int forgetExpiredIdempotencyKeys() {
        return drain(idempotencyKeys::forgetExpired);
    }

    @Override
    public int forgetOldNotificationDeliveries() {
        Instant cutoff = clock.instant().minus(deliveryRetention);
        return drain(limit -> deliveryLog.forgetHandledBefore(cutoff, limit));
    }

    /** Deletes batch after batch until one comes back short, or the run has done its share. */
    private static int drain(IntUnaryOperator deleteBatch) {
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int inBatch = deleteBatch.applyAsInt(BATCH_SIZE);
            deleted += inBatch;
            if (inBatch < BATCH_SIZE) {
                break;
            }
        }
        return deleted;
    }
}
