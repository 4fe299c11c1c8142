package org.newsflow.platform.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Work kept in order per key, shared by several instances: every key falls in one of {@code count} lanes (a hash of
 * the key, computed by the database), and a lane is held by at most one transaction at a time, so one key's work is
 * never done by two instances at once nor out of order, while different lanes go on in parallel. On PostgreSQL a
 * lane is a transaction-level advisory lock: held until the transaction ends and released by the database when the
 * holder's connection dies, so a crashed instance's lanes pass on at once. Each round an instance takes its share,
 * the lanes divided by the instances holding or waiting for one; one that finds every lane held waits for one
 * instead of retrying, so that the others count it next round. Any other database (the embedded H2 of the local run)
 * serves one instance by definition, and every lane is always free.
 */
public final class KeyLanes {

    /** The lanes a round holds, and the SQL condition that keeps a table's rows to them. */
    public record Held(List<Integer> lanes, int count) {

        public boolean all() {
            return lanes.size() == count;
        }

        public boolean none() {
            return lanes.isEmpty();
        }

        /**
         * A condition on {@code keyColumn} true for the rows in these lanes, with one array parameter
         * ({@link #bind}); "true" when every lane is held.
         */
        public String condition(String keyColumn) {
            return all() ? "true" : "mod(" + hash(keyColumn) + ", " + count + ") = any(?)";
        }

        /** Binds the condition's parameter, if it has one, at {@code index}; returns the next free index. */
        public int bind(PreparedStatement statement, int index) throws SQLException {
            if (all()) {
                return index;
            }
            statement.setArray(index, statement.getConnection().createArrayOf("integer", lanes.toArray()));
            return index + 1;
        }
    }

    private final int lockClass;
    private final int count;

    /**
     * @param lockClass the first key of the advisory locks, naming the work (one per kind of work in a database)
     * @param count     how many lanes: at most this many instances work at once; every instance must use the same
     */
    public KeyLanes(int lockClass, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one lane: " + count);
        }
        this.lockClass = lockClass;
        this.count = count;
    }

    /**
     * A key's lane number before {@code mod count}, in SQL: 28 bits of the MD5 of the key, the same on every
     * instance and every PostgreSQL version.
     */
    public static String hash(String keyColumn) {
        return "('x' || substr(md5(" + keyColumn + "), 1, 7))::bit(28)::int";
    }

    /**
     * Takes this round's share of the lanes for the transaction on {@code connection}; when all are held by others,
     * waits up to {@code wait} for one. Empty when none came free in that time.
     */
    public Held take(Connection connection, Duration wait) throws SQLException {
        List<Integer> order = new ArrayList<>(count);
        for (int lane = 0; lane < count; lane++) {
            order.add(lane);
        }
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return new Held(order, count);
        }
        Collections.shuffle(order, ThreadLocalRandom.current());
        int instances = otherInstances(connection) + 1;
        int share = (count + instances - 1) / instances;
        List<Integer> held = tryTake(connection, order, share);
        if (held.isEmpty() && waitFor(connection, order.get(0), wait)) {
            held.add(order.get(0));
            held.addAll(tryTake(connection, order.subList(1, count), share - 1));
        }
        Collections.sort(held);
        return new Held(held, count);
    }

    /** Instances (database sessions) holding or waiting for a lane of this work, other than this one. */
    private int otherInstances(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(distinct pid) from pg_locks"
                + " where locktype = 'advisory' and objsubid = 2 and classid::bigint = ? and pid <> pg_backend_pid()"
                + " and database = (select oid from pg_database where datname = current_database())")) {
            query.setLong(1, lockClass & 0xffffffffL);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getInt(1) : 0;
            }
        }
    }

    /** The first {@code most} lanes of {@code order} that nobody holds, now taken; one statement. */
    private List<Integer> tryTake(Connection connection, List<Integer> order, int most) throws SQLException {
        List<Integer> taken = new ArrayList<>();
        if (most <= 0 || order.isEmpty()) {
            return taken;
        }
        // no ORDER BY: the scan of the array stops at the limit, so no lane past the share is locked
        try (PreparedStatement lock = connection.prepareStatement(
                "select lane from unnest(?) as lanes(lane) where pg_try_advisory_xact_lock(?, lane) limit ?")) {
            lock.setArray(1, connection.createArrayOf("integer", order.toArray()));
            lock.setInt(2, lockClass);
            lock.setInt(3, most);
            try (ResultSet result = lock.executeQuery()) {
                while (result.next()) {
                    taken.add(result.getInt(1));
                }
            }
        }
        return taken;
    }

    private boolean waitFor(Connection connection, int lane, Duration wait) throws SQLException {
        // a savepoint in SQL: a pooled connection enlisted in a JTA transaction refuses JDBC's rollback(Savepoint)
        try (Statement sql = connection.createStatement();
                PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            sql.execute("savepoint lane_wait");
            sql.execute("set local lock_timeout = " + Math.max(1, wait.toMillis()));
            lock.setInt(1, lockClass);
            lock.setInt(2, lane);
            try {
                lock.execute();
            } catch (SQLException e) {
                if (!"55P03".equals(e.getSQLState())) { // lock_not_available: the wait ran out
                    throw e;
                }
                sql.execute("rollback to savepoint lane_wait"); // also undoes the lock_timeout
                return false;
            }
            sql.execute("release savepoint lane_wait");
            sql.execute("set local lock_timeout to default");
            return true;
        }
    }
}
