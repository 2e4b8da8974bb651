package dev.orderpay.adapter.webhooks;

import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.client.exceptions.ResponseClosedException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A failed call in a few words for {@code NotAnswered.error}: what went wrong, never the URL (its query may carry a
 * token), the addresses, a header or the body.
 */
final class CallFailures {

    private CallFailures() {
    }

    static String describe(Throwable failure, Duration timeout) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CheckedAddressResolverGroup.RefusedAtConnection refused) {
                return "not connected: " + refused.getMessage();
            }
            if (cause instanceof TimeoutException) {
                // the sender's own deadline is not a failure of the call: this is the pool's, for a free connection
                return "not sent: every connection to the receiver stayed busy";
            }
            if (cause instanceof ReadTimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException) {
                return "no answer within " + inWords(timeout);
            }
            if (cause instanceof UnknownHostException) {
                return "not connected: the host name does not resolve";
            }
            if (cause instanceof SSLException) {
                return "TLS failed: " + firstClause(cause.getMessage());
            }
            if (cause instanceof ConnectException) {
                return "could not connect: " + firstClause(cause.getMessage());
            }
            if (cause instanceof ClosedChannelException || cause instanceof ResponseClosedException
                    || cause instanceof SocketException) {
                return "the connection closed before an answer";
            }
        }
        return "the call failed (" + failure.getClass().getSimpleName() + ")";
    }

    /** The start of a message up to its first colon, where JDK and Netty messages put the address or details. */
    private static String firstClause(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        int colon = message.indexOf(':');
        String clause = (colon < 0 ? message : message.substring(0, colon)).trim();
        return clause.length() > 80 ? clause.substring(0, 80) : clause;
    }

    static String inWords(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
