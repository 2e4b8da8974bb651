package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.maintenance.HousekeepingUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired idempotency keys and old notification deliveries on a timer; any instance may run it, deleting
 * twice is harmless.
 */
@Singleton
class HousekeepingJob {

    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingJob.class);

    private final HousekeepingUseCase housekeeping;

    HousekeepingJob(HousekeepingUseCase housekeeping) {
        this.housekeeping = housekeeping;
    }

    @Scheduled(fixedDelay = "${orderpay.housekeeping-interval}", initialDelay = "${orderpay.housekeeping-interval}")
    void run() {
        try {
            int keys = housekeeping.forgetExpiredIdempotencyKeys();
            if (keys > 0) {
                LOG.info("Forgot {} expired idempotency keys", keys);
            }
            int deliveries = housekeeping.forgetOldNotificationDeliveries();
            if (deliveries > 0) {
                LOG.info("Forgot {} notification deliveries handled long ago", deliveries);
            }
        } catch (RuntimeException failure) {
            // The next run tries again; a failing database must not kill the schedule.
            LOG.warn("Housekeeping failed", failure);
        }
    }
}
