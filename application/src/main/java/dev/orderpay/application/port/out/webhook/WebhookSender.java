package dev.orderpay.application.port.out.webhook;

/**
 * Sends webhooks to merchants' endpoints. The adapter owns the wire format: a {@code POST} with the headers
 * {@code Orderpay-Event-Id}, {@code Orderpay-Event-Type} and {@code Orderpay-Signature} (docs/webhooks.md). The caller
 * holds no database connection or transaction while a call runs, so a slow receiver slows only its own deliveries.
 */
public interface WebhookSender {

    /**
     * Posts the request and waits for its answer, at most the configured webhook timeout. Never follows a redirect
     * and refuses to connect to an address {@link WebhookDestinations} would refuse (a name may resolve differently
     * now than when it was registered). The receiver's and the network's failures are outcomes, not exceptions.
     */
    WebhookResponse send(WebhookRequest request);
}
