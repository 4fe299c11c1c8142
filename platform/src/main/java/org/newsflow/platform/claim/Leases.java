package org.newsflow.platform.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A claimed work queue over the rows of one table: an instance that wants to work on a row claims it for a lease
 * and gets a token; no other instance can claim the row while the lease runs, and once it has run out (the holder
 * was killed, or hangs) any instance may take the row over. The token fences the outcome: {@link #release} only
 * succeeds for the current holder, so an instance whose lease was taken over cannot overwrite what the new holder
 * does. The table needs two columns, {@code claimed_by} (at least 36 characters) and {@code claimed_until}
 * (a timestamp with time zone), and the caller says which rows may be worked on at all ({@code claimableWhen}, a
 * condition on the row such as {@code status = 'pending'}), so that a row finished by its holder while another
 * instance waited for its lock is never claimed again.
 *
 * <p>Plain SQL that PostgreSQL and H2 both run. Under PostgreSQL's read-committed isolation a claim that waits for
 * a concurrent claim or release of the same row re-reads the row when that commits, so exactly one claimer wins.
 * Leases are judged by the instances' clocks: they must agree to well within a lease (NTP does that).
 */
public final class Leases {

    private final String claim;
    private final String release;
    private final Duration lease;
    private final Clock clock;

    /**
     * @param table         the work table
     * @param idColumn      its key (a number)
     * @param claimableWhen the condition a row must meet to be worked on, in SQL over the table's columns
     * @param lease         how long a claim holds before another instance may take the row over
     */
    public Leases(String table, String idColumn, String claimableWhen, Duration lease, Clock clock) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must last: " + lease);
        }
        this.lease = lease;
        this.clock = clock;
        this.claim = "UPDATE " + table + " SET claimed_by = ?, claimed_until = ? WHERE " + idColumn + " = ? AND ("
                + claimableWhen + ") AND (claimed_until IS NULL OR claimed_until < ?)";
        this.release = "UPDATE " + table + " SET claimed_by = NULL, claimed_until = NULL WHERE " + idColumn
                + " = ? AND claimed_by = ?";
    }

    public Duration lease() {
        return lease;
    }

    /**
     * Claims the row for this transaction's instance: its token when the row is claimable and nobody holds it (or
     * the holder's lease ran out), empty otherwise. The claim counts once the transaction commits.
     */
    public Optional<String> claim(Connection connection, long id) throws SQLException {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        try (PreparedStatement update = connection.prepareStatement(claim)) {
            update.setString(1, token);
            update.setTimestamp(2, Timestamp.from(now.plus(lease)));
            update.setLong(3, id);
            update.setTimestamp(4, Timestamp.from(now));
            return update.executeUpdate() == 1 ? Optional.of(token) : Optional.empty();
        }
    }

    /**
     * Lets go of the row, in the transaction that records the work's outcome: true when {@code token} still held
     * it, false when another instance took the row over — the caller must then leave the row's outcome alone. The
     * row stays locked until the transaction ends, so nobody claims it between this and the outcome.
     */
    public boolean release(Connection connection, long id, String token) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(release)) {
            update.setLong(1, id);
            update.setString(2, token);
            return update.executeUpdate() == 1;
        }
    }
}
