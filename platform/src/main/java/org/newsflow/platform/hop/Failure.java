package org.newsflow.platform.hop;

import org.newsflow.platform.outage.DatabaseOutage;

/**
 * The one way every service tells what went wrong with an event: the event itself ({@link #POISON}: it fails the
 * same way on every try), the world around it ({@link #OUTAGE}: wait it out, however long), or our code
 * ({@link #BUG}: try a few times, then set the event aside so that it does not hold up the ones behind it).
 */
public enum Failure {
    POISON, OUTAGE, BUG;

    public static Failure of(Throwable failure) {
        if (failure instanceof PoisonEvent || breaksAStorageRule(failure)) {
            return POISON;
        }
        if (DatabaseOutage.causedBy(failure) || fromTheDatabase(failure)) {
            // the database fails all events alike (outage, restart, lock trouble): nothing is gained by skipping one
            return OUTAGE;
        }
        return BUG;
    }

    /** Too long, wrong type, a duplicate key: the same event breaks the same rule on every try. */
    public static boolean breaksAStorageRule(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.DataException
                    || cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static boolean fromTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException || cause instanceof org.hibernate.JDBCException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, for a dead-letter reason. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
