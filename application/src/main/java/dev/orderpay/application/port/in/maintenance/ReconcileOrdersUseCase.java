package dev.orderpay.application.port.in.maintenance;

public interface ReconcileOrdersUseCase {

    /**
     * Asks the provider about one batch of orders whose payment outcome is still open after a while, applies what
     * it says, and expires checkouts that lapsed without a payment.
     */
    ReconciliationReport reconcileBatch();
}
