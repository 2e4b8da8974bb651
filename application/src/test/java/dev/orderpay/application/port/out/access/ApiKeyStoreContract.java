package dev.orderpay.application.port.out.access;

import dev.orderpay.application.port.out.access.ApiKeyStore.Revocation;
import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;
import dev.orderpay.domain.access.ApiKeyGenerator;
import dev.orderpay.domain.access.ApiKeyId;
import dev.orderpay.domain.access.PlainApiKey;
import dev.orderpay.domain.access.Scope;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ApiKeyStore} must do. Each implementation's test extends this class and supplies one over empty
 * storage.
 */
public abstract class ApiKeyStoreContract {

    private static final Instant CREATED_AT = Instant.parse("2026-03-08T12:00:00.123456Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final ApiKeyGenerator KEYS = new ApiKeyGenerator(new SecureRandom());

    /** A store with no key in it. */
    protected abstract ApiKeyStore emptyStore();

    @Test
    void an_added_key_is_found_by_the_digest_of_its_plain_form_and_by_its_id_as_it_was() {
        ApiKeyStore store = emptyStore();
        PlainApiKey plain = KEYS.next();
        ApiKey key = ApiKey.issue(ApiKeyId.newId(), "warehouse – æøå", plain,
                EnumSet.of(Scope.ORDERS_READ, Scope.METRICS_READ), CREATED_AT);

        store.add(key, plain.digest());

        assertThat(store.findByDigest(ApiKeyDigest.of(plain.value()))).contains(key);
        assertThat(store.findById(key.id())).contains(key);
    }

    @Test
    void an_unknown_digest_or_id_finds_nothing() {
        ApiKeyStore store = emptyStore();
        store.add(aKey(CREATED_AT, Scope.ORDERS_READ), KEYS.next().digest());

        assertThat(store.findByDigest(KEYS.next().digest())).isEmpty();
        assertThat(store.findById(ApiKeyId.newId())).isEmpty();
    }

    @Test
    void a_second_key_with_the_same_digest_is_refused() {
        ApiKeyStore store = emptyStore();
        ApiKeyDigest digest = KEYS.next().digest();
        store.add(aKey(CREATED_AT, Scope.ORDERS_READ), digest);

        assertThatThrownBy(() -> store.add(aKey(CREATED_AT, Scope.ORDERS_WRITE), digest))
                .isInstanceOf(RuntimeException.class);
        assertThat(store.findAll()).hasSize(1);
    }

    @Test
    void every_key_is_listed_oldest_first_revoked_ones_too() {
        ApiKeyStore store = emptyStore();
        ApiKey newest = add(store, aKey(CREATED_AT.plusSeconds(120), Scope.ORDERS_READ));
        ApiKey oldest = add(store, aKey(CREATED_AT, Scope.ORDERS_READ));
        ApiKey middle = add(store, aKey(CREATED_AT.plusSeconds(60), Scope.ORDERS_READ));
        store.revoke(middle.id(), CREATED_AT.plusSeconds(200), false);

        assertThat(store.findAll()).extracting(ApiKey::id).containsExactly(oldest.id(), middle.id(), newest.id());
    }

    @Test
    void a_revoked_key_keeps_when_it_was_revoked_and_a_second_revocation_changes_nothing() {
        ApiKeyStore store = emptyStore();
        ApiKey key = add(store, aKey(CREATED_AT, Scope.ORDERS_READ));
        Instant revokedAt = CREATED_AT.plusSeconds(10);

        Revocation first = store.revoke(key.id(), revokedAt, true);
        Revocation second = store.revoke(key.id(), revokedAt.plusSeconds(10), true);

        assertThat(first).isEqualTo(Revocation.REVOKED);
        assertThat(second).isEqualTo(Revocation.ALREADY_REVOKED);
        assertThat(store.findById(key.id()).orElseThrow().revokedAt()).contains(revokedAt);
    }

    @Test
    void revoking_an_unknown_key_finds_nothing() {
        assertThat(emptyStore().revoke(ApiKeyId.newId(), CREATED_AT, true)).isEqualTo(Revocation.NOT_FOUND);
    }

    @Test
    void the_last_key_in_force_that_manages_keys_is_not_revoked_while_one_must_remain() {
        ApiKeyStore store = emptyStore();
        ApiKey manager = add(store, aKey(CREATED_AT, Scope.KEYS_MANAGE, Scope.ORDERS_READ));
        ApiKey formerManager = add(store, aKey(CREATED_AT, Scope.KEYS_MANAGE));
        add(store, aKey(CREATED_AT, Scope.ORDERS_READ, Scope.ORDERS_WRITE));
        store.revoke(formerManager.id(), CREATED_AT.plusSeconds(1), true);

        Revocation refused = store.revoke(manager.id(), CREATED_AT.plusSeconds(2), true);

        assertThat(refused).isEqualTo(Revocation.LAST_KEY_MANAGER);
        assertThat(store.findById(manager.id()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void of_two_keys_that_manage_keys_one_can_be_revoked_and_then_not_the_other() {
        ApiKeyStore store = emptyStore();
        ApiKey first = add(store, aKey(CREATED_AT, Scope.KEYS_MANAGE));
        ApiKey second = add(store, aKey(CREATED_AT, Scope.KEYS_MANAGE));

        assertThat(store.revoke(first.id(), CREATED_AT.plusSeconds(1), true)).isEqualTo(Revocation.REVOKED);
        assertThat(store.revoke(second.id(), CREATED_AT.plusSeconds(2), true))
                .isEqualTo(Revocation.LAST_KEY_MANAGER);
    }

    @Test
    void the_last_key_that_manages_keys_is_revoked_when_none_must_remain() {
        ApiKeyStore store = emptyStore();
        ApiKey manager = add(store, aKey(CREATED_AT, Scope.KEYS_MANAGE));

        assertThat(store.revoke(manager.id(), CREATED_AT.plusSeconds(1), false)).isEqualTo(Revocation.REVOKED);
        assertThat(store.findById(manager.id()).orElseThrow().isActive()).isFalse();
    }

    @Test
    void a_use_is_written_the_first_time_and_then_at_most_once_per_granularity() {
        ApiKeyStore store = emptyStore();
        ApiKey key = add(store, aKey(CREATED_AT, Scope.ORDERS_READ));
        Instant firstUse = CREATED_AT.plusSeconds(5);

        store.recordUse(key.id(), firstUse, MINUTE);
        store.recordUse(key.id(), firstUse.plusSeconds(59), MINUTE);
        assertThat(store.findById(key.id()).orElseThrow().lastUsedAt()).contains(firstUse);

        store.recordUse(key.id(), firstUse.plusSeconds(60), MINUTE);
        assertThat(store.findById(key.id()).orElseThrow().lastUsedAt()).contains(firstUse.plusSeconds(60));
    }

    @Test
    void a_use_of_an_unknown_key_writes_nothing() {
        ApiKeyStore store = emptyStore();

        store.recordUse(ApiKeyId.newId(), CREATED_AT, MINUTE);

        assertThat(store.findAll()).isEmpty();
    }

    private static ApiKey add(ApiKeyStore store, ApiKey key) {
        store.add(key, KEYS.next().digest());
        return key;
    }

    private static ApiKey aKey(Instant createdAt, Scope first, Scope... more) {
        Set<Scope> scopes = EnumSet.of(first, more);
        return new ApiKey(ApiKeyId.newId(), "key " + first, "op_test0", scopes, createdAt, Optional.empty(),
                Optional.empty());
    }
}
