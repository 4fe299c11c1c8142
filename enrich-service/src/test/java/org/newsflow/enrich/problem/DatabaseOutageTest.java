package org.newsflow.enrich.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

/** A database restart is told as one (503 + Retry-After), a constraint violation is not. */
class DatabaseOutageTest {

    @Test
    void aConnectionKilledDuringCommitIsAnOutageThoughTheDriverErrorIsOnlySuppressed() {
        XAException commitFailed = new XAException("Error trying to transactionCommit local transaction");
        commitFailed.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commitFailed);

        assertThat(DatabaseOutage.causedBy(new RuntimeException(rollback))).isTrue();
    }

    @Test
    void aConstraintViolationIsNotAnOutage() {
        assertThat(DatabaseOutage.causedBy(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    }
}
