package dev.orderpay.adapter.webhooks;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.resolver.SimpleNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The webhook client's name resolution (Micronaut's {@code address-resolver-group-name}, set by
 * {@link WebhookClientConfiguration}): every connection the client opens resolves its host here, through
 * {@link DestinationAddresses}, so the address rules are applied to the very addresses it connects to. A name that
 * now resolves to a forbidden address (DNS rebinding) fails before any connection is attempted.
 */
@Singleton
@Named(CheckedAddressResolverGroup.NAME)
class CheckedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    static final String NAME = "orderpay-webhooks";

    private final DestinationAddresses addresses;

    CheckedAddressResolverGroup(DestinationAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new CheckedNameResolver(executor, addresses));
    }

    /** Why a connection was not even attempted; its message is the rule's words, without the URL or addresses. */
    static final class RefusedAtConnection extends Exception {

        RefusedAtConnection(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final class CheckedNameResolver extends SimpleNameResolver<InetAddress> {

        private final DestinationAddresses addresses;

        CheckedNameResolver(EventExecutor executor, DestinationAddresses addresses) {
            super(executor);
            this.addresses = addresses;
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            DestinationAddresses.Resolution resolution = addresses.resolve(host);
            if (resolution instanceof DestinationAddresses.Allowed allowed) {
                promise.setSuccess(allowed.addresses().get(0));
            } else {
                promise.setFailure(new RefusedAtConnection(((DestinationAddresses.Refused) resolution).reason()));
            }
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            DestinationAddresses.Resolution resolution = addresses.resolve(host);
            if (resolution instanceof DestinationAddresses.Allowed allowed) {
                promise.setSuccess(allowed.addresses());
            } else {
                promise.setFailure(new RefusedAtConnection(((DestinationAddresses.Refused) resolution).reason()));
            }
        }
    }
}
