package org.newsflow.publish.consumer;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One API key of a consumer, stored as a SHA-256 hash; the key itself is shown once, when it is made. */
@Entity
@Table(name = "consumer_key")
public class ConsumerKey extends PanacheEntityBase {

    /** The public part of the key, to find its row without scanning. */
    @Id
    public String lookup;

    @Column(name = "consumer_id", nullable = false)
    public String consumerId;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ConsumerKey> byLookup(String lookup) {
        return findByIdOptional(lookup);
    }
}
