package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.access.ApiKeyStore;
import dev.orderpay.application.port.out.access.ApiKeyStoreContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

// Not transactional: each call must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcApiKeyStoreTest extends ApiKeyStoreContract implements TestPropertyProvider {

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
}
