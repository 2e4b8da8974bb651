package dev.orderpay.application.service;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointCommand;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointResult;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointUseCase;
import dev.orderpay.application.port.in.webhook.DeleteWebhookEndpointUseCase;
import dev.orderpay.application.port.in.webhook.GetWebhookEndpointUseCase;
import dev.orderpay.application.port.in.webhook.ListWebhookEndpointsUseCase;
import dev.orderpay.application.port.in.webhook.RotateWebhookSecretUseCase;
import dev.orderpay.application.port.in.webhook.RotatedSecret;
import dev.orderpay.application.port.in.webhook.UpdateWebhookEndpointCommand;
import dev.orderpay.application.port.in.webhook.UpdateWebhookEndpointUseCase;
import dev.orderpay.application.port.in.webhook.WebhookEndpointBusyException;
import dev.orderpay.application.port.in.webhook.WebhookEndpointNotFoundException;
import dev.orderpay.application.port.out.IdempotentAnswers;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.IdempotentRequests.Hold;
import dev.orderpay.application.port.out.IdempotentRequests.TakenOver;
import dev.orderpay.application.port.out.webhook.ConcurrentWebhookEndpointUpdateException;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.application.service.KeyedRequests.Fresh;
import dev.orderpay.application.service.KeyedRequests.Replay;
import dev.orderpay.application.service.KeyedRequests.Settle;
import dev.orderpay.application.service.KeyedRequests.Start;
import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.SigningSecretGenerator;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Registering, reading, changing and removing the merchant's webhook endpoints, and rotating their secrets. */
public final class WebhookEndpointService implements CreateWebhookEndpointUseCase, ListWebhookEndpointsUseCase,
        GetWebhookEndpointUseCase, UpdateWebhookEndpointUseCase, DeleteWebhookEndpointUseCase,
        RotateWebhookSecretUseCase {

    /** Why an endpoint the merchant disabled is disabled. */
    public static final String DISABLED_BY_MERCHANT = "Disabled through the API.";

    // A change lost to another one is made again on the endpoint as it then stands; only a merchant and the delivery
    // engine write to an endpoint, so a few tries are plenty.
    private static final int ATTEMPTS = 5;

    /**
     * @param maxEndpoints  how many endpoints a merchant may have
     * @param secretOverlap how long a replaced secret keeps signing beside the new one
     */
    public record Policy(int maxEndpoints, Duration secretOverlap) {
        public Policy {
            if (maxEndpoints < 1) {
                throw new IllegalArgumentException("at least one webhook endpoint must be allowed");
            }
            if (secretOverlap.isNegative()) {
                throw new IllegalArgumentException("the secret overlap cannot be negative");
            }
        }
    }

    private final WebhookEndpoints endpoints;
    private final WebhookDestinations destinations;
    private final SigningSecretGenerator secrets;
    private final Clock clock;
    private final Policy policy;
    private final KeyedRequests keyed;
    private final IdempotentAnswers answers;

    WebhookEndpointService(WebhookEndpoints endpoints, WebhookDestinations destinations,
                           SigningSecretGenerator secrets, Clock clock, Policy policy, KeyedRequests keyed,
                           IdempotentAnswers answers) {
        this.endpoints = endpoints;
        this.destinations = destinations;
        this.secrets = secrets;
        this.clock = clock;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keyed = keyed;
        this.answers = answers;
    }

    @Override
    public IdempotentResult<CreateWebhookEndpointResult> createEndpoint(CreateWebhookEndpointCommand command) {
        requireAllowedDestination(command.url());
        WebhookEndpointId id = WebhookEndpointId.newId();
        if (command.idempotencyKey().isEmpty()) {
            return IdempotentResult.executed(create(id, command));
        }
        Start start = keyed.start(new IdempotentRequests.Request(command.idempotencyKey().get(),
                IdempotentRequests.Operation.CREATE_WEBHOOK_ENDPOINT, Optional.empty(), command.fingerprint()),
                Optional.of(id.value()));
        if (start instanceof Replay replay) {
            return IdempotentResult.replayed(replay.answer());
        }
        if (start instanceof Settle settle) {
            return settleCreation(settle.unsettled(), command);
        }
        return IdempotentResult.executed(remembered(((Fresh) start).hold(), () -> create(id, command)));
    }

    private CreateWebhookEndpointResult remembered(Hold hold, Supplier<CreateWebhookEndpointResult> creation) {
        CreateWebhookEndpointResult result;
        try {
            result = creation.get();
        } catch (RuntimeException failure) {
            keyed.failed(hold, failure);
            throw failure;
        }
        keyed.answered(hold, answers.webhookEndpoint(result));
        return result;
    }

    private CreateWebhookEndpointResult create(WebhookEndpointId id, CreateWebhookEndpointCommand command) {
        SigningSecret secret = secrets.next();
        WebhookEndpoint endpoint = WebhookEndpoint.register(id, command.url(), command.events(),
                command.description(), secret, now());
        AuditEntry audit = AuditEntry.of(command.actor(), AuditAction.WEBHOOK_ENDPOINT_CREATED, id, now());
        if (!endpoints.addWithinLimit(endpoint, policy.maxEndpoints(), Optional.of(audit))) {
            return new CreateWebhookEndpointResult.LimitReached(policy.maxEndpoints());
        }
        return new CreateWebhookEndpointResult.Created(endpoint, secret);
    }

    /**
     * An earlier request with the key stopped without recording its answer. Its endpoint, under the id claimed with
     * the key, is there or not: if it is, the answer is given as a repeat would get it, without the secret (rotate
     * it to have one); if not, the endpoint is registered now.
     */
    private IdempotentResult<CreateWebhookEndpointResult> settleCreation(TakenOver unsettled,
                                                                        CreateWebhookEndpointCommand command) {
        WebhookEndpointId id = new WebhookEndpointId(unsettled.resource().orElseThrow());
        Optional<WebhookEndpoint> registered = endpoints.findById(id);
        if (registered.isEmpty()) {
            return IdempotentResult.executed(remembered(unsettled.hold(), () -> create(id, command)));
        }
        RecordedAnswer withoutSecret = answers.webhookEndpoint(
                new CreateWebhookEndpointResult.Created(registered.get(), registered.get().secret()));
        keyed.answered(unsettled.hold(), withoutSecret);
        return IdempotentResult.replayed(withoutSecret);
    }

    @Override
    public List<WebhookEndpoint> listEndpoints() {
        return endpoints.findAll();
    }

    @Override
    public WebhookEndpoint getEndpoint(WebhookEndpointId id) {
        return endpoints.findById(id).orElseThrow(() -> new WebhookEndpointNotFoundException(id));
    }

    @Override
    public WebhookEndpoint updateEndpoint(UpdateWebhookEndpointCommand command) {
        command.url().ifPresent(this::requireAllowedDestination);
        return change(command.id(), command.actor(), AuditAction.WEBHOOK_ENDPOINT_UPDATED, endpoint -> {
            command.url().ifPresent(endpoint::moveTo);
            command.events().ifPresent(endpoint::changeEventTypes);
            command.description().ifPresent(text -> endpoint.describe(Optional.of(text).filter(t -> !t.isEmpty())));
            command.enabled().ifPresent(enable -> {
                if (enable) {
                    endpoint.enable();
                } else {
                    endpoint.disable(DISABLED_BY_MERCHANT, now());
                }
            });
        });
    }

    @Override
    public void deleteEndpoint(WebhookEndpointId id, Actor actor) {
        AuditEntry audit = AuditEntry.of(actor, AuditAction.WEBHOOK_ENDPOINT_DELETED, id, now());
        if (!endpoints.delete(id, Optional.of(audit))) {
            throw new WebhookEndpointNotFoundException(id);
        }
    }

    @Override
    public RotatedSecret rotateSecret(WebhookEndpointId id, Actor actor) {
        SigningSecret secret = secrets.next();
        WebhookEndpoint rotated = change(id, actor, AuditAction.WEBHOOK_ENDPOINT_SECRET_ROTATED,
                endpoint -> endpoint.rotateSecret(secret, now(), policy.secretOverlap()));
        return new RotatedSecret(rotated, secret);
    }

    /**
     * Loads the endpoint, changes it and stores it with the audit entry of the action; when someone else stored it
     * first, does it all again (the entry of a lost attempt is not stored).
     */
    private WebhookEndpoint change(WebhookEndpointId id, Actor actor, AuditAction action,
                                   Consumer<WebhookEndpoint> change) {
        ConcurrentWebhookEndpointUpdateException lastLost = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            WebhookEndpoint endpoint = getEndpoint(id);
            change.accept(endpoint);
            try {
                return endpoints.update(endpoint, Optional.of(AuditEntry.of(actor, action, id, now())));
            } catch (ConcurrentWebhookEndpointUpdateException lost) {
                lastLost = lost;
            }
        }
        throw new WebhookEndpointBusyException(id, lastLost);
    }

    /**
     * In microseconds, as the database keeps instants: the times an answer shows are then the ones every later read
     * shows (PostgreSQL would round away the nanoseconds).
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void requireAllowedDestination(URI url) {
        destinations.refusal(url).ifPresent(reason -> {
            throw InvalidCommandException.of("url", reason);
        });
    }
}
