package dev.orderpay.application.port.out;

import java.net.URI;
import java.util.Objects;

/**
 * Where this service is reached from outside ({@code orderpay.public-url}): the base of every address handed to a
 * provider or a buyer. Checked and normalised once, without a trailing slash, so that {@link #resolve} always joins
 * with exactly one; a path the base has (a service behind {@code https://example.test/shop/}) is kept.
 */
public record PublicBaseUrl(URI uri) {

    public PublicBaseUrl {
        Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("orderpay.public-url must be an absolute URL, was " + uri);
        }
        String text = uri.toString();
        if (text.endsWith("/")) {
            uri = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** The configured text, with or without a trailing slash. */
    public static PublicBaseUrl of(String configured) {
        return new PublicBaseUrl(URI.create(configured));
    }

    /** This service's own route under the base; {@code absolutePath} starts with a slash. */
    public URI resolve(String absolutePath) {
        if (!absolutePath.startsWith("/")) {
            throw new IllegalArgumentException("a route of this service starts with a slash, was " + absolutePath);
        }
        // Appended, not URI.resolve: resolving "/x" against "https://example.test/shop" would drop "/shop".
        return URI.create(uri + absolutePath);
    }
}
