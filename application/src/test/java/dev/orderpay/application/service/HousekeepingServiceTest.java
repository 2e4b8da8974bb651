package dev.orderpay.application.service;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.out.InMemoryDeliveryLog;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.audit.InMemoryAuditLog;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.Storage;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.audit.TestActors;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.announced;
import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.delivered;
import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.endpoint;
import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.retryAt;
import static org.assertj.core.api.Assertions.assertThat;

class HousekeepingServiceTest {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final HousekeepingService.Policy POLICY = new HousekeepingService.Policy(RETENTION, RETENTION,
            RETENTION);
    private static final Duration CLAIM = Duration.ofMinutes(2);

    @Test
    void given_more_expired_keys_than_one_batch_then_one_run_forgets_them_all_and_keeps_live_ones() {
        InMemoryIdempotentRequests requests = new InMemoryIdempotentRequests(Clock.systemUTC());
        Instant past = Instant.now().minus(Duration.ofMinutes(1));
        for (int i = 0; i < 2_500; i++) {
            requests.claim(creation("expired-" + i), Optional.empty(), past, past);
        }
        Instant later = Instant.now().plus(Duration.ofHours(1));
        requests.claim(creation("live"), Optional.empty(), later, later);

        int forgotten = new HousekeepingService(requests, new InMemoryDeliveryLog(), new InMemoryOrderRepository(),
                new InMemoryAuditLog(), Clock.systemUTC(), POLICY).forgetExpiredIdempotencyKeys();

        assertThat(forgotten).isEqualTo(2_500);
        assertThat(requests.claim(creation("live"), Optional.empty(), later, later))
                .isInstanceOf(IdempotentRequests.Earlier.class);
    }

    @Test
    void given_deliveries_older_and_younger_than_the_retention_then_only_the_old_ones_are_forgotten() {
        TestClock clock = TestClock.standingAt(Instant.parse("2026-12-01T00:00:00Z"));
        InMemoryDeliveryLog deliveries = new InMemoryDeliveryLog(clock);
        for (int i = 0; i < 1_500; i++) {
            deliveries.record("old-" + i);
        }
        clock.advance(RETENTION);
        deliveries.record("recent");
        clock.advance(Duration.ofSeconds(1));
        HousekeepingService housekeeping = new HousekeepingService(new InMemoryIdempotentRequests(clock), deliveries,
                new InMemoryOrderRepository(), new InMemoryAuditLog(), clock, POLICY);

        int forgotten = housekeeping.forgetOldNotificationDeliveries();

        assertThat(forgotten).isEqualTo(1_500);
        assertThat(deliveries.contains("old-0")).isFalse();
        assertThat(deliveries.contains("recent")).isTrue();
    }

    @Test
    void given_old_and_recent_events_then_only_old_ones_with_no_delivery_pending_are_forgotten_with_their_deliveries() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Instant old = now.minus(RETENTION).minusSeconds(60);
        Storage storage = Storage.inMemory();
        endpoint(storage);
        Event oldDelivered = firstEventOf(storage, announced(storage, old));
        Event oldPending = firstEventOf(storage, announced(storage, old.plusSeconds(1)));
        for (DueDelivery due : storage.deliveries().claimDue(old.plusSeconds(2), old.plus(CLAIM), 10, 10)) {
            storage.deliveries().record(due.id(), due.event().equals(oldDelivered)
                    ? delivered(old.plusSeconds(2))
                    : retryAt(old.plusSeconds(2), now.plus(Duration.ofHours(1))));
        }
        Event recent = firstEventOf(storage, announced(storage, now.minus(RETENTION).plusSeconds(1)));
        HousekeepingService housekeeping = new HousekeepingService(new InMemoryIdempotentRequests(Clock.systemUTC()),
                new InMemoryDeliveryLog(), storage.events(), new InMemoryAuditLog(), TestClock.standingAt(now), POLICY);

        int forgotten = housekeeping.forgetOldEvents();

        assertThat(forgotten).isEqualTo(1);
        assertThat(storage.events().findById(oldDelivered.id())).isEmpty();
        assertThat(storage.deliveries().findByEvent(oldDelivered.id())).isEmpty();
        assertThat(storage.events().findById(oldPending.id())).contains(oldPending);
        assertThat(storage.deliveries().findByEvent(oldPending.id())).singleElement()
                .satisfies(delivery -> assertThat(delivery.attempts()).hasSize(1));
        assertThat(storage.events().findById(recent.id())).contains(recent);
        assertThat(storage.deliveries().findByEvent(recent.id())).hasSize(1);
    }

    private static Event firstEventOf(Storage storage, Order order) {
        return storage.events().findByOrder(order.id()).get(0);
    }

    @Test
    void given_audit_entries_older_and_younger_than_the_retention_then_only_the_old_ones_are_forgotten() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        InMemoryAuditLog auditLog = new InMemoryAuditLog();
        for (int i = 0; i < 1_200; i++) {
            auditLog.record(AuditEntry.of(TestActors.CLIENT, AuditAction.API_KEY_REVOKED, "key-" + i,
                    now.minus(RETENTION).minusSeconds(1)));
        }
        AuditEntry recent = AuditEntry.of(TestActors.CLIENT, AuditAction.API_KEY_CREATED, "key-new",
                now.minus(RETENTION).plusSeconds(1));
        auditLog.record(recent);
        HousekeepingService housekeeping = new HousekeepingService(new InMemoryIdempotentRequests(Clock.systemUTC()),
                new InMemoryDeliveryLog(), new InMemoryOrderRepository(), auditLog, TestClock.standingAt(now), POLICY);

        int forgotten = housekeeping.forgetOldAuditEntries();

        assertThat(forgotten).isEqualTo(1_200);
        assertThat(auditLog.all()).containsExactly(recent);
    }

    private static IdempotentRequests.Request creation(String key) {
        return new IdempotentRequests.Request(new IdempotencyKey("client", key),
                IdempotentRequests.Operation.CREATE_ORDER, Optional.empty(), "f");
    }
}
