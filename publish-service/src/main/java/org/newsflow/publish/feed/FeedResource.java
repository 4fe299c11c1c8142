package org.newsflow.publish.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.publish.article.ArticleVersion;
import org.newsflow.publish.article.PublishedArticle;
import org.newsflow.publish.config.PublishConfig;
import org.newsflow.publish.limits.ConnectionLimits;
import org.newsflow.publish.problem.ProblemException;
import org.newsflow.publish.subscription.Subscription;
import org.newsflow.publish.subscription.SubscriptionResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The pull feed of a subscription: what it received, oldest first, a page at a time. {@code next} is an opaque
 * cursor for the following page; reading with it later returns exactly what arrived since, with no gaps and no
 * repeats. A killed article's earlier versions vanish from the feed; its kill entry stays, so a consumer that
 * took a version learns to withdraw it.
 */
@Path("/v1/subscriptions/{id}/feed")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FeedResource {

    /** One delivered version. */
    public record Item(String cursor, String kind, String articleId, int version, Instant publishedAt, JsonNode article,
            JsonNode enrichment) {
    }

    /** A page of the feed. */
    public record Page(String subscriptionId, List<Item> items, String next, boolean more) {
    }

    private final SubscriptionResource subscriptions;
    private final FeedCursor cursors;
    private final PublishConfig config;
    private final ObjectMapper json;
    private final FeedSignal signal;
    private final ConnectionLimits limits;

    FeedResource(SubscriptionResource subscriptions, FeedCursor cursors, PublishConfig config, ObjectMapper json,
            FeedSignal signal, ConnectionLimits limits) {
        this.signal = signal;
        this.limits = limits;
        this.subscriptions = subscriptions;
        this.cursors = cursors;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, FeedFormats.JSON_FEED, FeedFormats.ATOM })
    @Operation(summary = "Read a subscription's feed", description = "As JSON (default), JSON Feed 1.1 (Accept: "
            + "application/feed+json) or Atom (Accept: application/atom+xml). Without a cursor from the oldest entry "
            + "kept; with the next cursor of a page, from just after it. limit: 1 to newsflow.publish.feed-max-page "
            + "(default 50). wait: seconds (up to 60) to wait for new items when there are none yet (long poll).")
    public Uni<jakarta.ws.rs.core.Response> read(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @QueryParam("wait") String wait, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        long deadline = System.currentTimeMillis() + waitMillis(wait);
        long seen = signal.generation();
        Read first = read(authorization, id, cursor, limit);
        if (!first.page().items().isEmpty() || deadline <= System.currentTimeMillis()) {
            return Uni.createFrom().item(render(id, first, accept));
        }
        // a long poll: no thread waits; the request is resumed when something is published or the wait is over
        ConnectionLimits.Slot slot = limits.open(first.consumerId(), "query:wait");
        return poll(authorization, id, cursor, limit, seen, deadline)
                .map(read -> render(id, read, accept))
                .onTermination().invoke(slot::close);
    }

    private Uni<Read> poll(String authorization, String id, String cursor, String limit, long seen, long deadline) {
        long left = deadline - System.currentTimeMillis();
        return Uni.createFrom().completionStage(() -> signal.after(seen, Math.max(1, left)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(() -> {
                    long now = signal.generation();
                    Read read = read(authorization, id, cursor, limit);
                    if (!read.page().items().isEmpty() || deadline <= System.currentTimeMillis()) {
                        return Uni.createFrom().item(read);
                    }
                    return poll(authorization, id, cursor, limit, now, deadline);
                });
    }

    /** One page read, with who may read it. */
    private record Read(String consumerId, String name, Page page) {
    }

    private Read read(String authorization, String id, String cursor, String limit) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Subscription subscription = subscriptions.own(authorization, id);
            return new Read(subscription.consumerId, subscription.name, page(subscription, cursor, limit));
        });
    }

    private jakarta.ws.rs.core.Response render(String id, Read read, String accept) {
        Page page = read.page();
        String feedUrl = "/v1/subscriptions/" + id + "/feed";
        String title = "Newsflow: " + read.name();
        if (accept != null && accept.contains(FeedFormats.ATOM)) {
            return jakarta.ws.rs.core.Response.ok(FeedFormats.atom(id, title, feedUrl, page), FeedFormats.ATOM).build();
        }
        if (accept != null && accept.contains(FeedFormats.JSON_FEED)) {
            return jakarta.ws.rs.core.Response.ok(FeedFormats.jsonFeed(json, title, feedUrl, page), FeedFormats.JSON_FEED).build();
        }
        return jakarta.ws.rs.core.Response.ok(page, MediaType.APPLICATION_JSON).build();
    }

    private static long waitMillis(String wait) {
        if (wait == null || wait.isBlank()) {
            return 0;
        }
        try {
            int seconds = Integer.parseInt(wait);
            if (seconds >= 0 && seconds <= 60) {
                return seconds * 1000L;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("query:wait", "range", "wait: whole seconds from 0 to 60");
    }

    /** A page of the subscription's feed after {@code cursor} (in the caller's transaction). */
    public Page page(Subscription subscription, String cursor, String limit) {
        int size = pageSize(limit);
        long after = cursor == null || cursor.isBlank() ? 0 : cursors.decode(subscription.id, cursor);
        List<FeedEntry> entries = FeedEntry.find("subscriptionId = ?1 and positionInFeed > ?2 order by positionInFeed", subscription.id, after)
                .page(0, size).list();
        Set<String> killed = killedAmong(entries);
        List<Item> items = new ArrayList<>();
        for (FeedEntry entry : entries) {
            if (!FeedEntry.KILL.equals(entry.kind) && killed.contains(entry.articleId)) {
                continue; // withdrawn: the kill entry tells the consumer
            }
            items.add(item(subscription.id, entry));
        }
        long last = entries.isEmpty() ? after : entries.get(entries.size() - 1).positionInFeed;
        return new Page(subscription.id, items, cursors.encode(subscription.id, last), entries.size() == size);
    }

    private int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return Math.min(50, config.feedMaxPage());
        }
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= config.feedMaxPage()) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("query:limit", "range", "limit: a whole number from 1 to " + config.feedMaxPage());
    }

    private static Set<String> killedAmong(List<FeedEntry> entries) {
        Set<String> ids = entries.stream().map(e -> e.articleId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Set.of();
        }
        return PublishedArticle.<PublishedArticle> list("articleId in ?1 and pubStatus = 'canceled'", ids).stream()
                .map(a -> a.articleId).collect(Collectors.toSet());
    }

    private Item item(String subscriptionId, FeedEntry entry) {
        ArticleVersion version = ArticleVersion.byEventId(entry.eventId).orElseThrow();
        try {
            JsonNode published = json.readTree(version.payload);
            return new Item(cursors.encode(subscriptionId, entry.positionInFeed), entry.kind, entry.articleId, entry.version,
                    version.publishedAt, published.get("article"), published.get("enrichment"));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored version is JSON", e);
        }
    }
}
