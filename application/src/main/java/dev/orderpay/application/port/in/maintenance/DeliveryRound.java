package dev.orderpay.application.port.in.maintenance;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The deliveries one round started: each completes with its outcome once its webhook call ended and was recorded.
 * Nothing waits for them unless the caller does.
 */
public record DeliveryRound(List<CompletableFuture<DeliveryOutcome>> started) {

    public DeliveryRound {
        started = List.copyOf(started);
    }

    public int claimed() {
        return started.size();
    }
}
