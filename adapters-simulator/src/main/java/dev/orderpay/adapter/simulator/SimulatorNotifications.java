package dev.orderpay.adapter.simulator;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.UnauthenticNotificationException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.QueryStringDecoder;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulator's server-to-server notifications: a GET to the order's notification URL carrying the same
 * parameters as the buyer's return, signed in {@value #SIGNATURE_HEADER} with an HMAC-SHA256 (hex) of the path
 * and query as sent. The key is random and lives only in this instance, which both signs and checks: a
 * notification can only come from the simulator of the instance that receives it, and none survives a restart.
 * Delivery is best effort, once, in the background; the buyer's return and reconciliation settle the order
 * without it.
 */
@Singleton
@Requires(property = "payments.provider", value = "simulator")
final class SimulatorNotifications {

    static final String SIGNATURE_HEADER = "Simulator-Signature";
    static final String DELIVERY_HEADER = "Simulator-Delivery";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorNotifications.class);

    private final HttpClient client;
    private final ExecutorService background;
    private final byte[] key;

    SimulatorNotifications(HttpClient client, @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.client = client;
        this.background = background;
        this.key = new byte[32];
        new SecureRandom().nextBytes(key);
    }

    /** Sends the notification in the background and returns at once; a failed delivery is only logged. */
    void send(URI notificationUrl, Map<String, String> parameters) {
        HttpRequest<?> notification = signed(notificationUrl, parameters);
        background.execute(() -> deliver(notificationUrl, notification));
    }

    /** The notification as it goes on the wire: the parameters appended to the URL, signed, a new delivery id. */
    HttpRequest<?> signed(URI notificationUrl, Map<String, String> parameters) {
        UriBuilder target = UriBuilder.of(notificationUrl);
        parameters.forEach(target::queryParam);
        URI uri = target.build();
        return HttpRequest.GET(uri.toString())
                .header(SIGNATURE_HEADER, sign(signedText(uri.getRawPath(), uri.getRawQuery())))
                .header(DELIVERY_HEADER, UUID.randomUUID().toString());
    }

    /**
     * The notification's parameters, read from the query exactly as it was signed.
     *
     * @throws UnauthenticNotificationException if the signature is missing or does not match the path and query
     */
    Map<String, List<String>> authenticate(InboundNotification notification) {
        byte[] claimed = notification.header(SIGNATURE_HEADER).map(SimulatorNotifications::hexOrEmpty)
                .orElseThrow(() -> new UnauthenticNotificationException(SIGNATURE_HEADER + " is missing"));
        byte[] expected = HmacSha256.of(key, signedText(notification.path(), notification.rawQuery()));
        if (!MessageDigest.isEqual(expected, claimed)) {
            throw new UnauthenticNotificationException(SIGNATURE_HEADER + " does not match the notification");
        }
        return new QueryStringDecoder(notification.rawQuery(), false).parameters();
    }

    private void deliver(URI notificationUrl, HttpRequest<?> notification) {
        try {
            client.toBlocking().exchange(notification);
        } catch (HttpClientResponseException refused) {
            LOG.warn("the simulator's notification to {} was answered {}", notificationUrl, refused.code());
        } catch (HttpClientException unreachable) {
            LOG.warn("the simulator could not notify {}: {}", notificationUrl, unreachable.getMessage());
        }
    }

    static String signedText(String rawPath, String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    private String sign(String text) {
        return HexFormat.of().formatHex(HmacSha256.of(key, text));
    }

    /** A signature that is not hex matches nothing: an empty array never equals a 32-byte HMAC. */
    private static byte[] hexOrEmpty(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return new byte[0];
        }
    }
}
