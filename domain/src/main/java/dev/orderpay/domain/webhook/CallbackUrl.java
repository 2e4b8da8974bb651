package dev.orderpay.domain.webhook;

import java.net.URI;
import java.util.Objects;

/**
 * Where an order's own events also go, as the merchant gave it with the order ({@code callback_url}); signed with the
 * service-wide callback secret rather than an endpoint's.
 */
public record CallbackUrl(URI value) {

    public static final String FIELD = "callback_url";

    public CallbackUrl {
        Objects.requireNonNull(value, "value");
        if (!value.isAbsolute() || value.getHost() == null) {
            throw new IllegalArgumentException("a callback URL is absolute, with a host");
        }
    }

    /** @throws dev.orderpay.domain.InvalidValueException naming {@value #FIELD} when the text is no such URL */
    public static CallbackUrl parse(String text) {
        return new CallbackUrl(WebhookUrl.parse(FIELD, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
