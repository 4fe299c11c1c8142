package org.newsflow.platform.outage;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a database outage (a restart, a lost connection, the server out of connections) from a genuine failure, so
 * that the client is told to try again rather than that something broke.
 *
 * <p>The evidence is not always on the cause chain: when a connection dies during commit, the transaction manager
 * throws a {@code RollbackException} and attaches the driver's error as a <em>suppressed</em> exception. Both are
 * searched.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Connection lost or refused, the server shutting down or out of resources (SQLState classes 08, 57, 53). */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toLook = new ArrayDeque<>();
        toLook.push(failure);
        while (!toLook.isEmpty()) {
            Throwable e = toLook.pop();
            if (!seen.add(e)) {
                continue;
            }
            if (e instanceof org.hibernate.exception.JDBCConnectionException || isOutageState(e)) {
                return true;
            }
            if (e.getCause() != null) {
                toLook.push(e.getCause());
            }
            for (Throwable suppressed : e.getSuppressed()) {
                toLook.push(suppressed);
            }
        }
        return false;
    }

    private static boolean isOutageState(Throwable e) {
        if (!(e instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith("08") || state.startsWith("57") || state.startsWith("53");
    }
}
