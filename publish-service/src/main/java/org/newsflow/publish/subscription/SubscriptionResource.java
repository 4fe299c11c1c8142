package org.newsflow.publish.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.publish.consumer.ConsumerAuthenticator;
import org.newsflow.publish.delivery.KafkaRouting;
import org.newsflow.publish.problem.ProblemException;
import org.newsflow.publish.problem.RequestBodies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * A consumer's own subscriptions ({@code Authorization: Bearer nfc_…}). Someone else's subscription answers 404,
 * exactly like one that does not exist.
 */
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SubscriptionResource {

    /** A subscription as its consumer sees it. */
    public record SubscriptionView(String id, String name, JsonNode filter, JsonNode channel, String status,
            String statusReason, String feed, Instant createdAt, Instant updatedAt) {
    }

    private final ConsumerAuthenticator authenticator;
    private final RequestBodies bodies;
    private final SubscriptionIndex index;
    private final ObjectMapper json;
    private final org.newsflow.publish.config.AfterCommit afterCommit;
    private final org.newsflow.publish.delivery.UrlGuard guard;
    private final KafkaRouting routing;
    private final WebhookSecrets secrets;
    private final org.newsflow.publish.config.PublishConfig config;

    SubscriptionResource(ConsumerAuthenticator authenticator, RequestBodies bodies, SubscriptionIndex index, ObjectMapper json,
            org.newsflow.publish.config.AfterCommit afterCommit, org.newsflow.publish.delivery.UrlGuard guard,
            KafkaRouting routing, WebhookSecrets secrets, org.newsflow.publish.config.PublishConfig config) {
        this.config = config;
        this.secrets = secrets;
        this.guard = guard;
        this.routing = routing;
        this.authenticator = authenticator;
        this.bodies = bodies;
        this.index = index;
        this.json = json;
        this.afterCommit = afterCommit;
    }


    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Subscribe", description = "Body: {\"name\": \"energy desk\", \"filter\": {\"all\": {\"subjects\": "
            + "[\"20000256\"]}, \"any\": {\"countries\": [\"AZ\"]}, \"none\": {\"languages\": [\"ru\"]}}, \"channel\": "
            + "{\"type\": \"feed\"}}. Fields: subjects, people, organisations, places, countries, sources, languages, "
            + "keywords, text.")
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        String consumerId = authenticator.consumerId(authorization);
        JsonNode request = bodies.object(body);
        long owned = Subscription.count("consumerId = ?1 and deletedAt is null", consumerId);
        if (owned >= config.quotas().subscriptionsPerConsumer()) {
            throw quotaExceeded("name", "subscriptions-per-consumer", "A consumer has at most "
                    + config.quotas().subscriptionsPerConsumer() + " subscriptions; delete one first.");
        }
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID().toString();
        subscription.consumerId = consumerId;
        String newSecret = apply(subscription, request);
        subscription.createdAt = subscription.updatedAt;
        subscription.persist();
        return Response.created(URI.create("/v1/subscriptions/" + subscription.id))
                .entity(viewShowingOnce(subscription, newSecret)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "Your subscriptions")
    public List<SubscriptionView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String consumerId = authenticator.consumerId(authorization);
        return Subscription.<Subscription> list("consumerId = ?1 and deletedAt is null order by createdAt", consumerId)
                .stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public SubscriptionView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return view(own(authorization, id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Change a subscription's name, filter or channel; its feed and cursors stay valid")
    public SubscriptionView replace(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            String body) {
        Subscription subscription = own(authorization, id);
        String newSecret = apply(subscription, bodies.object(body)); // a feed turned into a webhook gets a secret
        return viewShowingOnce(subscription, newSecret);
    }

    @POST
    @Path("/{id}/secret")
    @Transactional
    @Operation(summary = "Rotate a webhook subscription's signing secret",
            description = "Answers the new secret, shown only this once. Until newsflow.publish.webhooks.secret-rotation-overlap "
                    + "(24 h) has passed, messages carry two signatures, with the new and the old secret.")
    public Response rotateSecret(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Subscription subscription = own(authorization, id);
        if (subscription.webhookUrl == null) {
            throw ProblemException.invalid("channel.type", "webhook-channel", "only a webhook subscription has a signing secret");
        }
        String secret = secrets.rotate(subscription, config.webhooks().secretRotationOverlap());
        subscription.updatedAt = Instant.now();
        return Response.ok(json.createObjectNode().put("secret", secret)
                .put("previousSecretValidUntil", subscription.previousSecretUntil.toString())).build();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Subscription subscription = own(authorization, id);
        subscription.deletedAt = Instant.now();
        ReleasedTopic.release(subscription.kafkaTopic);
        subscription.updatedAt = subscription.deletedAt; // other instances learn of deletions by this time
        afterCommit.run(() -> index.remove(subscription.id)); // the index follows committed changes only
        return Response.noContent().build();
    }

    /** The caller's own live subscription, or a 404 problem. */
    public Subscription own(String authorization, String id) {
        String consumerId = authenticator.consumerId(authorization);
        return Subscription.ofConsumer(consumerId, id).orElseThrow(() -> ProblemException.notFound("Subscription " + id));
    }

    /** Applies a create or replace request; answers the webhook secret it made, in clear, or null. */
    private String apply(Subscription subscription, JsonNode request) {
        String newSecret = null;
        String name = request.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ProblemException.invalid("name", "length", "name: 1–200 characters");
        }
        SubscriptionFilter filter = SubscriptionFilter.parse(request.get("filter"));
        String channel = request.path("channel").path("type").asText("feed");
        if (channel.equals("webhook")) {
            String url = request.path("channel").path("url").asText(null);
            if (url == null) {
                throw ProblemException.invalid("channel.url", "required", "a webhook channel needs a url");
            }
            subscription.webhookUrl = guard.check("channel.url", url).toString();
            if (subscription.webhookSecret == null) {
                newSecret = secrets.newSecretFor(subscription);
            }
            ReleasedTopic.release(subscription.kafkaTopic);
            subscription.kafkaTopic = null; // messages go to the webhook from now on, not to the old topic
        } else if (channel.equals("kafka")) {
            String topic = KafkaRouting.PREFIX + request.path("channel").path("topic").asText("");
            boolean taken = Subscription.count("kafkaTopic = ?1 and id <> ?2 and deletedAt is null", topic, subscription.id) > 0;
            if (taken) {
                throw new ProblemException(409, "topic-taken", "Conflict", "Another subscription writes to " + topic + ".");
            }
            boolean newTopic = !topic.equals(subscription.kafkaTopic);
            if (newTopic && Subscription.count("consumerId = ?1 and kafkaTopic is not null and deletedAt is null and id <> ?2",
                    subscription.consumerId, subscription.id) >= config.quotas().kafkaTopicsPerConsumer()) {
                throw quotaExceeded("channel.topic", "kafka-topics-per-consumer", "A consumer has at most "
                        + config.quotas().kafkaTopicsPerConsumer() + " Kafka-channel subscriptions (each is a topic on the broker).");
            }
            if (newTopic) {
                ReleasedTopic.release(subscription.kafkaTopic);
            }
            subscription.kafkaTopic = routing.topicFor(request.path("channel").path("topic").asText(null));
            ReleasedTopic.taken(subscription.kafkaTopic);
            subscription.webhookUrl = null;
        } else if (channel.equals("feed")) {
            subscription.webhookUrl = null;
            ReleasedTopic.release(subscription.kafkaTopic);
            subscription.kafkaTopic = null;
        } else {
            throw ProblemException.invalid("channel.type", "known-channel", "channel.type: feed (pull), webhook or kafka");
        }
        subscription.name = name;
        subscription.filter = request.get("filter").toString();
        subscription.channel = channel;
        subscription.updatedAt = Instant.now();
        afterCommit.run(() -> index.put(subscription.id, filter));
        return newSecret;
    }

    private static ProblemException quotaExceeded(String field, String rule, String detail) {
        return new ProblemException(403, "quota-exceeded", "Quota exceeded", detail,
                java.util.List.of(new org.newsflow.contract.FieldViolation(field, rule, detail)));
    }

    /** The view, with a signing secret made by this request: the only time it is shown. */
    private SubscriptionView viewShowingOnce(Subscription subscription, String newSecret) {
        SubscriptionView view = view(subscription);
        if (newSecret != null) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) view.channel()).put("secret", newSecret);
        }
        return view;
    }

    private SubscriptionView view(Subscription subscription) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode channel = json.createObjectNode().put("type", subscription.channel);
            if (subscription.webhookUrl != null) {
                channel.put("url", subscription.webhookUrl);
            }
            if (subscription.kafkaTopic != null) {
                channel.put("topic", subscription.kafkaTopic);
            }
            return new SubscriptionView(subscription.id, subscription.name, json.readTree(subscription.filter), channel,
                    subscription.status, subscription.statusReason, "/v1/subscriptions/" + subscription.id + "/feed",
                    subscription.createdAt, subscription.updatedAt);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored filter is JSON", e);
        }
    }
}
