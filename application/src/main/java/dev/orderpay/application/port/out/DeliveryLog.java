package dev.orderpay.application.port.out;

import java.time.Instant;

/** The provider's notification deliveries already handled, so a retried delivery is recognised. */
public interface DeliveryLog {

    boolean contains(String deliveryId);

    /** Remembers a handled delivery; recording one twice is harmless. */
    void record(String deliveryId);

    /**
     * Deletes up to {@code limit} deliveries first handled before {@code cutoff}: long after the provider's last
     * retry of them, so the log does not grow forever.
     *
     * @return how many were deleted
     */
    int forgetHandledBefore(Instant cutoff, int limit);
}
