package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.DeliveryLog;
import dev.orderpay.application.port.out.DeliveryLogContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

// Not transactional: each call must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcDeliveryLogTest extends DeliveryLogContract implements TestPropertyProvider {

    @Inject
    DeliveryLog log;

    @Inject
    DeliveryRowRepository deliveries;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @Override
    protected DeliveryLog emptyLog() {
        deliveries.deleteAll();
        return log;
    }
}
