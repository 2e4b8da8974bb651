package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.HousekeepingUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired idempotency keys on a timer; any instance may run it, deleting twice is harmless. */
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
            int forgotten = housekeeping.forgetExpiredIdempotencyKeys();
            if (forgotten > 0) {
                LOG.info("Forgot {} expired idempotency keys", forgotten);
            }
        } catch (RuntimeException failure) {
            // The next run tries again; a failing database must not kill the schedule.
            LOG.warn("Housekeeping failed", failure);
        }
    }
}
