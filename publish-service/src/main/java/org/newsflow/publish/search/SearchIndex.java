package org.newsflow.publish.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.publish.subscription.ArticleFeatures;

/**
 * Keeps {@code search_document} — one row per article, its terms as an array — in step with the current versions:
 * called in the transaction that stores a version, so the index never disagrees with the articles. One statement
 * per version (an upsert), none of them a DELETE of rows that do not exist. It also writes the part of a search
 * that narrows articles by terms, in the form the database answers quickly: a GIN overlap ({@code &&}) on
 * PostgreSQL, array checks on H2.
 */
@ApplicationScoped
public class SearchIndex {

    private final DataSource database;
    private volatile Boolean postgres;

    SearchIndex(DataSource database) {
        this.database = database;
    }

    /** Indexes the current version of an article under its terms, replacing the previous version's. */
    public void index(String articleId, ArticleFeatures article) {
        Long[] terms = SearchTerms.of(article).toArray(Long[]::new);
        try (Connection connection = database.getConnection()) {
            String upsert = onPostgres(connection)
                    ? "INSERT INTO search_document (article_id, terms) VALUES (?, ?)"
                            + " ON CONFLICT (article_id) DO UPDATE SET terms = EXCLUDED.terms"
                    : "MERGE INTO search_document (article_id, terms) KEY (article_id) VALUES (?, ?)";
            try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                Array array = connection.createArrayOf("bigint", terms);
                statement.setString(1, articleId);
                statement.setArray(2, array);
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not index article " + articleId + " for search", e);
        }
    }

    /** Takes a killed article out of search. */
    public void remove(String articleId) {
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM search_document WHERE article_id = ?")) {
            delete.setString(1, articleId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take article " + articleId + " out of search", e);
        }
    }

    /**
     * The condition on {@code article} (an alias of {@code published_article}) that it has at least one term of each
     * set, with its parameters put into {@code parameters}; empty when nothing is required.
     */
    public String narrowing(String article, List<Set<Long>> required, Map<String, Object> parameters) {
        if (required.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" AND ").append(article).append(".article_id IN (SELECT d.article_id FROM search_document d WHERE ");
        boolean postgresql = onPostgres();
        for (int i = 0; i < required.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            if (postgresql) { // one array parameter per set, so that the statement's text depends only on how many
                sql.append("d.terms && CAST(:terms").append(i).append(" AS bigint[])");
                parameters.put("terms" + i, required.get(i).stream().map(String::valueOf)
                        .collect(Collectors.joining(",", "{", "}")));
            } else { // our own numbers, not user text: written into the statement
                sql.append(required.get(i).stream().map(term -> "ARRAY_CONTAINS(d.terms, CAST(" + term + " AS BIGINT))")
                        .collect(Collectors.joining(" OR ", "(", ")")));
            }
        }
        return sql.append(")").toString();
    }

    private boolean onPostgres() {
        if (postgres == null) {
            try (Connection connection = database.getConnection()) {
                return onPostgres(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("could not tell which database search runs on", e);
            }
        }
        return postgres;
    }

    private boolean onPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
        return postgres;
    }
}
