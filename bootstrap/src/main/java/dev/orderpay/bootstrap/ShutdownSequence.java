package dev.orderpay.bootstrap;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.runtime.graceful.GracefulShutdownManager;
import io.netty.channel.Channel;
import io.netty.channel.nio.AbstractNioChannel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a stopping instance does, in order, within {@code orderpay.shutdown-grace}: it accepts the connections the
 * kernel has queued and closes its listening sockets (new connections are refused from then on), gives the connections it has already accepted a moment to hand over
 * requests their clients have sent, and then runs Micronaut's graceful shutdown: requests in flight are answered,
 * idle connections closed, the jobs stopped and their claims let go.
 * <p>
 * Micronaut's own graceful shutdown (off in application.yml) closes the listener and the idle connections at the same
 * moment, so a connection accepted just before, whose request the server had not read yet, was closed unanswered and
 * its client saw a reset. Refused connections are safe for a client to retry elsewhere; a reset request is not.
 */
@Singleton
final class ShutdownSequence implements BeanCreatedEventListener<NettyServerCustomizer.Registry>,
        ApplicationEventListener<ShutdownEvent>, Ordered {

    // A client writes its request right after its connection is made; a few event-loop turns read it.
    private static final Duration REQUESTS_ALREADY_SENT = Duration.ofMillis(200);
    // Each read accepts up to the listener's messages per read (16): enough for a full default backlog.
    private static final int QUEUED_CONNECTION_BATCHES = 32;

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    private final Set<Channel> listeners = ConcurrentHashMap.newKeySet();
    // Looked up at shutdown: the manager holds the server, which is built after this listener.
    private final BeanProvider<GracefulShutdownManager> gracefulShutdown;
    private final Duration grace;

    ShutdownSequence(BeanProvider<GracefulShutdownManager> gracefulShutdown,
                     @Value("${orderpay.shutdown-grace}") Duration grace) {
        this.gracefulShutdown = gracefulShutdown;
        this.grace = grace;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                if (role == ChannelRole.LISTENER) {
                    listeners.add(channel);
                }
                return this;
            }
        });
        return event.getBean();
    }

    @Override
    public void onApplicationEvent(ShutdownEvent stopping) {
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (Channel listener : listeners) {
                listener.eventLoop().submit(() -> acceptQueuedThenClose(listener)).await(remainingMillis(deadline));
                listener.closeFuture().await(remainingMillis(deadline));
            }
            Thread.sleep(Math.min(REQUESTS_ALREADY_SENT.toMillis(), remainingMillis(deadline)));
            gracefulShutdown.get().shutdownGracefully().toCompletableFuture()
                    .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException failed) {
            LOG.warn("Graceful shutdown failed; stopping anyway", failed.getCause());
        } catch (TimeoutException graceRanOut) {
            LOG.warn("The shutdown grace of {} ran out; what is still running is cut", grace);
        }
    }

    /**
     * The kernel completes connections before the server accepts them; closing the listener resets those still in its
     * queue, though their clients have sent their requests. On the listener's own event loop, with nothing between
     * the two steps, the queue is accepted (each read takes a batch) and the listener closed: only a connection made
     * in that instant can still be reset.
     */
    private static void acceptQueuedThenClose(Channel listener) {
        if (listener.unsafe() instanceof AbstractNioChannel.NioUnsafe nio) {
            for (int batch = 0; batch < QUEUED_CONNECTION_BATCHES && listener.isOpen(); batch++) {
                nio.read();
            }
        }
        listener.close();
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** Before every other listener of the shutdown, as Micronaut's graceful shutdown would be. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
