package org.newsflow.ingest.publisher;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A Standard Webhooks message id a publisher has used; the same id again is a replay. */
@Entity
@Table(name = "webhook_message")
@IdClass(WebhookMessage.Key.class)
public class WebhookMessage extends PanacheEntityBase {

    @Id
    @Column(name = "publisher_id")
    public String publisherId;

    @Id
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Longest webhook-id the table holds; a longer one is refused before anything is stored. */
    public static final int MAX_ID_LENGTH = 255;

    /**
     * Records {@code messageId} as used by this publisher, in the caller's transaction; false when it was used
     * before, or by a concurrent request that committed first (the insert waits for it), so that two replays racing
     * each other get one 202 and one 409, not a primary-key violation.
     */
    public static boolean claim(String publisherId, String messageId) {
        return getEntityManager().createNativeQuery("insert into webhook_message (publisher_id, message_id, received_at) "
                + "values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, publisherId).setParameter(2, messageId)
                .setParameter(3, Instant.now().atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    public static boolean seen(String publisherId, String messageId) {
        return count("publisherId = ?1 and messageId = ?2", publisherId, messageId) > 0;
    }

    public static void remember(String publisherId, String messageId) {
        WebhookMessage message = new WebhookMessage();
        message.publisherId = publisherId;
        message.messageId = messageId;
        message.receivedAt = Instant.now();
        message.persist();
    }

    public static long forgetOlderThan(Instant cutoff) {
        return delete("receivedAt < ?1", cutoff);
    }

    public static class Key implements Serializable {
        public String publisherId;
        public String messageId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(publisherId, key.publisherId)
                    && Objects.equals(messageId, key.messageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(publisherId, messageId);
        }
    }
}
