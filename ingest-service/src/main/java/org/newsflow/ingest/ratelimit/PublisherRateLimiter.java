package org.newsflow.ingest.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;
import org.newsflow.ingest.config.IngestConfig;
import org.newsflow.ingest.problem.ProblemException;
import org.newsflow.ingest.publisher.Publisher;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A token bucket per publisher, kept in the database so that every ingest instance charges the same one:
 * {@code rate-limit-per-second} tokens a second, up to {@code rate-limit-burst} saved up. Each article costs one
 * token (a batch costs one per item). A charge is one conditional update in a transaction of its own, so the
 * bucket's row is locked only for that statement, never for the push that follows.
 */
@ApplicationScoped
public class PublisherRateLimiter {

    /** The bucket refilled to now, in SQL: parameters now, rate, burst. */
    private static final String REFILLED = "LEAST(?, tokens + GREATEST(0, ? - updated_ms) * ? / 1000.0)";
    private static final String CHARGE = "UPDATE rate_bucket SET tokens = " + REFILLED + " - ?, "
            + "updated_ms = GREATEST(updated_ms, ?) WHERE publisher_id = ? AND " + REFILLED + " >= ?";

    private final double perSecond;
    private final double burst;

    PublisherRateLimiter(IngestConfig config) {
        this.perSecond = config.rateLimitPerSecond();
        this.burst = Math.max(1, config.rateLimitBurst());
    }

    /** Takes {@code cost} tokens or throws a 429 problem with the seconds to wait in Retry-After. */
    public void acquire(String publisherId, int cost) {
        double wait = QuarkusTransaction.requiringNew().call(() -> Publisher.getEntityManager().unwrap(Session.class)
                .doReturningWork(connection -> take(connection, publisherId, Math.min(cost, burst))));
        if (wait > 0) {
            throw ProblemException.rateLimited((long) Math.ceil(wait), perSecond);
        }
    }

    /** Seconds until {@code cost} tokens are there; 0 when they were taken. */
    private double take(Connection connection, String publisherId, double cost) throws SQLException {
        long now = System.currentTimeMillis();
        if (charge(connection, publisherId, cost, now)) {
            return 0;
        }
        // the publisher's first charge makes its bucket, full less this charge; when another instance made it
        // at the same moment, this charge is tried on that one
        try (PreparedStatement create = connection.prepareStatement("INSERT INTO rate_bucket (publisher_id, tokens, "
                + "updated_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            create.setString(1, publisherId);
            create.setDouble(2, burst - cost);
            create.setLong(3, now);
            if (create.executeUpdate() == 1 || charge(connection, publisherId, cost, now)) {
                return 0;
            }
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT " + REFILLED + " FROM rate_bucket WHERE publisher_id = ?")) {
            refilled(read, 1, now);
            read.setString(4, publisherId);
            try (ResultSet bucket = read.executeQuery()) {
                bucket.next();
                return Math.max(0.001, (cost - bucket.getDouble(1)) / perSecond);
            }
        }
    }

    private boolean charge(Connection connection, String publisherId, double cost, long now) throws SQLException {
        try (PreparedStatement charge = connection.prepareStatement(CHARGE)) {
            refilled(charge, 1, now);
            charge.setDouble(4, cost);
            charge.setLong(5, now);
            charge.setString(6, publisherId);
            refilled(charge, 7, now);
            charge.setDouble(10, cost);
            return charge.executeUpdate() == 1;
        }
    }

    private void refilled(PreparedStatement statement, int from, long now) throws SQLException {
        statement.setDouble(from, burst);
        statement.setLong(from + 1, now);
        statement.setDouble(from + 2, perSecond);
    }
}
