package dev.orderpay.application.port.out.webhook;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/** One webhook call: a {@code POST} of {@code body} (JSON, sent as UTF-8) to {@code url} with these headers. */
public record WebhookRequest(URI url, Map<String, String> headers, String body) {

    public WebhookRequest {
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
