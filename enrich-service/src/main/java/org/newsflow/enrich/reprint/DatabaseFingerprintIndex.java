package org.newsflow.enrich.reprint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.newsflow.enrich.record.Jdbc;

/**
 * The fingerprint index in enrich's database ({@code fingerprint}, {@code fingerprint_sample}), used inside the
 * transaction that stores the enrichment, so that an article is indexed exactly when its enrichment is.
 */
@ApplicationScoped
public class DatabaseFingerprintIndex implements FingerprintIndex {

    private final EntityManager entityManager;

    DatabaseFingerprintIndex(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Overlap> overlapping(long[] samples, Instant since, String exceptArticleId, int minShared, int limit) {
        if (samples.length == 0) {
            return List.of();
        }
        return session().doReturningWork(connection -> {
            Map<String, Integer> shared = new HashMap<>();
            List<String> order = new ArrayList<>();
            String sql = "SELECT article_id, COUNT(*) AS shared FROM fingerprint_sample WHERE sample IN ("
                    + Jdbc.placeholders(samples.length) + ") AND article_id <> ? AND (seen_at IS NULL OR seen_at >= ?)"
                    + " GROUP BY article_id HAVING COUNT(*) >= ? ORDER BY shared DESC, article_id LIMIT ?";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int p = 1;
                for (long sample : samples) {
                    query.setLong(p++, sample);
                }
                query.setString(p++, exceptArticleId);
                query.setObject(p++, Jdbc.timestamp(since == null ? Instant.EPOCH : since));
                query.setInt(p++, minShared);
                query.setInt(p, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        shared.put(rows.getString(1), rows.getInt(2));
                        order.add(rows.getString(1));
                    }
                }
            }
            Map<String, Entry> entries = load(connection, order);
            return order.stream().filter(entries::containsKey).map(id -> new Overlap(entries.get(id), shared.get(id))).toList();
        });
    }

    @Override
    public void add(Entry entry) {
        session().doWork(connection -> {
            Jdbc.update(connection, "DELETE FROM fingerprint_sample WHERE article_id = ?", entry.articleId());
            Jdbc.update(connection, "DELETE FROM fingerprint WHERE article_id = ?", entry.articleId());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fingerprint (article_id, uri, source,"
                    + " samples, seen_at, original_article_id, original_uri, original_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, entry.articleId());
                insert.setString(2, entry.uri());
                insert.setString(3, Jdbc.clip(entry.source(), 255));
                insert.setString(4, Arrays.stream(entry.samples()).mapToObj(Long::toString).collect(Collectors.joining(",")));
                Jdbc.setTimestamp(insert, 5, entry.seenAt());
                insert.setString(6, entry.originalArticleId());
                insert.setString(7, entry.originalUri());
                insert.setString(8, Jdbc.clip(entry.originalSource(), 255));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO fingerprint_sample (sample, article_id, seen_at) VALUES (?, ?, ?)")) {
                for (long sample : entry.samples()) {
                    insert.setLong(1, sample);
                    insert.setString(2, entry.articleId());
                    Jdbc.setTimestamp(insert, 3, entry.seenAt());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public Entry get(String articleId) {
        return session().doReturningWork(connection -> load(connection, List.of(articleId)).get(articleId));
    }

    /** Forgets fingerprints seen before {@code cutoff}; returns how many articles were forgotten. */
    public int forgetBefore(Instant cutoff) {
        return session().doReturningWork(connection -> {
            Jdbc.update(connection, "DELETE FROM fingerprint_sample WHERE seen_at < ?", Jdbc.timestamp(cutoff));
            return Jdbc.update(connection, "DELETE FROM fingerprint WHERE seen_at < ?", Jdbc.timestamp(cutoff));
        });
    }

    private static Map<String, Entry> load(Connection connection, List<String> articleIds) throws SQLException {
        Map<String, Entry> entries = new HashMap<>();
        if (articleIds.isEmpty()) {
            return entries;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT article_id, uri, source, samples, seen_at,"
                + " original_article_id, original_uri, original_source FROM fingerprint WHERE article_id IN ("
                + Jdbc.placeholders(articleIds.size()) + ")")) {
            for (int i = 0; i < articleIds.size(); i++) {
                query.setString(i + 1, articleIds.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String samples = rows.getString(4);
                    long[] parsed = samples.isEmpty() ? new long[0]
                            : Arrays.stream(samples.split(",")).mapToLong(Long::parseLong).toArray();
                    entries.put(rows.getString(1), new Entry(rows.getString(1), rows.getString(2), rows.getString(3), parsed,
                            Jdbc.instant(rows, 5), rows.getString(6), rows.getString(7), rows.getString(8)));
                }
            }
        }
        return entries;
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
