package dev.orderpay.adapter.rest.connection;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The deadlines of one HTTP/1.1 connection. A request must arrive completely within the request read timeout of
 * its first byte; a connection with nothing in progress is closed after the keep-alive timeout; while a complete
 * request waits for its response, nothing is timed, however long the handler takes.
 * <p>
 * Two handlers feed it: one before the HTTP codec sees the first raw bytes of a request (a half-sent request line
 * never reaches the codec's output), one after it sees where a request ends and where its response ends. All of
 * it runs on the connection's event loop, so the state needs no locking.
 */
final class ConnectionDeadlines {

    private enum Deadline { REQUEST_READ, KEEP_ALIVE }

    private final Channel channel;
    private final Duration requestReadTimeout;
    private final Duration keepAliveTimeout;

    /** The first bytes of a request have arrived and its end has not been decoded yet. */
    private boolean receiving;
    // Responses leave in the order their requests came, so a request is being handled while more requests have
    // been received than answered.
    private long requestsReceived;
    private long responsesWritten;

    private Deadline armed;
    private ScheduledFuture<?> closing;

    private ConnectionDeadlines(Channel channel, Duration requestReadTimeout, Duration keepAliveTimeout) {
        this.channel = channel;
        this.requestReadTimeout = requestReadTimeout;
        this.keepAliveTimeout = keepAliveTimeout;
    }

    /** Watches an HTTP/1.1 pipeline; any other (HTTP/2 has no such codec) is left alone. */
    static void watch(Channel channel, Duration requestReadTimeout, Duration keepAliveTimeout) {
        ChannelPipeline pipeline = channel.pipeline();
        String codec = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
        if (pipeline.get(codec) == null) {
            return;
        }
        ConnectionDeadlines deadlines = new ConnectionDeadlines(channel, requestReadTimeout, keepAliveTimeout);
        pipeline.addBefore(codec, "orderpay-request-start", deadlines.new RequestStartWatcher());
        pipeline.addAfter(codec, "orderpay-exchange", deadlines.new ExchangeWatcher());
        channel.closeFuture().addListener(closed -> deadlines.disarm());
        deadlines.rearm();
    }

    private void requestStarted() {
        receiving = true;
        rearm();
    }

    private void requestReceived() {
        receiving = false;
        requestsReceived++;
        rearm();
    }

    private void responseWritten() {
        responsesWritten++;
        rearm();
    }

    /** Keeps a deadline that is still the right one counting from when it was set, so trickled bytes gain nothing. */
    private void rearm() {
        Deadline due = requestsReceived > responsesWritten ? null
                : receiving ? Deadline.REQUEST_READ
                : Deadline.KEEP_ALIVE;
        if (due == armed) {
            return;
        }
        disarm();
        if (due != null) {
            Duration timeout = due == Deadline.REQUEST_READ ? requestReadTimeout : keepAliveTimeout;
            armed = due;
            Runnable close = channel::close;
            closing = channel.eventLoop().schedule(close, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void disarm() {
        if (closing != null) {
            closing.cancel(false);
            closing = null;
        }
        armed = null;
    }

    /** Before the codec: any bytes while no request is under way are the start of the next one. */
    private final class RequestStartWatcher extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!receiving && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                requestStarted();
            }
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * After the codec. A request whose first bytes came in the same read as the end of the one before is seen here
     * once its headers are decoded; until then only the keep-alive timeout bounds it.
     */
    private final class ExchangeWatcher extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                requestStarted();
            }
            if (msg instanceof LastHttpContent) {
                requestReceived();
            }
            ctx.fireChannelRead(msg);
        }

        /*
         * The keep-alive timeout starts when the handler hands over the end of its response, not when the client has
         * read it, so a client that never reads cannot hold the connection either. A 100 Continue is not an answer.
         */
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            boolean informational = msg instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (msg instanceof LastHttpContent && !informational) {
                responseWritten();
            }
            ctx.write(msg, promise);
        }
    }
}
