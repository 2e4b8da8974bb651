package dev.orderpay.bootstrap;

import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backlogs operators watch, as gauges holding the value the jobs last read: a scrape never queries the database.
 * Reconciliation refreshes {@code orderpay_reconciliation_oldest_unsettled_seconds} after each run; the delivery job,
 * which runs every half second or so, refreshes {@code orderpay_webhook_backlog} at most once per
 * {@link #WEBHOOK_BACKLOG_EVERY}.
 */
@Singleton
class BacklogGauges {

    static final String OLDEST_UNSETTLED = "orderpay.reconciliation.oldest.unsettled.seconds";
    static final String WEBHOOK_BACKLOG = "orderpay.webhook.backlog";
    private static final Duration WEBHOOK_BACKLOG_EVERY = Duration.ofSeconds(5);

    private final OrderRepository orders;
    private final WebhookDeliveries deliveries;
    private final Clock clock;
    private final AtomicLong oldestUnsettledSeconds = new AtomicLong();
    private final AtomicLong webhookBacklog = new AtomicLong();
    private final AtomicReference<Instant> webhookBacklogReadAt = new AtomicReference<>(Instant.MIN);

    BacklogGauges(OrderRepository orders, WebhookDeliveries deliveries, Clock clock, MeterRegistry registry) {
        this.orders = orders;
        this.deliveries = deliveries;
        this.clock = clock;
        Gauge.builder(OLDEST_UNSETTLED, oldestUnsettledSeconds, AtomicLong::get)
                .description("Age of the oldest order awaiting its payment's outcome or an operation; 0 when none")
                .register(registry);
        Gauge.builder(WEBHOOK_BACKLOG, webhookBacklog, AtomicLong::get)
                .description("Webhook deliveries to enabled endpoints still pending")
                .register(registry);
    }

    void refreshOldestUnsettled() {
        Instant now = clock.instant();
        oldestUnsettledSeconds.set(orders.oldestUnsettledCreatedAt()
                .map(createdAt -> Math.max(0, Duration.between(createdAt, now).toSeconds()))
                .orElse(0L));
    }

    void refreshWebhookBacklogIfDue() {
        Instant now = clock.instant();
        Instant last = webhookBacklogReadAt.get();
        if (now.isBefore(last.plus(WEBHOOK_BACKLOG_EVERY)) || !webhookBacklogReadAt.compareAndSet(last, now)) {
            return;
        }
        webhookBacklog.set(deliveries.countPending());
    }
}
