package org.newsflow.publish.stream;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.publish.consumer.ConsumerAuthenticator;
import org.newsflow.publish.feed.FeedResource;
import org.newsflow.publish.feed.FeedSignal;
import org.newsflow.publish.limits.ConnectionLimits;
import org.newsflow.publish.problem.ProblemException;
import org.newsflow.publish.subscription.ArticleFeatures;
import org.newsflow.publish.subscription.Subscription;
import org.newsflow.publish.subscription.SubscriptionFilter;
import org.newsflow.publish.subscription.SubscriptionResource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Live streams as Server-Sent Events. A subscription's stream sends what its feed receives (event id = feed
 * cursor, event name = new, update or kill); an ad-hoc stream applies a filter given in the query to every
 * published version (event id = its position in the publication log). Both resume after {@code Last-Event-ID}
 * (or {@code ?from=}), and send a comment every 15 s of silence so that proxies keep the connection.
 */
@Path("/v1/stream")
@io.smallrye.common.annotation.Blocking
public class StreamResource {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(StreamResource.class);
    private static final int BATCH = 100;

    private final SubscriptionResource subscriptions;
    private final FeedResource feeds;
    private final FeedSignal signal;
    private final ConsumerAuthenticator authenticator;
    private final ObjectMapper json;
    private final RecentVersions recent;
    private final ConnectionLimits limits;
    private final long heartbeatMillis;
    private final ExecutorService streams = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "sse-stream");
        thread.setDaemon(true);
        return thread;
    });

    StreamResource(SubscriptionResource subscriptions, FeedResource feeds, FeedSignal signal,
            ConsumerAuthenticator authenticator, ObjectMapper json, RecentVersions recent, ConnectionLimits limits,
            org.newsflow.publish.config.PublishConfig config) {
        this.heartbeatMillis = config.stream().heartbeat().toMillis();
        this.recent = recent;
        this.limits = limits;
        this.subscriptions = subscriptions;
        this.feeds = feeds;
        this.signal = signal;
        this.authenticator = authenticator;
        this.json = json;
    }

    void stop(@Observes ShutdownEvent stop) {
        streams.shutdownNow();
    }

    /** The stream of a subscription (served at /v1/subscriptions/{id}/stream by {@link SubscriptionStreamResource}). */
    void subscription(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("from") String from,
            @Context SseEventSink sink, @Context Sse sse) {
        Subscription subscription = QuarkusTransaction.requiringNew().call(() -> subscriptions.own(authorization, id));
        String start = lastEventId != null ? lastEventId : from;
        if (start != null) {
            feeds.page(subscription, start, "1"); // a foreign or tampered cursor is refused before the stream opens
        }
        ConnectionLimits.Slot slot = limits.open(subscription.consumerId, "header:Authorization");
        java.util.function.BooleanSupplier allowed = () -> stillAllowed(() -> subscriptions.own(authorization, id));
        run(slot, sink, () -> {
            String cursor = start;
            while (!sink.isClosed()) {
                long seen = signal.generation();
                String position = cursor;
                FeedResource.Page page = QuarkusTransaction.requiringNew().call(
                        () -> feeds.page(Subscription.findById(subscription.id), position, Integer.toString(BATCH)));
                for (FeedResource.Item item : page.items()) {
                    if (!send(sink, sse.newEventBuilder().id(item.cursor()).name(item.kind())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(write(item)).build())) {
                        return;
                    }
                }
                cursor = page.next();
                if (page.items().isEmpty() && !idle(sink, sse, seen, allowed)) {
                    return;
                }
            }
        });
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "A live stream of the published versions that meet an ad-hoc filter (Server-Sent Events)",
            description = "filter: the JSON of a subscription filter, URL-encoded; without it, every published version. "
                    + "Without Last-Event-ID it starts now.")
    public void adHoc(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("filter") String filterJson,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        String consumerId = authenticator.consumerId(authorization);
        java.util.function.Predicate<ArticleFeatures> wanted = null; // null: everything (the console's live view)
        if (filterJson != null && !filterJson.isBlank()) {
            try {
                wanted = SubscriptionFilter.parse(json.readTree(filterJson))::matches;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw ProblemException.invalid("query:filter", "json", "filter is not valid JSON: " + e.getOriginalMessage());
            }
        }
        long start = position(lastEventId);
        java.util.function.Predicate<ArticleFeatures> filter = wanted;
        ConnectionLimits.Slot slot = limits.open(consumerId, "header:Authorization");
        java.util.function.BooleanSupplier allowed = () -> stillAllowed(() -> authenticator.consumerId(authorization));
        run(slot, sink, () -> {
            long after = start;
            while (!sink.isClosed()) {
                long seen = signal.generation();
                long from = after;
                List<RecentVersions.Announced> versions = recent.after(from, BATCH).orElseGet(() -> recent.read(from, BATCH));
                for (RecentVersions.Announced version : versions) {
                    after = version.id;
                    boolean announced = version.data != null;
                    if (announced && (filter == null || filter.test(version.features()))) {
                        if (!send(sink, sse.newEventBuilder().id(Long.toString(version.id)).name(version.kind)
                                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(version.data).build())) {
                            return;
                        }
                    }
                }
                if (versions.isEmpty() && !idle(sink, sse, seen, allowed)) {
                    return;
                }
            }
        });
    }

    /** The stream's start: after Last-Event-ID, or from the newest version now. */
    private long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return recent.newestId();
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("header:Last-Event-ID", "stream-position", "Last-Event-ID is not an event id of this stream");
        }
    }

    /**
     * Runs a stream's loop on its own thread, holding its connection slot until it ends. A loop that fails closes
     * the stream (the client reconnects with Last-Event-ID) instead of leaving it open and silent.
     */
    private void run(ConnectionLimits.Slot slot, SseEventSink sink, Runnable loop) {
        try {
            streams.submit(() -> {
                try {
                    loop.run();
                } catch (RuntimeException e) {
                    LOG.warnf("A live stream failed and is closed (the client may resume with Last-Event-ID): %s", e.toString());
                } finally {
                    slot.close();
                    if (!sink.isClosed()) {
                        sink.close();
                    }
                }
            });
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    /** Whether the stream's key (and subscription) still let it read; a revoked key ends its streams. */
    private static boolean stillAllowed(Runnable check) {
        try {
            QuarkusTransaction.requiringNew().run(check);
            return true;
        } catch (ProblemException refused) {
            return false;
        }
    }

    /**
     * Waits for news; after a quiet while, checks that the key still may read and sends a heartbeat comment. False
     * when the client has gone or may no longer read.
     */
    private boolean idle(SseEventSink sink, Sse sse, long seen, java.util.function.BooleanSupplier allowed) {
        try {
            long before = signal.generation();
            signal.awaitAfter(seen, heartbeatMillis);
            if (signal.generation() == before) {
                return allowed.getAsBoolean() && send(sink, sse.newEventBuilder().comment("keep-alive").build());
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean send(SseEventSink sink, OutboundSseEvent event) {
        try {
            sink.send(event).toCompletableFuture().get();
            return !sink.isClosed();
        } catch (Exception e) {
            sink.close();
            return false;
        }
    }

    private String write(FeedResource.Item item) {
        try {
            return json.writeValueAsString(item);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a feed item is always serialisable", e);
        }
    }
}
