package org.newsflow.publish.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A consumer's subscription: its filter as the consumer wrote it (validated) and its channel. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "consumer_id", nullable = false)
    public String consumerId;

    @Column(nullable = false)
    public String name;

    /** The filter JSON (see {@link SubscriptionFilter}). */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String filter;

    /** {@code feed} (pull only) or {@code webhook} (pushed, and pullable too). */
    @Column(nullable = false)
    public String channel;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The topic of channel kafka ({@code newsflow.sub.<name>}). */
    @Column(name = "kafka_topic")
    public String kafkaTopic;

    /** Where webhooks go (channel webhook). */
    @Column(name = "webhook_url")
    public String webhookUrl;

    /** The Standard Webhooks signing secret ({@code whsec_…}); shown to the consumer once. */
    @Column(name = "webhook_secret")
    public String webhookSecret;

    /** The secret before the last rotation (sealed); it still signs until {@link #previousSecretUntil}. */
    @Column(name = "previous_webhook_secret")
    public String previousWebhookSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    /** {@code active}, or {@code disabled} (the receiver answered 410 Gone). */
    @Column(nullable = false)
    public String status = "active";

    @Column(name = "status_reason")
    public String statusReason;

    /** The consumer's own live subscription, or empty: someone else's is as unknown as a missing one. */
    public static Optional<Subscription> ofConsumer(String consumerId, String id) {
        return find("id = ?1 and consumerId = ?2 and deletedAt is null", id, consumerId).firstResultOptional();
    }

    /** Every subscription created, changed or deleted at or after {@code since}. */
    public static List<Subscription> changedSince(Instant since) {
        return list("updatedAt >= ?1", since);
    }

    public static List<Subscription> live() {
        return list("deletedAt is null");
    }
}
