package dev.orderpay.application.service;

import dev.orderpay.application.port.in.access.CreateApiKeyCommand;
import dev.orderpay.application.port.in.access.CreateApiKeyResult;
import dev.orderpay.application.port.in.access.RevokeApiKeyResult;
import dev.orderpay.application.port.out.access.InMemoryApiKeyStore;
import dev.orderpay.application.port.out.audit.InMemoryAuditLog;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;
import dev.orderpay.domain.access.ApiKeyGenerator;
import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.audit.TestActors;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ApiKeyServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-08T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore(auditLog);
    private final TestClock clock = TestClock.standingAt(NOW);

    @Test
    void given_a_key_created_and_revoked_then_each_left_one_audit_entry_and_a_refused_revocation_none() {
        ApiKeyService keys = service(false);
        CreateApiKeyResult.Created kept = create(keys, "keeper", "keys:manage");
        CreateApiKeyResult.Created leaked = create(keys, "leaked", "keys:manage");

        keys.revokeKey(leaked.key().id(), TestActors.CLIENT);
        keys.revokeKey(leaked.key().id(), TestActors.CLIENT);
        keys.revokeKey(kept.key().id(), TestActors.CLIENT);

        assertThat(auditLog.all()).extracting(AuditEntry::action, AuditEntry::targetId)
                .containsExactly(tuple(AuditAction.API_KEY_CREATED, kept.key().id().toString()),
                        tuple(AuditAction.API_KEY_CREATED, leaked.key().id().toString()),
                        tuple(AuditAction.API_KEY_REVOKED, leaked.key().id().toString()));
        assertThat(auditLog.all()).allSatisfy(entry -> assertThat(entry.toString())
                .doesNotContain(kept.plain().value()).doesNotContain(leaked.plain().value()));
    }

    @Test
    void given_a_caller_holding_the_scopes_when_a_key_is_created_then_it_is_stored_by_digest_and_works() {
        ApiKeyService keys = service(false);

        CreateApiKeyResult result = keys.createKey(CreateApiKeyCommand.of("shop", List.of("orders:read")),
                Scope.all(), TestActors.CLIENT);

        CreateApiKeyResult.Created created = (CreateApiKeyResult.Created) result;
        assertThat(created.key().scopes()).containsExactly(Scope.ORDERS_READ);
        assertThat(created.key().prefix()).isEqualTo(created.plain().prefix());
        assertThat(keys.authenticate(ApiKeyDigest.of(created.plain().value()))).contains(created.key());
        assertThat(keys.listKeys()).extracting(ApiKey::id).containsExactly(created.key().id());
    }

    @Test
    void given_a_caller_lacking_a_scope_when_it_asks_to_grant_it_then_nothing_is_stored_and_the_scope_is_named() {
        ApiKeyService keys = service(false);

        CreateApiKeyResult result = keys.createKey(
                CreateApiKeyCommand.of("stronger", List.of("orders:read", "keys:manage", "metrics:read")),
                EnumSet.of(Scope.ORDERS_READ, Scope.METRICS_READ), TestActors.CLIENT);

        assertThat(result).isEqualTo(new CreateApiKeyResult.ScopeNotHeld(Scope.KEYS_MANAGE));
        assertThat(store.findAll()).isEmpty();
    }

    @Test
    void given_a_revoked_key_when_it_is_presented_then_it_is_not_recognised() {
        ApiKeyService keys = service(false);
        CreateApiKeyResult.Created kept = create(keys, "keeper", "keys:manage");
        CreateApiKeyResult.Created revoked = create(keys, "leaked", "keys:manage");

        RevokeApiKeyResult result = keys.revokeKey(revoked.key().id(), TestActors.CLIENT);

        assertThat(result).isEqualTo(new RevokeApiKeyResult.Revoked(revoked.key().id()));
        assertThat(keys.authenticate(revoked.plain().digest())).isEmpty();
        assertThat(keys.authenticate(kept.plain().digest())).isPresent();
    }

    @Test
    void given_the_last_key_that_manages_keys_and_no_environment_keys_when_revoked_then_it_is_refused() {
        ApiKeyService keys = service(false);
        CreateApiKeyResult.Created manager = create(keys, "admin", "keys:manage");

        assertThat(keys.revokeKey(manager.key().id(), TestActors.CLIENT))
                .isEqualTo(new RevokeApiKeyResult.LastKeyManager(manager.key().id()));
        assertThat(keys.authenticate(manager.plain().digest())).isPresent();
    }

    @Test
    void given_environment_keys_when_the_last_managed_key_that_manages_keys_is_revoked_then_it_is() {
        ApiKeyService keys = service(true);
        CreateApiKeyResult.Created manager = create(keys, "admin", "keys:manage");

        assertThat(keys.revokeKey(manager.key().id(),
                TestActors.CLIENT)).isEqualTo(new RevokeApiKeyResult.Revoked(manager.key().id()));
    }

    @Test
    void given_a_key_used_often_then_its_last_use_moves_once_a_minute() {
        ApiKeyService keys = service(false);
        CreateApiKeyResult.Created created = create(keys, "busy", "orders:read");

        keys.authenticate(created.plain().digest());
        clock.advance(Duration.ofSeconds(59));
        keys.authenticate(created.plain().digest());
        assertThat(store.findById(created.key().id()).orElseThrow().lastUsedAt()).contains(NOW);

        clock.advance(Duration.ofSeconds(1));
        keys.authenticate(created.plain().digest());
        assertThat(store.findById(created.key().id()).orElseThrow().lastUsedAt()).contains(NOW.plus(MINUTE));
    }

    private ApiKeyService service(boolean environmentKeys) {
        return new ApiKeyService(store, new ApiKeyGenerator(new Random(3)), clock,
                new ApiKeyService.Policy(environmentKeys, MINUTE));
    }

    private static CreateApiKeyResult.Created create(ApiKeyService keys, String name, String scope) {
        return (CreateApiKeyResult.Created) keys.createKey(CreateApiKeyCommand.of(name, List.of(scope)), Scope.all(),
                TestActors.CLIENT);
    }
}
