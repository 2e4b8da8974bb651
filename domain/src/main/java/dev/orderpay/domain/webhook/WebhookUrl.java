package dev.orderpay.domain.webhook;

import dev.orderpay.domain.InvalidValueException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The shape every address webhooks are posted to must have, whoever gives it (an endpoint's {@code url}, an order's
 * {@code callback_url}). Whether webhooks may go there (scheme, address) is the sender's rule, checked apart.
 */
public final class WebhookUrl {

    /** Longer than any address a merchant needs, short enough to show back and to log. */
    public static final int MAX_LENGTH = 2048;

    private WebhookUrl() {
    }

    /**
     * An absolute URL with a host and without credentials.
     *
     * @param field the name the merchant gave the value, for the {@link InvalidValueException}
     * @throws InvalidValueException naming {@code field} when the text is no such URL
     */
    public static URI parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidValueException(field, "must be at most " + MAX_LENGTH + " characters");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException notAUrl) {
            throw new InvalidValueException(field, "must be a URL");
        }
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new InvalidValueException(field, "must be an absolute URL with a host");
        }
        if (url.getRawUserInfo() != null) {
            // It is shown back in every answer about it: no credentials in it.
            throw new InvalidValueException(field, "must not carry a user name or password");
        }
        return url;
    }
}
