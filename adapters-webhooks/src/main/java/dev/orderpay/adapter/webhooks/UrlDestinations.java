package dev.orderpay.adapter.webhooks;

import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go: an absolute {@code https} URL naming a host, without user information or a fragment, whose
 * host resolves and (in production) only to public addresses. Outside production, or with
 * {@code orderpay.webhook.allow-private}, {@code http} and every address are allowed too. A refusal names the rule
 * that was broken and never repeats the URL, whose query may carry the merchant's token.
 */
@Singleton
class UrlDestinations implements WebhookDestinations {

    private final DestinationPolicy policy;
    private final DestinationAddresses addresses;

    UrlDestinations(DestinationPolicy policy, DestinationAddresses addresses) {
        this.policy = policy;
        this.addresses = addresses;
    }

    @Override
    public Optional<String> refusal(URI url) {
        Optional<String> malformed = shapeRefusal(url);
        if (malformed.isPresent()) {
            return malformed;
        }
        if (addresses.resolve(url.getHost()) instanceof DestinationAddresses.Refused refused) {
            return Optional.of(refused.reason());
        }
        return Optional.empty();
    }

    private Optional<String> shapeRefusal(URI url) {
        if (!url.isAbsolute() || url.isOpaque()) {
            return Optional.of("must be an absolute URL such as https://example.com/webhooks");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        boolean allowedHttp = scheme.equals("http") && policy.privateNetworksAllowed();
        if (!https && !allowedHttp) {
            return Optional.of(policy.privateNetworksAllowed() ? "must use https (or http)" : "must use https");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password before the host");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Optional.of("must name a valid host");
        }
        if (url.getRawFragment() != null) {
            return Optional.of("must not carry a fragment (#...)");
        }
        return Optional.empty();
    }
}
