package org.newsflow.ingest.publisher;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One API key of a publisher, stored as a hash; the key itself is shown once, when it is made. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
    @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 50)
    public Long id;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;

    /** The public part of the key, to find its row without scanning. */
    @Column(nullable = false)
    public String lookup;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ApiKey> byLookup(String lookup) {
        return find("lookup", lookup).firstResultOptional();
    }

    public static List<ApiKey> ofPublisher(String publisherId) {
        return list("publisherId = ?1 order by id", publisherId);
    }
}
