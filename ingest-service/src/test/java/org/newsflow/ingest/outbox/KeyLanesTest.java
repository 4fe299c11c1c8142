package org.newsflow.ingest.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsflow.platform.claim.KeyLanes;
import org.newsflow.testing.TestPostgres;

/**
 * How instances divide the lanes of ordered work ({@link KeyLanes}), on a real PostgreSQL: each connection here is
 * one instance's relay round.
 */
class KeyLanesTest {

    private static final int WORK = 0x7465_7374; // a lock class of its own, apart from the relay's
    private final KeyLanes lanes = new KeyLanes(WORK, 8);
    private final List<Connection> instances = new ArrayList<>();

    @BeforeEach
    void database() {
        TestPostgres.ensureDatabase("newsflow_lanes_test");
    }

    @AfterEach
    void closeInstances() throws Exception {
        for (Connection instance : instances) {
            instance.close();
        }
    }

    @Test
    void anInstanceAloneTakesEveryLane() throws Exception {
        KeyLanes.Held held = lanes.take(instance(), Duration.ofMillis(100));

        assertThat(held.lanes()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(held.all()).isTrue();
        assertThat(held.condition("record_key")).isEqualTo("true");
    }

    @Test
    void anInstanceBesideOneHoldingHalfTheLanesTakesTheOtherHalf() throws Exception {
        Connection first = instance();
        for (int lane = 0; lane < 4; lane++) {
            lock(first, lane);
        }

        KeyLanes.Held held = lanes.take(instance(), Duration.ofMillis(100));

        assertThat(held.lanes()).containsExactly(4, 5, 6, 7);
        assertThat(held.condition("record_key")).contains("= any(?)");
    }

    @Test
    void threeInstancesTakeAThirdEachRoundedUp() throws Exception {
        Connection one = instance();
        Connection two = instance();
        lock(one, 0);
        lock(two, 1);

        KeyLanes.Held third = lanes.take(instance(), Duration.ofMillis(100));

        assertThat(third.lanes()).hasSize(3).doesNotContain(0, 1);
    }

    @Test
    void anInstanceThatFindsEveryLaneHeldWaitsForOneAndTakesItWhenItsHolderIsGone() throws Exception {
        Connection holder = instance();
        assertThat(lanes.take(holder, Duration.ofMillis(100)).all()).isTrue();
        Connection waiting = instance();

        // while the holder keeps its lanes, the wait runs out with nothing, and the round can go on
        assertThat(lanes.take(waiting, Duration.ofMillis(200)).none()).isTrue();
        assertThat(selectOne(waiting)).isEqualTo(1);

        // the holder's connection dies mid-round: the waiting instance gets lanes at once
        CompletableFuture<KeyLanes.Held> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return lanes.take(waiting, Duration.ofSeconds(10));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(taken).isNotDone();
        holder.close();
        assertThat(taken.get(5, TimeUnit.SECONDS).lanes()).isNotEmpty();
    }

    private Connection instance() throws Exception {
        Connection connection = DriverManager.getConnection(TestPostgres.databaseUrl("newsflow_lanes_test"),
                TestPostgres.user(), TestPostgres.password());
        connection.setAutoCommit(false);
        instances.add(connection);
        return connection;
    }

    private static void lock(Connection connection, int lane) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, WORK);
            lock.setInt(2, lane);
            try (ResultSet result = lock.executeQuery()) {
                assertThat(result.next() && result.getBoolean(1)).isTrue();
            }
        }
    }

    private static int selectOne(Connection connection) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("select 1"); ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }
}
