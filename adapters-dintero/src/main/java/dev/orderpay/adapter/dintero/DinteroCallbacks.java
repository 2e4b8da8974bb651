package dev.orderpay.adapter.dintero;

import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.UnauthenticNotificationException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a callback comes from Dintero. With a callback secret configured, Dintero signs each callback in
 * its {@code Dintero-Signature} header: {@code t=<unix seconds>,v0-hmac-sha256=<hex>}, an HMAC-SHA256 under the
 * secret of {@code "<t>\n<account id>\n<METHOD>\n<hostname>\n<path>\n<query>"}, where the query holds the
 * callback's parameters sorted by name, then value, form-encoded (a space is {@code +}). The body is not signed
 * and never read. Without a secret every callback is accepted: it only points at a payment, which is fetched
 * from Dintero and checked before anything changes.
 */
@Singleton
@Requires(property = "payments.provider", value = "dintero", defaultValue = "dintero")
final class DinteroCallbacks {

    static final String SIGNATURE_HEADER = "Dintero-Signature";
    /** Dintero's recommendation: wide enough for clock drift and delivery delays, short enough to limit replays. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SIGNATURE_SCHEME = "v0-hmac-sha256";
    private static final Logger LOG = LoggerFactory.getLogger(DinteroCallbacks.class);

    private final DinteroConfiguration configuration;
    private final Clock clock;

    @Inject
    DinteroCallbacks(DinteroConfiguration configuration, @Nullable Clock clock) {
        this.configuration = configuration;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    @EventListener
    void warnIfUnsigned(StartupEvent started) {
        if (!configuration.signsCallbacks()) {
            LOG.warn("dintero.callback-secret is not set: Dintero callbacks are accepted without checking a "
                    + "signature (each still only leads to a payment fetched from Dintero)");
        }
    }

    /**
     * The callback's query parameters, once they are shown to come from Dintero.
     *
     * @throws UnauthenticNotificationException if the query cannot be read, or a secret is configured and the
     *                                          signature is missing, unreadable, stale or wrong
     */
    Map<String, List<String>> authenticate(InboundNotification callback) {
        Map<String, List<String>> parameters = parameters(callback);
        if (configuration.signsCallbacks()) {
            checkSignature(callback, parameters);
        }
        return parameters;
    }

    private void checkSignature(InboundNotification callback, Map<String, List<String>> parameters) {
        SignatureHeader header = SignatureHeader.parse(callback.headers()
                .getOrDefault(SIGNATURE_HEADER.toLowerCase(Locale.ROOT), List.of()));
        Instant signedAt = Instant.ofEpochSecond(header.timestamp());
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            throw new UnauthenticNotificationException(SIGNATURE_HEADER + " was made at " + signedAt
                    + ", more than " + TOLERANCE.toMinutes() + " minutes from now");
        }
        byte[] expected = HmacSha256.of(configuration.callbackSecret(),
                signedText(header.timestamp(), callback, parameters));
        // Each candidate is compared in constant time; several appear while Dintero rotates the secret.
        boolean matches = false;
        for (byte[] candidate : header.signatures()) {
            matches |= MessageDigest.isEqual(expected, candidate);
        }
        if (!matches) {
            throw new UnauthenticNotificationException(SIGNATURE_HEADER + " does not match the callback");
        }
    }

    private String signedText(long timestamp, InboundNotification callback, Map<String, List<String>> parameters) {
        return timestamp + "\n" + configuration.accountId() + "\n" + callback.method().toUpperCase(Locale.ROOT)
                + "\n" + hostname(callback.host()) + "\n" + callback.path() + "\n" + sortedQuery(parameters);
    }

    /**
     * The parameters as they arrived on the wire, so that what is checked is exactly what was signed; the decoded
     * map is used only when the raw query was not kept.
     */
    private static Map<String, List<String>> parameters(InboundNotification callback) {
        if (callback.rawQuery().isEmpty()) {
            return callback.query();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        try {
            for (String pair : callback.rawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.computeIfAbsent(formDecoded(name), key -> new ArrayList<>()).add(formDecoded(value));
            }
        } catch (IllegalArgumentException malformedEscape) {
            throw new UnauthenticNotificationException("the callback's query cannot be read");
        }
        return parameters;
    }

    private static String sortedQuery(Map<String, List<String>> parameters) {
        return parameters.entrySet().stream()
                .flatMap(parameter -> parameter.getValue().stream().map(value -> Map.entry(parameter.getKey(), value)))
                .sorted(Entry.<String, String>comparingByKey().thenComparing(Entry.comparingByValue()))
                .map(parameter -> formEncoded(parameter.getKey()) + "=" + formEncoded(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The host's name without a port, lower case, as a URL parser gives it; an IPv6 literal keeps its brackets. */
    private static String hostname(String host) {
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
        return (end <= 0 ? host : host.substring(0, end)).toLowerCase(Locale.ROOT);
    }

    private static String formDecoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Form encoding: letters, digits and {@code * - . _} stay, a space becomes {@code +}, the rest %XX. */
    private static String formEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The parts of a {@code Dintero-Signature} header this service understands; other schemes are ignored. */
    private record SignatureHeader(long timestamp, List<byte[]> signatures) {

        static SignatureHeader parse(List<String> headerValues) {
            Long timestamp = null;
            List<byte[]> signatures = new ArrayList<>();
            for (String value : headerValues) {
                for (String part : value.split(",")) {
                    int equals = part.indexOf('=');
                    if (equals < 0) {
                        continue;
                    }
                    String key = part.substring(0, equals).strip();
                    String content = part.substring(equals + 1).strip();
                    if (key.equals("t")) {
                        if (timestamp != null || !content.matches("\\d{1,12}")) {
                            throw unreadable();
                        }
                        timestamp = Long.parseLong(content);
                    } else if (key.equals(SIGNATURE_SCHEME)) {
                        signatures.add(hexOrEmpty(content));
                    }
                }
            }
            if (timestamp == null || signatures.isEmpty()) {
                throw unreadable();
            }
            return new SignatureHeader(timestamp, signatures);
        }

        /** A signature that is not hex matches nothing; an empty array never equals a 32-byte HMAC. */
        private static byte[] hexOrEmpty(String hex) {
            try {
                return HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException notHex) {
                return new byte[0];
            }
        }

        private static UnauthenticNotificationException unreadable() {
            return new UnauthenticNotificationException(SIGNATURE_HEADER + " is missing or cannot be read");
        }
    }
}
