package dev.orderpay.application.port.in.maintenance;

/**
 * The delivery engine: sends the webhooks that are due, retries those that failed, gives up on hopeless ones. Once
 * {@link #stop() stopped}, it claims nothing more; calls already started run to their end.
 */
public interface DeliverWebhooksUseCase extends ClaimedWork {

    /**
     * Claims the deliveries that are due, as many as there is room for (overall and per endpoint), and starts each
     * on the delivery executor. Returns as soon as they are started, so a slow receiver never holds up the next
     * round: calls still running keep their places, and their deliveries stay claimed, until they end.
     */
    DeliveryRound deliverDue();
}
