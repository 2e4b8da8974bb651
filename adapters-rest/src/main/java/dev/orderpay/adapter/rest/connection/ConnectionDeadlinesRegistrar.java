package dev.orderpay.adapter.rest.connection;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Gives every connection the server accepts its {@link ConnectionDeadlines}. Micronaut's own {@code idle-timeout}
 * cannot do this: it closes a connection on which nothing was read or written for a while, which includes one
 * whose request is still being handled.
 */
@Singleton
final class ConnectionDeadlinesRegistrar implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final Duration requestReadTimeout;
    private final Duration keepAliveTimeout;

    ConnectionDeadlinesRegistrar(@Value("${orderpay.request-read-timeout}") Duration requestReadTimeout,
                                 @Value("${orderpay.keep-alive-timeout}") Duration keepAliveTimeout) {
        this.requestReadTimeout = positive("orderpay.request-read-timeout", requestReadTimeout);
        this.keepAliveTimeout = positive("orderpay.keep-alive-timeout", keepAliveTimeout);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new OnConnection(channel) : this;
            }
        });
        return event.getBean();
    }

    /** The pipeline is complete only once Micronaut knows which HTTP version the connection speaks. */
    private final class OnConnection implements NettyServerCustomizer {
        private final Channel channel;

        OnConnection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ConnectionDeadlines.watch(channel, requestReadTimeout, keepAliveTimeout);
        }
    }

    private static Duration positive(String property, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException(property + " must be longer than zero, not " + timeout);
        }
        return timeout;
    }
}
