package dev.orderpay.application.service;

import dev.orderpay.application.port.in.access.AuthenticateApiKeyUseCase;
import dev.orderpay.application.port.in.access.CreateApiKeyCommand;
import dev.orderpay.application.port.in.access.CreateApiKeyResult;
import dev.orderpay.application.port.in.access.CreateApiKeyUseCase;
import dev.orderpay.application.port.in.access.ListApiKeysUseCase;
import dev.orderpay.application.port.in.access.RevokeApiKeyResult;
import dev.orderpay.application.port.in.access.RevokeApiKeyUseCase;
import dev.orderpay.application.port.out.access.ApiKeyStore;
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

    ApiKeyService(ApiKeyStore store, ApiKeyGenerator generator, Clock clock, Policy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public CreateApiKeyResult createKey(CreateApiKeyCommand command, Set<Scope> callerHolds, Actor actor) {
        Optional<Scope> notHeld = command.scopes().stream().filter(scope -> !callerHolds.contains(scope)).findFirst();
        if (notHeld.isPresent()) {
            return new CreateApiKeyResult.ScopeNotHeld(notHeld.get());
        }
        PlainApiKey plain = generator.next();
        // Stored to the microsecond, as PostgreSQL keeps it, so the answer and a later listing agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ApiKey key = ApiKey.issue(ApiKeyId.newId(), command.name(), plain, command.scopes(), now);
        AuditEntry audit = AuditEntry.of(actor, AuditAction.API_KEY_CREATED, key.id(), now);
        store.add(key, plain.digest(), Optional.of(audit));
        return new CreateApiKeyResult.Created(key, plain);
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
