package org.newsflow.publish.consumer;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.publish.problem.ProblemException;
import org.newsflow.publish.problem.RequestBodies;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;

/** The admin API for consumer accounts; every call needs {@code Authorization: Bearer <NEWSFLOW_ADMIN_TOKEN>}. */
@Path("/v1/admin/consumers")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ConsumerAdminResource {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    /** A new consumer and its first API key, shown only in this answer. */
    public record Credentials(String consumerId, String name, String apiKey, Instant createdAt) {
    }

    /** A consumer as the admin sees it (no secrets). */
    public record ConsumerView(String consumerId, String name, Instant createdAt) {
    }

    private final AdminGuard guard;
    private final RequestBodies bodies;

    ConsumerAdminResource(AdminGuard guard, RequestBodies bodies) {
        this.guard = guard;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create a consumer", description = "Body {\"id\": \"my-newsroom\", \"name\": \"My newsroom\"}. "
            + "Answers its first API key, shown only in this answer.")
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        guard.check(authorization);
        JsonNode request = bodies.object(body);
        String id = request.path("id").asText("");
        if (!ID.matcher(id).matches()) {
            throw ProblemException.invalid("id", "consumer-id", "id: 2–63 characters, lower-case letters, digits and '-'");
        }
        String name = request.path("name").asText(id).strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ProblemException.invalid("name", "length", "name: 1–200 characters");
        }
        if (Consumer.findById(id) != null) {
            throw new ProblemException(409, "consumer-exists", "Conflict", "Consumer " + id + " exists already.");
        }
        Consumer consumer = new Consumer();
        consumer.id = id;
        consumer.name = name;
        consumer.createdAt = Instant.now();
        consumer.persist();
        String key = issueKey(id);
        return Response.created(URI.create("/v1/admin/consumers/" + id))
                .entity(new Credentials(id, name, key, consumer.createdAt)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "All consumers")
    public List<ConsumerView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.check(authorization);
        return Consumer.<Consumer> listAll().stream().map(c -> new ConsumerView(c.id, c.name, c.createdAt)).toList();
    }

    @POST
    @Path("/{id}/keys")
    @Transactional
    @Operation(summary = "Issue a new API key", description = "With revokeOthers=true every older key stops working.")
    public Response newKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @QueryParam("revokeOthers") boolean revokeOthers) {
        guard.check(authorization);
        Consumer consumer = Consumer.findById(id);
        if (consumer == null) {
            throw ProblemException.notFound("Consumer " + id);
        }
        if (revokeOthers) {
            ConsumerKey.update("revokedAt = ?1 where consumerId = ?2 and revokedAt is null", Instant.now(), id);
        }
        String key = issueKey(id);
        return Response.status(201).entity(new Credentials(id, consumer.name, key, consumer.createdAt)).build();
    }

    /** Makes a new key for a consumer; returns it (the only time it is seen). */
    static String issueKey(String consumerId) {
        ConsumerKeys.NewKey key = ConsumerKeys.generate();
        ConsumerKey stored = new ConsumerKey();
        stored.lookup = key.lookup();
        stored.consumerId = consumerId;
        stored.secretHash = key.hash();
        stored.createdAt = Instant.now();
        stored.persist();
        return key.key();
    }
}
