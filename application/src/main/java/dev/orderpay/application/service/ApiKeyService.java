package dev.orderpay.application.service;

import dev.orderpay.application.port.in.access.AuthenticateApiKeyUseCase;
import dev.orderpay.application.port.in.access.CreateApiKeyCommand;
import dev.orderpay.application.port.in.access.CreateApiKeyResult;
import dev.orderpay.application.port.in.access.CreateApiKeyUseCase;
import dev.orderpay.application.port.in.access.ListApiKeysUseCase;
import dev.orderpay.application.port.in.access.RevokeApiKeyResult;
import dev.orderpay.application.port.in.access.RevokeApiKeyUseCase;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.out.IdempotentAnswers;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.IdempotentRequests.Hold;
import dev.orderpay.application.port.out.IdempotentRequests.TakenOver;
import dev.orderpay.application.port.out.access.ApiKeyStore;
import dev.orderpay.application.service.KeyedRequests.Fresh;
import dev.orderpay.application.service.KeyedRequests.Replay;
import dev.orderpay.application.service.KeyedRequests.Settle;
import dev.orderpay.application.service.KeyedRequests.Start;
import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;
import dev.orderpay.domain.access.ApiKeyGenerator;
import dev.orderpay.domain.access.ApiKeyId;
import dev.orderpay.domain.access.PlainApiKey;
import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Creating, listing, revoking and recognising the managed API keys. */
public final class ApiKeyService implements CreateApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase,
        AuthenticateApiKeyUseCase {

    /**
     * @param environmentKeysManage whether keys from the environment exist: they hold every scope and cannot be
     *                              revoked here, so with them no managed key is the last that may manage keys
     * @param lastUseGranularity    how often at most a key's last use is written
     */
    public record Policy(boolean environmentKeysManage, Duration lastUseGranularity) {
        public Policy {
            if (lastUseGranularity.isNegative()) {
                throw new IllegalArgumentException("the granularity of last use cannot be negative");
            }
        }
    }

    private final ApiKeyStore store;
    private final ApiKeyGenerator generator;
    private final Clock clock;
    private final Policy policy;
    private final KeyedRequests keyed;
    private final IdempotentAnswers answers;

    ApiKeyService(ApiKeyStore store, ApiKeyGenerator generator, Clock clock, Policy policy, KeyedRequests keyed,
                  IdempotentAnswers answers) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keyed = Objects.requireNonNull(keyed, "keyed");
        this.answers = Objects.requireNonNull(answers, "answers");
    }

    @Override
    public IdempotentResult<CreateApiKeyResult> createKey(CreateApiKeyCommand command, Set<Scope> callerHolds,
                                                          Actor actor) {
        Optional<Scope> notHeld = command.scopes().stream().filter(scope -> !callerHolds.contains(scope)).findFirst();
        if (notHeld.isPresent()) {
            return IdempotentResult.executed(new CreateApiKeyResult.ScopeNotHeld(notHeld.get()));
        }
        ApiKeyId id = ApiKeyId.newId();
        if (command.idempotencyKey().isEmpty()) {
            return IdempotentResult.executed(create(id, command, actor));
        }
        Start start = keyed.start(new IdempotentRequests.Request(command.idempotencyKey().get(),
                IdempotentRequests.Operation.CREATE_API_KEY, Optional.empty(), command.fingerprint()),
                Optional.of(id.value()));
        if (start instanceof Replay replay) {
            return IdempotentResult.replayed(replay.answer());
        }
        if (start instanceof Settle settle) {
            return settleCreation(settle.unsettled(), command, actor);
        }
        return IdempotentResult.executed(remembered(((Fresh) start).hold(), () -> create(id, command, actor)));
    }

    private CreateApiKeyResult.Created create(ApiKeyId id, CreateApiKeyCommand command, Actor actor) {
        PlainApiKey plain = generator.next();
        // Stored to the microsecond, as PostgreSQL keeps it, so the answer and a later listing agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ApiKey key = ApiKey.issue(id, command.name(), plain, command.scopes(), now);
        AuditEntry audit = AuditEntry.of(actor, AuditAction.API_KEY_CREATED, key.id(), now);
        store.add(key, plain.digest(), Optional.of(audit));
        return new CreateApiKeyResult.Created(key, plain);
    }

    private CreateApiKeyResult remembered(Hold hold, Supplier<CreateApiKeyResult.Created> creation) {
        CreateApiKeyResult.Created created;
        try {
            created = creation.get();
        } catch (RuntimeException failure) {
            keyed.failed(hold, failure);
            throw failure;
        }
        keyed.answered(hold, answers.apiKey(created.key()));
        return created;
    }

    /**
     * An earlier request with the key stopped without recording its answer. Its key, under the id claimed with the
     * idempotency key, is there or not: if it is, the answer is given as a repeat would get it, without the key
     * itself (revoke it and create another if that answer was lost); if not, the key is created now.
     */
    private IdempotentResult<CreateApiKeyResult> settleCreation(TakenOver unsettled, CreateApiKeyCommand command,
                                                                Actor actor) {
        ApiKeyId id = new ApiKeyId(unsettled.resource().orElseThrow());
        Optional<ApiKey> stored = store.findById(id);
        if (stored.isEmpty()) {
            return IdempotentResult.executed(remembered(unsettled.hold(), () -> create(id, command, actor)));
        }
        RecordedAnswer withoutKey = answers.apiKey(stored.get());
        keyed.answered(unsettled.hold(), withoutKey);
        return IdempotentResult.replayed(withoutKey);
    }

    @Override
    public List<ApiKey> listKeys() {
        return store.findAll();
    }

    @Override
    public RevokeApiKeyResult revokeKey(ApiKeyId id, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry audit = AuditEntry.of(actor, AuditAction.API_KEY_REVOKED, id, now);
        return switch (store.revoke(id, now, !policy.environmentKeysManage(), Optional.of(audit))) {
            case REVOKED, ALREADY_REVOKED -> new RevokeApiKeyResult.Revoked(id);
            case NOT_FOUND -> new RevokeApiKeyResult.NotFound(id);
            case LAST_KEY_MANAGER -> new RevokeApiKeyResult.LastKeyManager(id);
        };
    }

    @Override
    public Optional<ApiKey> authenticate(ApiKeyDigest digest) {
        Optional<ApiKey> inForce = store.findByDigest(digest).filter(ApiKey::isActive);
        inForce.ifPresent(this::noteUse);
        return inForce;
    }

    /** Only when the last use stored is older than the granularity: most requests write nothing. */
    private void noteUse(ApiKey key) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean due = key.lastUsedAt().map(last -> !last.plus(policy.lastUseGranularity()).isAfter(now))
                .orElse(true);
        if (due) {
            store.recordUse(key.id(), now, policy.lastUseGranularity());
        }
    }
}
