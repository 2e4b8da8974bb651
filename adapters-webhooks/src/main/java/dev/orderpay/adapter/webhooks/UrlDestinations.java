package dev.orderpay.adapter.webhooks;

import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import jakarta.inject.Singleton;

import java.net.URI;
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
        Optional<String> malformed = UrlShape.refusal(url, policy.privateNetworksAllowed());
        if (malformed.isPresent()) {
            return malformed;
        }
        if (addresses.resolve(url.getHost()) instanceof DestinationAddresses.Refused refused) {
            return Optional.of(refused.reason());
        }
        return Optional.empty();
    }
}
