package org.newsflow.enrich.story;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.newsflow.enrich.record.Jdbc;

/**
 * The story index in enrich's database ({@code story_member}, {@code story_key}), used inside the transaction
 * that stores the enrichment.
 */
@ApplicationScoped
public class DatabaseStoryIndex implements StoryIndex {

    private static final Instant FAR_PAST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private final EntityManager entityManager;

    DatabaseStoryIndex(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Member> sharing(Iterable<String> keys, Instant from, Instant to, String exceptArticleId, int limit) {
        List<String> features = new ArrayList<>();
        keys.forEach(features::add);
        if (features.isEmpty()) {
            return List.of();
        }
        return session().doReturningWork(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT article_id, COUNT(*) AS shared FROM story_key"
                    + " WHERE feature IN (" + Jdbc.placeholders(features.size()) + ") AND article_id <> ?"
                    + " AND (seen_at IS NULL OR (seen_at >= ? AND seen_at <= ?))"
                    + " GROUP BY article_id ORDER BY shared DESC, article_id LIMIT ?")) {
                int p = 1;
                for (String feature : features) {
                    query.setString(p++, feature);
                }
                query.setString(p++, exceptArticleId);
                Jdbc.setTimestamp(query, p++, from == null ? FAR_PAST : from);
                Jdbc.setTimestamp(query, p++, to == null ? FAR_FUTURE : to);
                query.setInt(p, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            Map<String, Member> members = load(connection, ids);
            return ids.stream().filter(members::containsKey).map(members::get).toList();
        });
    }

    @Override
    public Member get(String articleId) {
        return session().doReturningWork(connection -> load(connection, List.of(articleId)).get(articleId));
    }

    @Override
    public void add(Member member) {
        session().doWork(connection -> {
            Jdbc.update(connection, "DELETE FROM story_key WHERE article_id = ?", member.articleId());
            Jdbc.update(connection, "DELETE FROM story_member WHERE article_id = ?", member.articleId());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO story_member (article_id, story_id, features, seen_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, member.articleId());
                insert.setString(2, member.storyId());
                insert.setString(3, write(member.features()));
                Jdbc.setTimestamp(insert, 4, member.seenAt());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO story_key (feature, article_id, seen_at) VALUES (?, ?, ?)")) {
                for (String feature : member.features().keySet()) {
                    insert.setString(1, feature);
                    insert.setString(2, member.articleId());
                    Jdbc.setTimestamp(insert, 3, member.seenAt());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Forgets the story keys of articles seen before {@code cutoff}: they can no longer be joined. */
    public int forgetBefore(Instant cutoff) {
        return session().doReturningWork(
                connection -> Jdbc.update(connection, "DELETE FROM story_key WHERE seen_at < ?", Jdbc.timestamp(cutoff)));
    }

    private static Map<String, Member> load(Connection connection, List<String> articleIds) throws SQLException {
        Map<String, Member> members = new HashMap<>();
        if (articleIds.isEmpty()) {
            return members;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT article_id, story_id, features, seen_at"
                + " FROM story_member WHERE article_id IN (" + Jdbc.placeholders(articleIds.size()) + ")")) {
            for (int i = 0; i < articleIds.size(); i++) {
                query.setString(i + 1, articleIds.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    members.put(rows.getString(1), new Member(rows.getString(1), rows.getString(2), read(rows.getString(3)),
                            Jdbc.instant(rows, 4)));
                }
            }
        }
        return members;
    }

    /** Features as lines of {@code weight<TAB>name}. */
    private static String write(Map<String, Integer> features) {
        StringBuilder text = new StringBuilder();
        features.forEach((name, weight) -> text.append(weight).append('\t').append(name).append('\n'));
        return text.toString();
    }

    private static Map<String, Integer> read(String text) {
        Map<String, Integer> features = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                features.put(line.substring(tab + 1), Integer.parseInt(line.substring(0, tab)));
            }
        }
        return features;
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
