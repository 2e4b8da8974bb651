package dev.orderpay.application.port.in.event;

/** For a merchant that missed an event, or wants it once more. */
public interface RedeliverEventUseCase {

    /**
     * Makes new deliveries of the event, due at once; the delivery engine sends them within about a second.
     *
     * @throws EventNotFoundException if there is no such event
     * @throws dev.orderpay.application.port.in.webhook.WebhookEndpointNotFoundException if the endpoint named does
     *                                                                                   not exist
     */
    RedeliveryResult redeliver(RedeliverEventCommand command);
}
