package org.newsflow.ingest.submission;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A publisher's {@code Idempotency-Key}, remembered with the request it came with and the submission it made. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey extends PanacheEntityBase {

    @Id
    @Column(name = "publisher_id")
    public String publisherId;

    @Id
    @Column(name = "idem_key")
    public String idemKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "submission_id", nullable = false)
    public String submissionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<IdempotencyKey> of(String publisherId, String key) {
        return find("publisherId = ?1 and idemKey = ?2", publisherId, key).firstResultOptional();
    }

    public static class Key implements Serializable {
        public String publisherId;
        public String idemKey;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(publisherId, key.publisherId)
                    && Objects.equals(idemKey, key.idemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(publisherId, idemKey);
        }
    }
}
