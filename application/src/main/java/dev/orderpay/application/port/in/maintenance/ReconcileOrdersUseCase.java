package dev.orderpay.application.port.in.maintenance;

/**
 * Settles what returns and notifications left open. Each instance claims the orders it asks about; once
 * {@link #stop() stopped}, it claims nothing more and a run under way ends after the order it is on.
 */
public interface ReconcileOrdersUseCase extends ClaimedWork {

    /**
     * Asks the provider about one batch of orders whose payment outcome is still open after a while, applies what
     * it says, and expires checkouts that lapsed without a payment.
     */
    ReconciliationReport reconcileBatch();

    /**
     * Reconciles batch after batch while they come back full, up to a bound, so a backlog drains without one run
     * holding on forever; the next run goes on with what is left.
     *
     * @return the batches' reports added up
     */
    ReconciliationReport reconcileDue();
}
