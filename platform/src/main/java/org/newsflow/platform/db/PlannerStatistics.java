package org.newsflow.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Keeps PostgreSQL's planner statistics fresh when autovacuum is off on the server. Without them a table that
 * grew from empty keeps the plans made when it was empty — a prepared statement's cached generic plan scans the
 * whole table where an index lookup was meant — so every insert makes the next lookup slower. With autovacuum on
 * (PostgreSQL's default) or on H2 this does nothing; otherwise it runs {@code ANALYZE} on the service's database
 * 10 s after start, then after twice as long each time — a young database grows fastest — until it runs every
 * {@code every}, and says so once in the log.
 */
public final class PlannerStatistics implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PlannerStatistics.class);
    private static final Duration FIRST = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler;

    private PlannerStatistics(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts keeping the statistics of {@code database} when its server does not; {@code every} between runs. */
    public static PlannerStatistics keep(DataSource database, Duration every) {
        if (!needed(database)) {
            return new PlannerStatistics(null);
        }
        LOG.warnf("PostgreSQL's autovacuum is off: this service runs ANALYZE on its database every %s "
                + "(newsflow.db.analyze-every) so that its queries keep using their indexes", every);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "planner-statistics");
            thread.setDaemon(true);
            return thread;
        });
        long longest = Math.max(1, every.toMillis());
        analyzeAfter(scheduler, database, Math.min(FIRST.toMillis(), longest), longest);
        return new PlannerStatistics(scheduler);
    }

    private static void analyzeAfter(ScheduledExecutorService scheduler, DataSource database, long waitMillis, long longest) {
        scheduler.schedule(() -> {
            analyze(database);
            analyzeAfter(scheduler, database, Math.min(longest, 2 * waitMillis), longest);
        }, waitMillis, TimeUnit.MILLISECONDS);
    }

    private static boolean needed(DataSource database) {
        try (Connection connection = database.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                return false;
            }
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW autovacuum")) {
                return row.next() && "off".equalsIgnoreCase(row.getString(1));
            }
        } catch (SQLException e) {
            LOG.debugf("Could not tell whether autovacuum is on (%s); statistics are left to the server", e.getMessage());
            return false;
        }
    }

    private static void analyze(DataSource database) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        } catch (SQLException | RuntimeException e) { // an outage: the next round tries again
            LOG.debugf("ANALYZE failed: %s", e.toString());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
