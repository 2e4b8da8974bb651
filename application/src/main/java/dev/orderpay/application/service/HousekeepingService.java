package dev.orderpay.application.service;

import dev.orderpay.application.port.in.maintenance.HousekeepingUseCase;
import dev.orderpay.application.port.out.DeliveryLog;
import dev.orderpay.application.port.out.IdempotencyKeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Keeps stored data from growing without bound. */
public final class HousekeepingService implements HousekeepingUseCase {

    /** A thousand rows a batch, a hundred batches a run: the next run goes on with what is left. */
    private static final Batches BATCHES = new Batches(1_000, 100);

    private final IdempotencyKeys idempotencyKeys;
    private final DeliveryLog deliveryLog;
    private final Clock clock;
    private final Duration deliveryRetention;

    /** @param deliveryRetention how long a handled delivery is remembered: well past the provider's last retry */
    HousekeepingService(IdempotencyKeys idempotencyKeys, DeliveryLog deliveryLog, Clock clock,
                        Duration deliveryRetention) {
        this.idempotencyKeys = idempotencyKeys;
        this.deliveryLog = deliveryLog;
        this.clock = clock;
        this.deliveryRetention = Objects.requireNonNull(deliveryRetention, "deliveryRetention");
    }

    @Override
    public int forgetExpiredIdempotencyKeys() {
        return BATCHES.drain(idempotencyKeys::forgetExpired);
    }

    @Override
    public int forgetOldNotificationDeliveries() {
        Instant cutoff = clock.instant().minus(deliveryRetention);
        return BATCHES.drain(limit -> deliveryLog.forgetHandledBefore(cutoff, limit));
    }
}
