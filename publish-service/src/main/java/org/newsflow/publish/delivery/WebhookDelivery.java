package org.newsflow.publish.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One webhook message of a subscription, with where its delivery stands. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** Waiting for its (next) attempt. */
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    /** Retries used up, or refused by the receiver (a 4xx other than 408 and 429): listed and re-sendable. */
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
    @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 50)
    public Long id;

    /** The {@code webhook-id}: the same on every attempt, so receivers can de-duplicate. */
    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;

    /** Its place in the subscription's order: the feed position of its entry (sent oldest first). */
    @Column(name = "feed_seq", nullable = false)
    public long feedSeq;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Until when an instance holds it while sending (written only through the dispatcher's leases). */
    @Column(name = "claimed_until", insertable = false, updatable = false)
    public Instant claimedUntil;
}
