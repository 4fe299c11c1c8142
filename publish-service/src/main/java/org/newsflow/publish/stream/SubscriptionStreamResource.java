package org.newsflow.publish.stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

/** A subscription's live stream, beside its feed: {@code /v1/subscriptions/{id}/stream}. */
@Path("/v1/subscriptions/{id}/stream")
@Blocking
public class SubscriptionStreamResource {

    private final StreamResource streams;

    SubscriptionStreamResource(StreamResource streams) {
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "A subscription's live stream (Server-Sent Events: id = feed cursor, event = new, update or "
            + "kill), resumable with Last-Event-ID or ?from=<cursor>")
    public void stream(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("from") String from,
            @Context SseEventSink sink, @Context Sse sse) {
        streams.subscription(authorization, id, lastEventId, from, sink, sse);
    }
}
