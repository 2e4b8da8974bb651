package dev.orderpay.adapter.webhooks;

import io.micronaut.http.client.HttpClientConfiguration;
import jakarta.inject.Singleton;

import java.net.Proxy;
import java.time.Duration;

/**
 * The HTTP client webhooks are sent with, configured in code so that no setting can switch its guards off: it never
 * follows a redirect, never goes through a proxy (which would resolve names where the address rules cannot see) and
 * resolves every host through {@link CheckedAddressResolverGroup}. Its connect and read timeouts are
 * {@code orderpay.webhook.timeout}: the sender bounds the whole call by that time itself, and these end the
 * connection of a call it gave up on. Connections are pooled per receiver (host and port), at most
 * {@code orderpay.webhook.max-connections-per-host} open to each; a call that finds them all busy waits for one
 * at most half its timeout, and is then dropped unsent.
 */
@Singleton
class WebhookClientConfiguration extends HttpClientConfiguration {

    /** A receiver's kept-alive connection is reused while webhooks keep coming, and not held open much longer. */
    private static final Duration IDLE_CONNECTIONS_CLOSED_AFTER = Duration.ofSeconds(30);

    private final ConnectionPoolConfiguration pool = new ConnectionPoolConfiguration();

    WebhookClientConfiguration(WebhookConfiguration webhooks) {
        setFollowRedirects(false);
        setProxyType(Proxy.Type.DIRECT);
        setAddressResolverGroupName(CheckedAddressResolverGroup.NAME);
        setConnectTimeout(webhooks.timeout());
        setReadTimeout(webhooks.timeout());
        setConnectionPoolIdleTimeout(IDLE_CONNECTIONS_CLOSED_AFTER);
        pool.setEnabled(true);
        pool.setMaxConcurrentHttp1Connections(webhooks.maxConnectionsPerHost());
        // Shorter than the call's timeout, so that a call waiting for a connection is dropped before the sender
        // gives up on it: a connection freed just after that could otherwise still send a call already given up.
        pool.setAcquireTimeout(webhooks.timeout().dividedBy(2));
    }

    @Override
    public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
        return pool;
    }
}
