package org.newsflow.publish.stream;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.publish.article.ArticleVersion;
import org.newsflow.publish.article.PublishedArticle;
import org.newsflow.publish.config.PublishConfig;
import org.newsflow.publish.feed.FeedSignal;
import org.newsflow.publish.subscription.ArticleFeatures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The newest published versions, each read from the database, parsed and turned into its stream event once, for
 * all live streams together: with many open streams (every console tab is one) a publication costs one read,
 * not one read, parse and text folding per stream. Looks for new versions when this instance publishes, and at
 * least once a second when asked (versions published by other instances). Versions are in their stream position's
 * order ({@link org.newsflow.publish.article.StreamPositions}), which is the order every instance commits them in.
 */
@ApplicationScoped
public class RecentVersions {

    private static final long LOOK_AT_LEAST_EVERY_MILLIS = 1_000;
    private static final int READ_BATCH = 100;

    /**
     * One published version as streams send it; {@code data} is null for a late older version, which is kept in
     * the history but never announced.
     */
    public static final class Announced {
        private static final ObjectMapper JSON = new ObjectMapper();
        final long id;
        final String kind;
        final String data;
        private ArticleFeatures features;

        Announced(long id, String kind, String data) {
            this.id = id;
            this.kind = kind;
            this.data = data;
        }

        /** What filters match against, worked out once, for the first stream that has a filter. */
        synchronized ArticleFeatures features() {
            if (features == null) {
                try {
                    JsonNode event = JSON.readTree(data);
                    features = ArticleFeatures.of(event.get("article"), event.get("enrichment"),
                            event.path("publisherId").asText(null));
                } catch (IOException e) {
                    throw new IllegalStateException("stream data is JSON", e);
                }
            }
            return features;
        }
    }

    private final FeedSignal signal;
    private final ObjectMapper json;
    private final int capacity;
    private final Deque<Announced> kept = new ArrayDeque<>();
    /** Every version with floor < id <= newest is in {@link #kept}; -1 until first asked. */
    private long floor = -1;
    private long newest = -1;
    private long lookedAtGeneration = -1;
    private long lookedAtMillis;

    RecentVersions(FeedSignal signal, ObjectMapper json, PublishConfig config) {
        this.signal = signal;
        this.json = json;
        this.capacity = Math.max(1, config.stream().recentVersions());
    }

    /** The id of the newest published version (where a stream without Last-Event-ID starts). */
    public synchronized long newestId() {
        lookForNew();
        return newest;
    }

    /**
     * Up to {@code limit} versions after {@code position}, oldest first; empty when the position lies before
     * what is kept, for the caller to read the database instead.
     */
    public synchronized Optional<List<Announced>> after(long position, int limit) {
        lookForNew();
        if (position < floor) {
            return Optional.empty();
        }
        List<Announced> after = new ArrayList<>();
        for (Announced version : kept) {
            if (version.id > position) {
                after.add(version);
                if (after.size() == limit) {
                    break;
                }
            }
        }
        return Optional.of(after);
    }

    /** Reads versions from the database, for positions older than what is kept. */
    List<Announced> read(long position, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> ArticleVersion.<ArticleVersion> find("streamPosition > ?1 order by streamPosition", position)
                .page(0, limit).stream().map(this::announced).toList());
    }

    private void lookForNew() {
        long generation = signal.generation();
        long now = System.currentTimeMillis();
        if (generation == lookedAtGeneration && now - lookedAtMillis < LOOK_AT_LEAST_EVERY_MILLIS) {
            return;
        }
        lookedAtGeneration = generation;
        lookedAtMillis = now;
        if (floor < 0) {
            ArticleVersion last = QuarkusTransaction.requiringNew()
                    .call(() -> ArticleVersion.<ArticleVersion> find("order by streamPosition desc").firstResult());
            floor = last == null ? 0 : last.streamPosition;
            newest = floor;
            return;
        }
        List<Announced> read;
        do {
            read = read(newest, READ_BATCH);
            for (Announced version : read) {
                kept.addLast(version);
                newest = version.id;
            }
            while (kept.size() > capacity) {
                floor = kept.removeFirst().id;
            }
        } while (read.size() == READ_BATCH);
    }

    /** The stream event of a version, built once. */
    private Announced announced(ArticleVersion version) {
        String kind = "canceled".equals(version.pubStatus) ? "kill" : version.version > 1 ? "update" : "new";
        PublishedArticle current = PublishedArticle.findById(version.articleId);
        if (current != null && current.version > version.version && current.publishedAt.isBefore(version.publishedAt)) {
            return new Announced(version.streamPosition, kind, null); // a late older version: never announced
        }
        try {
            JsonNode event = json.readTree(version.payload);
            ObjectNode data = json.createObjectNode().put("articleId", version.articleId).put("version", version.version)
                    .put("publishedAt", version.publishedAt.toString())
                    .put("publisherId", event.path("publisherId").asText(null));
            data.set("article", event.get("article"));
            data.set("enrichment", event.get("enrichment"));
            return new Announced(version.streamPosition, kind, data.toString());
        } catch (IOException e) {
            throw new IllegalStateException("a stored version is JSON", e);
        }
    }
}
