package dev.orderpay.application.port.in.maintenance;

public interface ReconcileOrdersUseCase {

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
