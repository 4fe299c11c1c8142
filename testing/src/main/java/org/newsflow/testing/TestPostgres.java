package org.newsflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL server the integration tests run against (127.0.0.1:5432 unless told otherwise).
 * <p>
 * Override with environment variables or system properties:
 * {@code NEWSFLOW_TEST_PG_URL} / {@code newsflow.test.pg.url} (a JDBC URL of a database the user may connect
 * to, used to create the test databases), {@code NEWSFLOW_TEST_PG_USER} and {@code NEWSFLOW_TEST_PG_PASSWORD}.
 */
public final class TestPostgres {

    public static String adminUrl() {
        return setting("NEWSFLOW_TEST_PG_URL", "newsflow.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    public static String user() {
        return setting("NEWSFLOW_TEST_PG_USER", "newsflow.test.pg.user", "postgres");
    }

    public static String password() {
        return setting("NEWSFLOW_TEST_PG_PASSWORD", "newsflow.test.pg.password", "");
    }

    /** Creates the database when it does not exist yet and returns its JDBC URL. */
    public static String ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(adminUrl(), user(), password())) {
            if (!exists(connection, database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare test database '" + database + "' through " + adminUrl()
                    + " as '" + user() + "'. Is PostgreSQL running? (" + e.getMessage() + ")", e);
        }
        return databaseUrl(database);
    }

    /** Drops the database when it exists (closing its connections) and creates it empty; returns its JDBC URL. */
    public static String recreateDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(adminUrl(), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate test database '" + database + "' through " + adminUrl()
                    + " as '" + user() + "'. Is PostgreSQL running? (" + e.getMessage() + ")", e);
        }
        return databaseUrl(database);
    }

    /** JDBC URL of {@code database} on the same server as {@link #adminUrl()}. */
    public static String databaseUrl(String database) {
        String admin = adminUrl();
        int query = admin.indexOf('?');
        String base = query < 0 ? admin : admin.substring(0, query);
        String params = query < 0 ? "" : admin.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String setting(String env, String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private TestPostgres() {
    }
}
