package dev.orderpay.application.port.in.maintenance;

public interface HousekeepingUseCase {

    /**
     * Deletes idempotency keys whose time has passed, in bounded batches.
     *
     * @return how many were deleted
     */
    int forgetExpiredIdempotencyKeys();

    /**
     * Deletes the record of provider notification deliveries handled longer ago than the retention period, in
     * bounded batches.
     *
     * @return how many were deleted
     */
    int forgetOldNotificationDeliveries();

    /**
     * Deletes events older than their retention period, with their deliveries and attempts, in bounded batches; an
     * event with a delivery still pending is kept.
     *
     * @return how many events were deleted
     */
    int forgetOldEvents();

    /**
     * Deletes audit log entries older than their retention period, in bounded batches.
     *
     * @return how many were deleted
     */
    int forgetOldAuditEntries();
}
