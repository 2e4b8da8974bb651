package dev.orderpay.adapter.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link HostResolver} for a machine without DNS: names resolve to what the test said, and can be pointed
 * elsewhere while a test runs (a name that changes what it resolves to); any other name does not resolve. Shared
 * through this module's test-jar: register an instance as a singleton of the context under test (for example
 * {@code ApplicationContext.builder().singletons(names)}) and it replaces the JVM's resolution.
 */
public final class HostNamesForTests implements HostResolver {

    private final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();

    /** From now on {@code name} resolves to these IP literals. */
    public HostNamesForTests point(String name, String... literals) {
        names.put(name, Arrays.stream(literals).map(HostNamesForTests::literal).toList());
        return this;
    }

    public void forgetAll() {
        names.clear();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> addresses = names.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    }

    private static InetAddress literal(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException notALiteral) {
            throw new IllegalArgumentException("not an IP literal: " + literal, notALiteral);
        }
    }
}
