package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.access.ApiKeyStore;
import dev.orderpay.application.port.out.access.ApiKeyStoreContract;
import dev.orderpay.application.port.out.access.ApiKeyStore.Revocation;
import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyGenerator;
import dev.orderpay.domain.access.ApiKeyId;
import dev.orderpay.domain.access.Scope;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

// Not transactional: each call must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcApiKeyStoreTest extends ApiKeyStoreContract implements TestPropertyProvider {

    private static final ApiKeyGenerator GENERATOR = new ApiKeyGenerator(new SecureRandom());

    @Inject
    ApiKeyStore store;

    @Inject
    ApiKeyRowRepository rows;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @Override
    protected ApiKeyStore emptyStore() {
        rows.deleteAll();
        return store;
    }

    @Test
    void given_the_other_manager_revoked_uncommitted_elsewhere_when_one_is_revoked_then_it_waits_and_is_refused()
            throws Exception {
        ApiKeyStore keys = emptyStore();
        ApiKey first = manager();
        ApiKey second = manager();
        keys.add(first, GENERATOR.next().digest());
        keys.add(second, GENERATOR.next().digest());
        try (Connection other = PostgresTestDatabase.openConnection()) {
            // Another instance that counted one more manager, revoked the first and has yet to commit.
            other.setAutoCommit(false);
            try (PreparedStatement revoke = other.prepareStatement(
                    "UPDATE api_keys SET revoked_at = now() WHERE id = ?")) {
                revoke.setObject(1, first.id().value());
                revoke.executeUpdate();
            }

            CompletableFuture<Revocation> revoked = CompletableFuture.supplyAsync(
                    () -> keys.revoke(second.id(), Instant.now(), true));
            // A correct revocation waits for the other transaction; a wrong one counts the first as in force.
            awaitWaitingForALockOr(revoked);
            other.commit();

            assertThat(revoked.get(30, TimeUnit.SECONDS)).isEqualTo(Revocation.LAST_KEY_MANAGER);
        }
        assertThat(keys.findById(second.id()).orElseThrow().isActive()).isTrue();
    }

    private static ApiKey manager() {
        return ApiKey.issue(ApiKeyId.newId(), "manager", GENERATOR.next(), Set.of(Scope.KEYS_MANAGE),
                Instant.parse("2026-03-08T12:00:00Z"));
    }

    /** Returns once some session waits for a lock, or the revocation has finished without waiting. */
    private static void awaitWaitingForALockOr(CompletableFuture<?> running) throws Exception {
        try (Connection observer = PostgresTestDatabase.openConnection();
             PreparedStatement waiting = observer.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            for (int look = 0; look < 300 && !running.isDone(); look++) {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
    }
}
