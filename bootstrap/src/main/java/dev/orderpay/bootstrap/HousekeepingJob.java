package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.maintenance.HousekeepingUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired idempotency keys, old notification deliveries and events past their retention on a timer, and
 * says in one line per run how many of each; any instance may run it, deleting twice is harmless.
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
            int deliveries = housekeeping.forgetOldNotificationDeliveries();
            int events = housekeeping.forgetOldEvents();
            int auditEntries = housekeeping.forgetOldAuditEntries();
            LOG.info("Housekeeping forgot {} expired idempotency keys, {} notification deliveries handled long ago,"
                    + " {} events and {} audit entries past their retention", keys, deliveries, events, auditEntries);
        } catch (RuntimeException failure) {
            // The next run tries again; a failing database must not kill the schedule.
            LOG.warn("Housekeeping failed", failure);
        }
    }
}
