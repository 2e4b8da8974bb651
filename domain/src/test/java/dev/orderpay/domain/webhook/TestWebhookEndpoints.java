package dev.orderpay.domain.webhook;

import dev.orderpay.domain.event.EventType;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints for tests: {@code anEndpoint().subscribedTo(ORDER_CAPTURED).build()}. */
public final class TestWebhookEndpoints {

    public static final Instant CREATED_AT = Instant.parse("2026-03-08T12:00:00.123456Z");
    public static final SigningSecret SECRET = new SigningSecret("whsec_test-secret-1");

    private TestWebhookEndpoints() {
    }

    public static Builder anEndpoint() {
        return new Builder();
    }

    public static final class Builder {
        private WebhookEndpointId id = WebhookEndpointId.newId();
        private URI url = URI.create("https://merchant.example.test/webhooks");
        private EventSelection events = EventSelection.all();
        private Optional<String> description = Optional.empty();
        private Instant createdAt = CREATED_AT;
        private SigningSecret secret = SECRET;

        public Builder withId(WebhookEndpointId newId) {
            id = newId;
            return this;
        }

        public Builder at(String newUrl) {
            url = URI.create(newUrl);
            return this;
        }

        public Builder subscribedTo(EventType... types) {
            events = EventSelection.only(List.of(types));
            return this;
        }

        public Builder describedAs(String text) {
            description = Optional.of(text);
            return this;
        }

        public Builder createdAt(Instant instant) {
            createdAt = instant;
            return this;
        }

        public Builder signingWith(SigningSecret newSecret) {
            secret = newSecret;
            return this;
        }

        public WebhookEndpoint build() {
            return WebhookEndpoint.register(id, url, events, description, secret, createdAt);
        }
    }
}
