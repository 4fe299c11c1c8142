package org.newsflow.platform.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A turn that at most one instance of a service holds at a time, for work that must happen in one order however
 * many instances run (ingest's outbox relay keeps every article's versions in order on Kafka). On PostgreSQL it is
 * a transaction-level advisory lock: taken without waiting, held until the transaction ends, and released by the
 * database when the holder's connection dies — so a crashed instance's turn passes to another at once. Any other
 * database (the embedded H2 of the local run) serves one instance by definition, and the turn is always free.
 */
public final class ExclusiveTurn {

    private ExclusiveTurn() {
    }

    /** Whether this transaction (on {@code connection}) now holds the turn {@code key} until it commits or rolls back. */
    public static boolean take(Connection connection, long key) throws SQLException {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return true;
        }
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
