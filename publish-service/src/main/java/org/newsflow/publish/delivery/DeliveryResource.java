package org.newsflow.publish.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.publish.problem.ProblemException;
import org.newsflow.publish.subscription.Subscription;
import org.newsflow.publish.subscription.SubscriptionResource;

import io.smallrye.common.annotation.Blocking;

/** The delivery log of a webhook subscription: every message with every attempt; failed ones can be re-sent. */
@Path("/v1/subscriptions/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DeliveryResource {

    private static final Set<String> STATUSES = Set.of(WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED);

    /** One attempt as the consumer sees it. */
    public record AttemptView(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
    }

    /** One message with its attempts. */
    public record DeliveryView(String messageId, String articleId, String kind, String status, int attempts,
            Instant nextAttemptAt, Instant deliveredAt, List<AttemptView> log) {
    }

    private final SubscriptionResource subscriptions;
    private final WebhookDispatcher dispatcher;

    DeliveryResource(SubscriptionResource subscriptions, WebhookDispatcher dispatcher) {
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
    }

    @GET
    @Transactional
    @Operation(summary = "Webhook messages of a subscription, newest first", description = "status: pending, delivered or failed")
    public List<DeliveryView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @QueryParam("status") String status) {
        Subscription subscription = subscriptions.own(authorization, id);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("query:status", "known-status", "status: pending, delivered or failed");
        }
        List<WebhookDelivery> deliveries = status == null
                ? WebhookDelivery.find("subscriptionId = ?1 order by feedSeq desc", subscription.id).page(0, 200).list()
                : WebhookDelivery.find("subscriptionId = ?1 and status = ?2 order by feedSeq desc", subscription.id, status)
                        .page(0, 200).list();
        return deliveries.stream().map(DeliveryResource::view).toList();
    }

    @POST
    @Path("/{messageId}/resend")
    @Transactional
    @Operation(summary = "Send a failed message again (in its place in the subscription's order)")
    public DeliveryView resend(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @PathParam("messageId") String messageId) {
        Subscription subscription = subscriptions.own(authorization, id);
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery> find("subscriptionId = ?1 and messageId = ?2",
                subscription.id, messageId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Message " + messageId));
        if (!WebhookDelivery.FAILED.equals(delivery.status)) {
            throw new ProblemException(409, "not-failed", "Conflict", "Only a failed message can be re-sent; this one is "
                    + delivery.status + ".");
        }
        delivery.status = WebhookDelivery.PENDING;
        delivery.nextAttemptAt = Instant.now();
        dispatcher.wake();
        return view(delivery);
    }

    private static DeliveryView view(WebhookDelivery delivery) {
        List<AttemptView> log = WebhookAttempt.<WebhookAttempt> list("deliveryId = ?1 order by attempt", delivery.id).stream()
                .map(a -> new AttemptView(a.attempt, a.attemptedAt, a.statusCode, a.error, a.durationMs)).toList();
        return new DeliveryView(delivery.messageId, delivery.articleId, delivery.kind, delivery.status, delivery.attempts,
                delivery.nextAttemptAt, delivery.deliveredAt, log);
    }
}
