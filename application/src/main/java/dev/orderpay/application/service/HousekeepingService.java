package dev.orderpay.application.service;

import dev.orderpay.application.port.in.maintenance.HousekeepingUseCase;
import dev.orderpay.application.port.out.DeliveryLog;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.audit.AuditLog;
import dev.orderpay.application.port.out.event.EventLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Keeps stored data from growing without bound. */
public final class HousekeepingService implements HousekeepingUseCase {

    /** A thousand rows a batch, a hundred batches a run: the next run goes on with what is left. */
    private static final Batches BATCHES = new Batches(1_000, 100);

    /**
     * @param deliveryRetention how long a handled provider notification is remembered: well past the provider's last
     *                          retry of it
     * @param eventRetention    how long events and their delivery attempts are kept for the events API
     * @param auditRetention    how long audit log entries are kept
     */
    public record Policy(Duration deliveryRetention, Duration eventRetention, Duration auditRetention) {
        public Policy {
            if (isNotPositive(deliveryRetention) || isNotPositive(eventRetention) || isNotPositive(auditRetention)) {
                throw new IllegalArgumentException("a retention period must be positive");
            }
        }

        private static boolean isNotPositive(Duration retention) {
            return retention.isNegative() || retention.isZero();
        }
    }

    private final IdempotentRequests idempotentRequests;
    private final DeliveryLog deliveryLog;
    private final EventLog events;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Policy policy;

    HousekeepingService(IdempotentRequests idempotentRequests, DeliveryLog deliveryLog, EventLog events,
                        AuditLog auditLog, Clock clock, Policy policy) {
        this.idempotentRequests = idempotentRequests;
        this.deliveryLog = deliveryLog;
        this.events = events;
        this.auditLog = auditLog;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public int forgetExpiredIdempotencyKeys() {
        return BATCHES.drain(idempotentRequests::forgetExpired);
    }

    @Override
    public int forgetOldNotificationDeliveries() {
        Instant cutoff = clock.instant().minus(policy.deliveryRetention());
        return BATCHES.drain(limit -> deliveryLog.forgetHandledBefore(cutoff, limit));
    }

    @Override
    public int forgetOldEvents() {
        Instant cutoff = clock.instant().minus(policy.eventRetention());
        return BATCHES.drain(limit -> events.forgetBefore(cutoff, limit));
    }

    @Override
    public int forgetOldAuditEntries() {
        Instant cutoff = clock.instant().minus(policy.auditRetention());
        return BATCHES.drain(limit -> auditLog.forgetBefore(cutoff, limit));
    }
}
