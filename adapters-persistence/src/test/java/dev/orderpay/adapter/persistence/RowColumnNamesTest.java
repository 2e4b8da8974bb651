package dev.orderpay.adapter.persistence;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows read on every request name their columns themselves, and name real ones. Without a name Micronaut Data
 * derives it from the component for every row read (the cost docs/benchmarks.md measured); a misspelt name would
 * only show as a failing query.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowColumnNamesTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @ParameterizedTest
    @ValueSource(classes = {OrderRow.class, StatusChangeRow.class, WebhookEndpointRow.class, WebhookDeliveryRow.class,
            CallbackDestinationRow.class, ApiKeyRow.class, AuditRow.class})
    void given_a_row_read_per_request_when_its_components_are_listed_then_each_names_a_column_of_its_table(
            Class<?> rowType) throws SQLException {
        BeanIntrospection<?> row = BeanIntrospection.getIntrospection(rowType);
        String table = row.stringValue(MappedEntity.class).orElseThrow();
        Set<String> columns = columnsOf(table);

        Set<String> named = new HashSet<>();
        for (BeanProperty<?, ?> component : row.getBeanProperties()) {
            String column = component.stringValue(MappedProperty.class)
                    .orElseThrow(() -> new AssertionError(rowType.getSimpleName() + "." + component.getName()
                            + " has no @MappedProperty column name"));
            named.add(column);
        }

        assertThat(columns).as("columns of %s", table).containsAll(named);
        assertThat(named).hasSize(row.getBeanProperties().size());
    }

    private static Set<String> columnsOf(String table) throws SQLException {
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?")) {
            query.setString(1, table);
            Set<String> columns = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            assertThat(columns).as("the migrated table %s", table).isNotEmpty();
            return columns;
        }
    }
}
