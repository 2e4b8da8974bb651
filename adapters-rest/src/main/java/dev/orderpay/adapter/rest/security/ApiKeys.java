package dev.orderpay.adapter.rest.security;

import dev.orderpay.domain.access.ApiKeyDigest;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API keys from the environment, {@code orderpay.api-keys}: comma-separated, each the key itself or
 * {@code sha256:} and the hex digest of the key. They hold every scope and are not managed through the API. Only
 * digests are kept, and a presented key is compared by its digest, so neither a key's length nor its characters
 * show in how long a comparison takes. Created at startup, so a malformed entry stops the service before it takes
 * requests.
 */
@Context
@Requires(property = ApiKeys.AUTH_ENABLED, notEquals = "false")
public final class ApiKeys {

    public static final String AUTH_ENABLED = "orderpay.auth.enabled";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
    private static final String HASHED = "sha256:";
    private static final int DIGEST_HEX_DIGITS = 64;
    // Six bytes name a client well enough to tell keys apart in logs and idempotency records, and reveal nothing.
    private static final int CLIENT_ID_BYTES = 6;

    private final List<ApiKeyDigest> digests;

    ApiKeys(@Value("${orderpay.api-keys:}") String configured) {
        this.digests = parse(configured);
        if (digests.isEmpty()) {
            LOG.info("No API keys in orderpay.api-keys: only managed keys are accepted"
                    + " (create the first with: java -jar orderpay.jar keys create --name <name> --scopes <scopes>).");
        }
    }

    /** Whether there is any: then every scope, {@code keys:manage} included, stays with someone. */
    public boolean any() {
        return !digests.isEmpty();
    }

    /** The client of each key, in the order they are configured. */
    public List<String> clients() {
        return digests.stream().map(ApiKeys::clientId).toList();
    }

    /** The client whose key this is, if it is one of the configured keys. */
    Optional<String> clientOf(ApiKeyDigest presented) {
        ApiKeyDigest matched = null;
        // Every digest is compared, so the time taken does not tell which entry, if any, matched.
        for (ApiKeyDigest digest : digests) {
            if (digest.matches(presented)) {
                matched = digest;
            }
        }
        return Optional.ofNullable(matched).map(ApiKeys::clientId);
    }

    /** A stable, non-secret name for the key: it survives restarts and a switch to the hashed form. */
    static String clientId(ApiKeyDigest digest) {
        return "key-" + digest.hexPrefix(CLIENT_ID_BYTES);
    }

    private static List<ApiKeyDigest> parse(String configured) {
        List<ApiKeyDigest> parsed = new ArrayList<>();
        String[] entries = configured.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (!entry.toLowerCase(Locale.ROOT).startsWith(HASHED)) {
                parsed.add(ApiKeyDigest.of(entry));
                continue;
            }
            String hex = entry.substring(HASHED.length());
            if (hex.length() != DIGEST_HEX_DIGITS || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                // The entry itself is not shown: it may be a key pasted in the wrong form.
                throw new ConfigurationException("Entry " + (i + 1) + " of orderpay.api-keys: " + HASHED
                        + " must be followed by the " + DIGEST_HEX_DIGITS + " hex digits of the key's SHA-256 digest");
            }
            parsed.add(ApiKeyDigest.fromBytes(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT))));
        }
        return List.copyOf(parsed);
    }
}
