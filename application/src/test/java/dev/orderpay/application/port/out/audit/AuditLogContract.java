package dev.orderpay.application.port.out.audit;

import dev.orderpay.application.port.in.audit.AuditCursor;
import dev.orderpay.application.port.in.audit.AuditFilter;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.event.TestEvents;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.TestOrders;
import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.audit.AuditEntryId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link AuditLog} must do. Entries come with the changes they describe, so each implementation's test
 * supplies the whole storage, empty: the entries here are written with order updates, as an operation's are.
 */
public abstract class AuditLogContract {

    /** An order store and the audit log its updates write to. */
    public record Storage(OrderRepository orders, AuditLog auditLog) {
    }

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Actor ALICE = new Actor("key-alice000", "request-a");
    private static final Actor BOB = new Actor("3f2c9a5e-5a4e-4d7b-9d7e-2f0e8a6b1c01", "request-b");

    protected abstract Storage emptyStorage();

    @Test
    void given_entries_saved_with_changes_when_listed_then_they_come_newest_first_as_they_were_written() {
        Storage storage = emptyStorage();
        Order order = anOrder(storage);
        AuditEntry first = AuditEntry.of(ALICE, AuditAction.PAYMENT_CAPTURE_REQUESTED, order.id(),
                Money.of(500, "NOK"), T0);
        AuditEntry second = AuditEntry.of(BOB, AuditAction.PAYMENT_CANCEL_REQUESTED, order.id(), T0.plusSeconds(1));
        saveWith(storage, order, first);
        saveWith(storage, order, second);

        List<AuditEntry> listed = storage.auditLog().findNewestFirst(AuditFilter.NONE, Optional.empty(), 10);

        assertThat(listed).containsExactly(second, first);
    }

    @Test
    void given_entries_at_the_same_instant_when_paged_then_each_comes_once_in_id_order() {
        Storage storage = emptyStorage();
        Order order = anOrder(storage);
        AuditEntry low = entryWithId("00000000-0000-4000-8000-000000000001", T0);
        AuditEntry high = entryWithId("ffffffff-0000-4000-8000-000000000001", T0);
        AuditEntry older = entryWithId("88888888-0000-4000-8000-000000000001", T0.minusSeconds(1));
        saveWith(storage, order, low);
        saveWith(storage, order, older);
        saveWith(storage, order, high);

        List<AuditEntry> firstPage = storage.auditLog().findNewestFirst(AuditFilter.NONE, Optional.empty(), 1);
        List<AuditEntry> secondPage = storage.auditLog().findNewestFirst(AuditFilter.NONE,
                Optional.of(AuditCursor.after(firstPage.get(0))), 1);
        List<AuditEntry> thirdPage = storage.auditLog().findNewestFirst(AuditFilter.NONE,
                Optional.of(AuditCursor.after(secondPage.get(0))), 5);

        assertThat(firstPage).containsExactly(high);
        assertThat(secondPage).containsExactly(low);
        assertThat(thirdPage).containsExactly(older);
    }

    @Test
    void given_several_actions_actors_and_targets_when_filtered_then_only_the_matching_entries_are_listed() {
        Storage storage = emptyStorage();
        Order one = anOrder(storage);
        Order other = anOrder(storage);
        AuditEntry aliceCaptures = AuditEntry.of(ALICE, AuditAction.PAYMENT_CAPTURE_REQUESTED, one.id(),
                Money.of(100, "NOK"), T0);
        AuditEntry bobRefunds = AuditEntry.of(BOB, AuditAction.PAYMENT_REFUND_REQUESTED, one.id(),
                Money.of(40, "NOK"), T0.plusSeconds(10));
        AuditEntry aliceCancels = AuditEntry.of(ALICE, AuditAction.PAYMENT_CANCEL_REQUESTED, other.id(),
                T0.plusSeconds(20));
        saveWith(storage, one, aliceCaptures);
        saveWith(storage, one, bobRefunds);
        saveWith(storage, other, aliceCancels);
        AuditLog log = storage.auditLog();

        assertThat(log.findNewestFirst(byActor(ALICE.name()), Optional.empty(), 10))
                .containsExactly(aliceCancels, aliceCaptures);
        assertThat(log.findNewestFirst(byAction(AuditAction.PAYMENT_REFUND_REQUESTED),
                Optional.empty(), 10)).containsExactly(bobRefunds);
        assertThat(log.findNewestFirst(byTarget(one.id().toString()), Optional.empty(), 10))
                .containsExactly(bobRefunds, aliceCaptures);
        assertThat(log.findNewestFirst(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plusSeconds(10)), Optional.of(T0.plusSeconds(20))), Optional.empty(), 10))
                .containsExactly(bobRefunds);
    }

    @Test
    void given_a_change_refused_as_stale_when_saved_with_an_entry_then_the_entry_is_not_stored_either() {
        Storage storage = emptyStorage();
        Order order = anOrder(storage);
        Order stale = storage.orders().findById(order.id()).orElseThrow();
        saveWith(storage, order, AuditEntry.of(ALICE, AuditAction.PAYMENT_CANCEL_REQUESTED, order.id(), T0));

        assertThatThrownBy(() -> storage.orders().update(stale, TestEvents.of(stale),
                Optional.of(AuditEntry.of(BOB, AuditAction.PAYMENT_CANCEL_REQUESTED, order.id(), T0))))
                .isInstanceOf(ConcurrentOrderUpdateException.class);

        assertThat(storage.auditLog().findNewestFirst(byActor(BOB.name()), Optional.empty(), 10))
                .isEmpty();
    }

    @Test
    void given_old_and_recent_entries_when_forgotten_before_a_cutoff_then_only_the_old_go_in_batches() {
        Storage storage = emptyStorage();
        Order order = anOrder(storage);
        AuditEntry oldest = AuditEntry.of(ALICE, AuditAction.PAYMENT_CANCEL_REQUESTED, order.id(), T0);
        AuditEntry old = AuditEntry.of(ALICE, AuditAction.PAYMENT_CANCEL_REQUESTED, order.id(), T0.plusSeconds(1));
        AuditEntry recent = AuditEntry.of(ALICE, AuditAction.PAYMENT_CANCEL_REQUESTED, order.id(), T0.plusSeconds(9));
        saveWith(storage, order, oldest);
        saveWith(storage, order, old);
        saveWith(storage, order, recent);
        Instant cutoff = T0.plusSeconds(5);

        int firstBatch = storage.auditLog().forgetBefore(cutoff, 1);
        List<AuditEntry> afterFirst = storage.auditLog().findNewestFirst(AuditFilter.NONE, Optional.empty(), 10);
        int secondBatch = storage.auditLog().forgetBefore(cutoff, 10);

        assertThat(firstBatch).isEqualTo(1);
        assertThat(afterFirst).containsExactly(recent, old);
        assertThat(secondBatch).isEqualTo(1);
        assertThat(storage.auditLog().findNewestFirst(AuditFilter.NONE, Optional.empty(), 10)).containsExactly(recent);
    }

    private static Order anOrder(Storage storage) {
        Order order = TestOrders.anOrderWithCheckout().build();
        storage.orders().add(order, NOT_HELD);
        return order;
    }

    /** Saves the order as it stands (no change but its version) with the entry, as an operation's reservation is. */
    private static void saveWith(Storage storage, Order order, AuditEntry entry) {
        Order loaded = storage.orders().findById(order.id()).orElseThrow();
        storage.orders().update(loaded, TestEvents.of(loaded), Optional.of(entry));
    }

    private static AuditEntry entryWithId(String id, Instant at) {
        return new AuditEntry(new AuditEntryId(UUID.fromString(id)), at, ALICE,
                AuditAction.PAYMENT_CANCEL_REQUESTED, "order-x", Optional.empty());
    }

    private static AuditFilter byAction(AuditAction action) {
        return new AuditFilter(Optional.of(action), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static AuditFilter byActor(String actor) {
        return new AuditFilter(Optional.empty(), Optional.of(actor), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The entries about one target. */
    public static AuditFilter byTarget(String targetId) {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.of(targetId), Optional.empty(),
                Optional.empty());
    }
}
