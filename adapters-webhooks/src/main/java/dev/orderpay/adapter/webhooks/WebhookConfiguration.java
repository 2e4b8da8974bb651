package dev.orderpay.adapter.webhooks;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The {@code orderpay.webhook.*} settings this adapter reads (others under the same prefix belong to delivery).
 *
 * @param timeout               the longest a webhook call may take, from connecting to the last byte read
 *                              ({@code ORDERPAY_WEBHOOK_TIMEOUT})
 * @param allowPrivate          lets webhooks use {@code http} and reach loopback and private addresses even in
 *                              production ({@code ORDERPAY_WEBHOOK_ALLOW_PRIVATE}); outside production they always may
 * @param maxConnectionsPerHost open connections to one receiver (host and port) at most; further calls to it wait
 *                              for one of them ({@code ORDERPAY_WEBHOOK_MAX_CONNECTIONS_PER_HOST})
 * @param maxConnections        webhook calls in flight at most, over every receiver
 *                              ({@code ORDERPAY_WEBHOOK_MAX_CONNECTIONS})
 */
@ConfigurationProperties("orderpay.webhook")
record WebhookConfiguration(
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "false") boolean allowPrivate,
        @Bindable(defaultValue = "4") int maxConnectionsPerHost,
        @Bindable(defaultValue = "64") int maxConnections) {

    WebhookConfiguration {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("orderpay.webhook.timeout must be positive");
        }
        if (maxConnectionsPerHost < 1 || maxConnections < 1) {
            throw new IllegalArgumentException(
                    "orderpay.webhook.max-connections-per-host and max-connections must be at least 1");
        }
    }
}
