package dev.orderpay.adapter.webhooks;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The URL rules that need no resolution, checked when a URL is registered and again before each call. */
final class UrlShape {

    private UrlShape() {
    }

    /** Which rule the URL breaks, or empty. The words never repeat the URL. */
    static Optional<String> refusal(URI url, boolean privateNetworksAllowed) {
        if (!url.isAbsolute() || url.isOpaque()) {
            return Optional.of("must be an absolute URL such as https://example.com/webhooks");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https") || (scheme.equals("http") && privateNetworksAllowed);
        if (!allowed) {
            return Optional.of(privateNetworksAllowed ? "must use https (or http)" : "must use https");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password before the host");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Optional.of("must name a valid host");
        }
        if (url.getPort() == 0 || url.getPort() > 65535) {
            return Optional.of("must use a port from 1 to 65535");
        }
        if (url.getRawFragment() != null) {
            return Optional.of("must not carry a fragment (#...)");
        }
        return Optional.empty();
    }
}
