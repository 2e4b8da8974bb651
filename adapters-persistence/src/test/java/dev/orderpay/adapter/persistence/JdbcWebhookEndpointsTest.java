package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.application.port.out.webhook.WebhookEndpointsContract;
import dev.orderpay.domain.webhook.TestWebhookEndpoints;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

// Not transactional: each call must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcWebhookEndpointsTest extends WebhookEndpointsContract implements TestPropertyProvider {

    private static final int LIMIT = 16;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookEndpointRowRepository rows;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @Override
    protected WebhookEndpoints emptyEndpoints() {
        rows.deleteAll();
        return endpoints;
    }

    @Test
    void given_another_creation_about_to_commit_the_last_place_when_one_more_is_added_then_it_waits_and_is_refused()
            throws Exception {
        WebhookEndpoints empty = emptyEndpoints();
        for (int i = 0; i < LIMIT - 1; i++) {
            empty.addWithinLimit(TestWebhookEndpoints.anEndpoint().build(), LIMIT);
        }
        try (Connection other = PostgresTestDatabase.openConnection()) {
            // Another instance that counted 15, took the last place and has yet to commit it.
            other.setAutoCommit(false);
            insertEndpointRow(other);

            CompletableFuture<Boolean> added = CompletableFuture.supplyAsync(
                    () -> empty.addWithinLimit(TestWebhookEndpoints.anEndpoint().build(), LIMIT));
            // A correct add now waits for the other transaction; a wrong one counts 15, adds and returns.
            awaitWaitingForALockOr(added);
            other.commit();

            assertThat(added.get(30, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(endpoints.findAll()).hasSize(LIMIT);
    }

    @Test
    void given_a_stored_endpoint_when_its_row_is_printed_then_no_secret_shows() {
        WebhookEndpoint endpoint = TestWebhookEndpoints.anEndpoint().build();
        emptyEndpoints().addWithinLimit(endpoint, LIMIT);

        String printed = rows.findById(endpoint.id().value()).orElseThrow().toString();

        assertThat(printed).contains(endpoint.id().toString()).doesNotContain(TestWebhookEndpoints.SECRET.value());
    }

    private static void insertEndpointRow(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_endpoints (id, url,"
                + " all_event_types, secret, created_at, version) VALUES (?, 'https://other.example.test/', true,"
                + " 'whsec_other', now(), 0)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.executeUpdate();
        }
    }

    /** Returns once some session waits for a lock, or the add has finished without waiting. */
    private static void awaitWaitingForALockOr(CompletableFuture<Boolean> added) throws Exception {
        try (Connection observer = PostgresTestDatabase.openConnection();
             PreparedStatement waiting = observer.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            for (int look = 0; look < 300 && !added.isDone(); look++) {
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
