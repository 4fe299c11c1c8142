package org.newsflow.publish.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.publish.subscription.ArticleFeatures;

/**
 * Keeps {@code search_term} in step with the current versions: called in the transaction that stores a
 * version, so the index never disagrees with the articles.
 */
@ApplicationScoped
public class SearchIndex {

    private final DataSource database;

    SearchIndex(DataSource database) {
        this.database = database;
    }

    /** Indexes the current version of an article under its terms, replacing the previous version's. */
    public void index(String articleId, ArticleFeatures article) {
        Set<Long> terms = SearchTerms.of(article);
        try (Connection connection = database.getConnection()) {
            remove(connection, articleId);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO search_term (term, article_id) VALUES (?, ?)")) {
                for (long term : terms) {
                    insert.setLong(1, term);
                    insert.setString(2, articleId);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not index article " + articleId + " for search", e);
        }
    }

    /** Takes a killed article out of search. */
    public void remove(String articleId) {
        try (Connection connection = database.getConnection()) {
            remove(connection, articleId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take article " + articleId + " out of search", e);
        }
    }

    private static void remove(Connection connection, String articleId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM search_term WHERE article_id = ?")) {
            delete.setString(1, articleId);
            delete.executeUpdate();
        }
    }
}
