package dev.orderpay.adapter.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into the addresses it stands for, both when a webhook URL is checked and when a webhook
 * connects. The default asks the JVM ({@link JdkHostResolver}); tests provide their own bean of this type, since
 * they run without DNS and only ever connect to loopback. IP literals never reach a resolver: the adapter reads
 * them itself.
 */
public interface HostResolver {

    /**
     * Every address of {@code host}, a name without brackets or port.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
