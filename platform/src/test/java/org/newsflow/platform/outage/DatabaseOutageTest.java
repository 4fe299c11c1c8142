package org.newsflow.platform.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

/** Which failures are a database outage (answered 503 + Retry-After) and which are a fault of ours (500). */
class DatabaseOutageTest {

    @Test
    void aConnectionKilledDuringCommitIsAnOutageThoughTheDriverErrorIsOnlySuppressed() {
        // Given the shape Narayana + Agroal produce when PostgreSQL restarts while a push commits: the driver's
        // error hangs off the XA exception, which is attached to the rollback as suppressed, not as its cause
        XAException commitFailed = new XAException("Error trying to transactionCommit local transaction");
        commitFailed.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commitFailed);
        RuntimeException thrown = new RuntimeException("Error invoking subclass method", rollback);

        // Then it is an outage
        assertThat(DatabaseOutage.causedBy(thrown)).isTrue();
    }

    @Test
    void lostAndRefusedConnectionsAndAServerOutOfConnectionsAreOutages() {
        assertThat(DatabaseOutage.causedBy(new IllegalStateException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("sorry, too many clients already", "53300"))).isTrue();
    }

    @Test
    void aConstraintViolationOrAnErrorWithoutSqlStateIsNotAnOutage() {
        assertThat(DatabaseOutage.causedBy(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new NullPointerException())).isFalse();
    }

    @Test
    void exceptionsThatReferToEachOtherAreSearchedOnce() {
        // Given a failure whose suppressed exception points back at it
        RuntimeException outer = new RuntimeException("outer");
        RuntimeException inner = new RuntimeException("inner", outer);
        outer.addSuppressed(inner);

        // Then the search ends, with no outage found
        assertThat(DatabaseOutage.causedBy(outer)).isFalse();
    }
}
