package dev.orderpay.application.port.in.maintenance;

/**
 * Background work an instance takes by claiming it in the shared database, each claim a lease that runs out should
 * the instance die. An instance that stops in good order lets go at once instead, so that another instance takes the
 * work over without waiting for the leases to run out.
 */
public interface ClaimedWork {

    /**
     * Starts nothing more: later calls claim nothing, and work under way ends after the item it is on (the order
     * being asked about, the webhook calls already started).
     */
    void stop();

    /**
     * Lets go of every claim this instance still holds. Meant for once the work under way has ended: a claim whose
     * work is still running is let go too, and that work may then be done a second time elsewhere, never lost.
     *
     * @return how many claims were let go
     */
    int releaseClaims();
}
