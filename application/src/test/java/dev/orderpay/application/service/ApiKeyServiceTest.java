package dev.orderpay.application.service;

import dev.orderpay.application.port.in.access.CreateApiKeyCommand;
import dev.orderpay.application.port.in.access.CreateApiKeyResult;
import dev.orderpay.application.port.in.access.RevokeApiKeyResult;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.PlainIdempotentAnswers;
import dev.orderpay.application.port.out.access.InMemoryApiKeyStore;
import dev.orderpay.application.port.out.audit.InMemoryAuditLog;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;
import dev.orderpay.domain.access.ApiKeyGenerator;
import dev.orderpay.domain.access.ApiKeyId;
import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.audit.TestActors;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static dev.orderpay.application.port.in.idempotency.IdempotentResults.executed;
import static dev.orderpay.application.port.in.idempotency.IdempotentResults.replayed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ApiKeyServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-08T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore(auditLog);
    private static final IdempotencyKey KEY = new IdempotencyKey("client-1", "key-1");
    private static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final Duration HOLD = Duration.ofMinutes(2);
    private static final PlainIdempotentAnswers ANSWERS = new PlainIdempotentAnswers();

    private final TestClock clock = TestClock.standingAt(NOW);
    private final InMemoryIdempotentRequests requests = new InMemoryIdempotentRequests(clock);

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

        CreateApiKeyResult result = executed(keys.createKey(CreateApiKeyCommand.of("shop", List.of("orders:read")),
                Scope.all(), TestActors.CLIENT));

        CreateApiKeyResult.Created created = (CreateApiKeyResult.Created) result;
        assertThat(created.key().scopes()).containsExactly(Scope.ORDERS_READ);
        assertThat(created.key().prefix()).isEqualTo(created.plain().prefix());
        assertThat(keys.authenticate(ApiKeyDigest.of(created.plain().value()))).contains(created.key());
        assertThat(keys.listKeys()).extracting(ApiKey::id).containsExactly(created.key().id());
    }

    @Test
    void given_a_caller_lacking_a_scope_when_it_asks_to_grant_it_then_nothing_is_stored_and_the_scope_is_named() {
        ApiKeyService keys = service(false);

        CreateApiKeyResult result = executed(keys.createKey(
                CreateApiKeyCommand.of("stronger", List.of("orders:read", "keys:manage", "metrics:read")),
                EnumSet.of(Scope.ORDERS_READ, Scope.METRICS_READ), TestActors.CLIENT));

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

    @Test
    void given_a_key_created_with_an_idempotency_key_when_the_request_is_repeated_then_the_answer_comes_without_the_key() {
        ApiKeyService keys = service(false);
        CreateApiKeyCommand keyed = CreateApiKeyCommand.of("shop", List.of("orders:read")).withIdempotencyKey(KEY);
        CreateApiKeyResult.Created first = (CreateApiKeyResult.Created) executed(keys.createKey(keyed, Scope.all(),
                TestActors.CLIENT));

        RecordedAnswer repeat = replayed(keys.createKey(keyed, Scope.all(), TestActors.CLIENT));

        assertThat(repeat).isEqualTo(ANSWERS.apiKey(first.key()));
        assertThat(keys.listKeys()).extracting(ApiKey::id).containsExactly(first.key().id());
        assertThat(auditLog.all()).hasSize(1);
    }

    @Test
    void given_an_idempotency_key_used_to_create_a_key_when_other_scopes_or_another_name_come_with_it_then_refused() {
        ApiKeyService keys = service(false);
        keys.createKey(CreateApiKeyCommand.of("shop", List.of("orders:read")).withIdempotencyKey(KEY), Scope.all(),
                TestActors.CLIENT);

        assertThatThrownBy(() -> keys.createKey(CreateApiKeyCommand.of("shop", List.of("orders:write"))
                .withIdempotencyKey(KEY), Scope.all(), TestActors.CLIENT))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> keys.createKey(CreateApiKeyCommand.of("other", List.of("orders:read"))
                .withIdempotencyKey(KEY), Scope.all(), TestActors.CLIENT))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(keys.listKeys()).hasSize(1);
    }

    @Test
    void given_the_same_scopes_in_another_order_then_the_request_is_the_same() {
        assertThat(CreateApiKeyCommand.of("shop", List.of("orders:read", "orders:write")).fingerprint())
                .isEqualTo(CreateApiKeyCommand.of("shop", List.of("orders:write", "orders:read")).fingerprint())
                .isNotEqualTo(CreateApiKeyCommand.of("shop", List.of("orders:read")).fingerprint());
    }

    @Test
    void given_a_scope_not_held_when_asked_for_with_an_idempotency_key_then_the_key_stays_free_for_a_corrected_request() {
        ApiKeyService keys = service(false);

        CreateApiKeyResult refused = executed(keys.createKey(CreateApiKeyCommand.of("shop", List.of("keys:manage"))
                .withIdempotencyKey(KEY), EnumSet.of(Scope.ORDERS_READ), TestActors.CLIENT));
        CreateApiKeyResult corrected = executed(keys.createKey(CreateApiKeyCommand.of("shop",
                List.of("orders:read")).withIdempotencyKey(KEY), EnumSet.of(Scope.ORDERS_READ), TestActors.CLIENT));

        assertThat(refused).isEqualTo(new CreateApiKeyResult.ScopeNotHeld(Scope.KEYS_MANAGE));
        assertThat(corrected).isInstanceOf(CreateApiKeyResult.Created.class);
    }

    @Test
    void given_a_keyed_creation_that_stopped_after_storing_its_key_when_repeated_then_it_answers_without_the_key() {
        ApiKeyService keys = service(false);
        CreateApiKeyCommand keyed = CreateApiKeyCommand.of("shop", List.of("orders:read")).withIdempotencyKey(KEY);
        CreateApiKeyResult.Created stored = create(keys, "shop", "orders:read");
        claimAndAbandon(keyed, stored.key().id());

        RecordedAnswer settled = replayed(keys.createKey(keyed, Scope.all(), TestActors.CLIENT));

        assertThat(settled).isEqualTo(ANSWERS.apiKey(stored.key()));
        assertThat(keys.listKeys()).hasSize(1);
        assertThat(replayed(keys.createKey(keyed, Scope.all(), TestActors.CLIENT))).isEqualTo(settled);
    }

    @Test
    void given_a_keyed_creation_that_stopped_before_storing_its_key_when_repeated_then_it_is_created_under_the_claimed_id() {
        ApiKeyService keys = service(false);
        CreateApiKeyCommand keyed = CreateApiKeyCommand.of("shop", List.of("orders:read")).withIdempotencyKey(KEY);
        ApiKeyId claimed = ApiKeyId.newId();
        claimAndAbandon(keyed, claimed);

        CreateApiKeyResult created = executed(keys.createKey(keyed, Scope.all(), TestActors.CLIENT));

        assertThat(((CreateApiKeyResult.Created) created).key().id()).isEqualTo(claimed);
        assertThat(keys.listKeys()).extracting(ApiKey::id).containsExactly(claimed);
    }

    /** A request with the key that claimed it for {@code id} and stopped before answering. */
    private void claimAndAbandon(CreateApiKeyCommand keyed, ApiKeyId id) {
        requests.claim(new IdempotentRequests.Request(KEY, IdempotentRequests.Operation.CREATE_API_KEY,
                Optional.empty(), keyed.fingerprint()), Optional.of(id.value()), clock.instant().plus(HOLD),
                clock.instant().plus(KEY_LIFETIME));
        clock.advance(HOLD.plusSeconds(1));
    }

    private ApiKeyService service(boolean environmentKeys) {
        return new ApiKeyService(store, new ApiKeyGenerator(new Random(3)), clock,
                new ApiKeyService.Policy(environmentKeys, MINUTE),
                new KeyedRequests(requests, clock, new KeyedRequests.Policy(KEY_LIFETIME, HOLD)), ANSWERS);
    }

    private static CreateApiKeyResult.Created create(ApiKeyService keys, String name, String scope) {
        return (CreateApiKeyResult.Created) executed(keys.createKey(CreateApiKeyCommand.of(name, List.of(scope)),
                Scope.all(), TestActors.CLIENT));
    }
}
