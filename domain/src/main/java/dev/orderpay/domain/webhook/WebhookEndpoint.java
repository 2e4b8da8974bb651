package dev.orderpay.domain.webhook;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.PlainText;
import dev.orderpay.domain.event.EventType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a merchant wants to be told about events: a URL, the event types it receives, and the secret its webhooks
 * are signed with. A disabled endpoint says why. Whether the URL may receive webhooks at all is not the endpoint's
 * rule but the sender's (the application asks before an endpoint is registered or moved).
 */
public final class WebhookEndpoint {

    public static final int MAX_DESCRIPTION_LENGTH = 255;
    public static final int MAX_DISABLED_REASON_LENGTH = 255;

    private final WebhookEndpointId id;
    private final Instant createdAt;
    private final long version;
    private URI url;
    private EventSelection events;
    private String description;
    private Disabled disabled;
    private SigningSecret secret;
    private PreviousSecret previousSecret;

    /** Why and since when an endpoint receives nothing. */
    public record Disabled(String reason, Instant since) {
        public Disabled {
            PlainText.require("disabled reason", reason, MAX_DISABLED_REASON_LENGTH);
            Objects.requireNonNull(since, "since");
        }
    }

    private WebhookEndpoint(WebhookEndpointId id, URI url, EventSelection events, String description,
                            Instant createdAt, Disabled disabled, SigningSecret secret, PreviousSecret previousSecret,
                            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.url = requireAbsolute(url);
        this.events = Objects.requireNonNull(events, "events");
        this.description = description == null ? null : requireValidDescription(description);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.disabled = disabled;
        this.secret = Objects.requireNonNull(secret, "secret");
        this.previousSecret = previousSecret;
        this.version = version;
    }

    /** A new endpoint, enabled, signing with {@code secret}. */
    public static WebhookEndpoint register(WebhookEndpointId id, URI url, EventSelection events,
                                           Optional<String> description, SigningSecret secret, Instant now) {
        return new WebhookEndpoint(id, url, events, description.orElse(null), now, null, secret, null, 0);
    }

    /**
     * An endpoint as it was stored, taken as it is.
     *
     * @param description    null when it has none
     * @param disabled       null when it is enabled
     * @param previousSecret null unless a rotation replaced a secret
     * @param version        the storage's concurrency token, handed back unchanged when the endpoint is saved
     */
    public static WebhookEndpoint rehydrate(WebhookEndpointId id, URI url, EventSelection events, String description,
                                            Instant createdAt, Disabled disabled, SigningSecret secret,
                                            PreviousSecret previousSecret, long version) {
        return new WebhookEndpoint(id, url, events, description, createdAt, disabled, secret, previousSecret,
                version);
    }

    /** Receives events again; the reason it was disabled is gone with it. */
    public void enable() {
        disabled = null;
    }

    /**
     * Receives nothing until enabled again. Disabling a disabled endpoint changes nothing: the first reason stands.
     *
     * @return whether the endpoint was enabled until now
     */
    public boolean disable(String reason, Instant now) {
        if (disabled != null) {
            return false;
        }
        disabled = new Disabled(reason, now);
        return true;
    }

    public void moveTo(URI newUrl) {
        url = requireAbsolute(newUrl);
    }

    public void changeEventTypes(EventSelection newEvents) {
        events = Objects.requireNonNull(newEvents, "newEvents");
    }

    /** Sets the description, or removes it when empty. */
    public void describe(Optional<String> newDescription) {
        description = newDescription.map(WebhookEndpoint::requireValidDescription).orElse(null);
    }

    /**
     * Signs with {@code newSecret} from now on, and with the current secret too for {@code overlap}, so that receivers
     * can switch without rejecting a webhook. Only one secret is kept beside the current one: rotating again within
     * the overlap retires the oldest at once.
     */
    public void rotateSecret(SigningSecret newSecret, Instant now, Duration overlap) {
        Objects.requireNonNull(newSecret, "newSecret");
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("a secret cannot stop signing before it was replaced");
        }
        previousSecret = overlap.isZero() ? null : new PreviousSecret(secret, now.plus(overlap));
        secret = newSecret;
    }

    /** The secrets a webhook sent at {@code now} is signed with: the current one first. */
    public List<SigningSecret> secretsInForce(Instant now) {
        if (previousSecret != null && previousSecret.signsAt(now)) {
            return List.of(secret, previousSecret.secret());
        }
        return List.of(secret);
    }

    /** Whether events of this type are for this endpoint, enabled or not. */
    public boolean subscribesTo(EventType type) {
        return events.includes(type);
    }

    public WebhookEndpointId id() {
        return id;
    }

    public URI url() {
        return url;
    }

    public EventSelection events() {
        return events;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public boolean enabled() {
        return disabled == null;
    }

    /** Why the endpoint receives nothing; empty while it is enabled. */
    public Optional<Disabled> disabled() {
        return Optional.ofNullable(disabled);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The secret webhooks are signed with now. */
    public SigningSecret secret() {
        return secret;
    }

    /** The secret the last rotation replaced, with when it stops (or stopped) signing; empty if none was. */
    public Optional<PreviousSecret> previousSecret() {
        return Optional.ofNullable(previousSecret);
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        // No secrets: an endpoint may end up in a log line or an exception's message.
        return "WebhookEndpoint[" + id + " " + url + " " + events + (disabled == null ? "" : " disabled") + "]";
    }

    private static URI requireAbsolute(URI url) {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute()) {
            throw new InvalidValueException("url", "must be an absolute URL");
        }
        return url;
    }

    private static String requireValidDescription(String description) {
        return PlainText.require("description", description, MAX_DESCRIPTION_LENGTH);
    }
}
