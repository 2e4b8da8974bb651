package dev.orderpay.adapter.persistence;

import io.micronaut.data.exceptions.DataAccessException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Table locks for checks that count rows before they write: until the transaction ends, no other transaction
 * inserts, updates or deletes in the table (the mode conflicts with itself and with the lock every write takes),
 * while reads go on. A statement of its own, so that the count after it sees what the last holder committed. Through
 * JDBC, since Micronaut Data runs a query it cannot classify as one that returns rows.
 */
final class TableLocks {

    private TableLocks() {
    }

    /** @param table one of this adapter's table names, never input */
    static void lockAgainstOtherWriters(Connection connection, String table) {
        try (Statement lock = connection.createStatement()) {
            lock.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
        } catch (SQLException failed) {
            throw new DataAccessException("could not lock " + table, failed);
        }
    }
}
