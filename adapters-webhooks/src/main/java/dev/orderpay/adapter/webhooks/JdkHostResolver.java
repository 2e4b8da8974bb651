package dev.orderpay.adapter.webhooks;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The JVM's own resolution (the system's resolver and its cache); any other {@link HostResolver} bean wins. */
@Singleton
@Secondary
class JdkHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
