package org.newsflow.publish.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsflow.platform.claim.Leases;
import org.newsflow.testing.KafkaAndPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Two publish instances want the same due webhook message, on the real PostgreSQL: each instance is a connection
 * of its own with its own transactions, the way two processes would use the database. The clock is the test's, so
 * that a lease runs out when the test says.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class DeliveryLeasesTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    DataSource database;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));
    private final Leases leases = new Leases("webhook_delivery", "id", "status = 'pending'", LEASE, new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });
    private long messageRow;

    @BeforeEach
    void aPendingMessageNobodyHolds() throws SQLException {
        // far in the future, so that the running dispatcher never finds it due and the test alone works on it
        messageRow = 9_000_000_000L + (System.nanoTime() & 0xFFFFFF);
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_delivery (id, message_id, "
                        + "subscription_id, feed_seq, article_id, kind, event_id, status, attempts, next_attempt_at, "
                        + "created_at) VALUES (?, ?, ?, 1, ?, 'new', ?, 'pending', 0, ?, ?)")) {
            insert.setLong(1, messageRow);
            insert.setString(2, "msg_" + UUID.randomUUID());
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, UUID.randomUUID().toString());
            insert.setString(5, UUID.randomUUID().toString());
            insert.setTimestamp(6, Timestamp.from(Instant.parse("2999-01-01T00:00:00Z")));
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    @AfterEach
    void removeIt() throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM webhook_delivery WHERE id = ?")) {
            delete.setLong(1, messageRow);
            delete.executeUpdate();
        }
    }

    @Test
    void twoInstancesRacingForTheSameMessageOneWinsAndTheOtherWaitsForItsAnswerThenGetsNothing() throws Exception {
        try (Connection first = transaction(); Connection second = transaction()) {
            // Given the first instance has claimed the message, not yet committed
            Optional<String> firstClaim = leases.claim(first, messageRow);
            assertThat(firstClaim).isPresent();

            // When the second claims it at the same moment, then it waits for the first's transaction
            CompletableFuture<Optional<String>> secondClaim = CompletableFuture.supplyAsync(() -> claim(second));
            Thread.sleep(300);
            assertThat(secondClaim).isNotDone();

            // and once the first commits, the second has lost
            first.commit();
            assertThat(secondClaim.get(10, TimeUnit.SECONDS)).isEmpty();
            second.commit();
        }
    }

    @Test
    void aKilledHoldersMessageIsTakenOverWhenItsLeaseRunsOutAndItsLateOutcomeIsRefused() throws Exception {
        String killed;
        try (Connection first = transaction()) {
            killed = leases.claim(first, messageRow).orElseThrow();
            first.commit();
        }
        try (Connection second = transaction()) {
            // Given the holder died: within its lease nobody else may take the message
            now.set(now.get().plus(LEASE.minusSeconds(1)));
            assertThat(leases.claim(second, messageRow)).isEmpty();

            // When the lease has run out, then another instance takes it over
            now.set(now.get().plusSeconds(2));
            String takenOver = leases.claim(second, messageRow).orElseThrow();
            second.commit();

            // and the old holder, if it was only slow, cannot record its outcome over the new holder's
            try (Connection late = transaction()) {
                assertThat(leases.release(late, messageRow, killed)).isFalse();
                late.commit();
            }
            assertThat(leases.release(second, messageRow, takenOver)).isTrue();
            second.commit();
        }
    }

    @Test
    void aMessageItsHolderFinishedIsNotClaimedByAnInstanceThatWaitedForIt() throws Exception {
        try (Connection holder = transaction(); Connection waiting = transaction()) {
            // Given the holder records the message delivered and lets go, in one transaction not yet committed
            String claim = leases.claim(holder, messageRow).orElseThrow();
            holder.commit();
            now.set(now.get().plus(LEASE).plusSeconds(1)); // and its lease has even run out meanwhile
            assertThat(leases.release(holder, messageRow, claim)).isTrue();
            try (PreparedStatement delivered = holder.prepareStatement(
                    "UPDATE webhook_delivery SET status = 'delivered' WHERE id = ?")) {
                delivered.setLong(1, messageRow);
                delivered.executeUpdate();
            }

            // When another instance claims it meanwhile, then once the holder commits there is nothing to claim
            CompletableFuture<Optional<String>> late = CompletableFuture.supplyAsync(() -> claim(waiting));
            Thread.sleep(300);
            holder.commit();
            assertThat(late.get(10, TimeUnit.SECONDS)).isEmpty();
            waiting.commit();
        }
    }

    private Connection transaction() throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private Optional<String> claim(Connection connection) {
        try {
            return leases.claim(connection, messageRow);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
