package org.newsflow.ingest.publisher;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registered source of articles. */
@Entity
@Table(name = "publisher")
public class Publisher extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** Standard Webhooks secret ({@code whsec_…}); when set, every push must be signed with it. */
    @Column(name = "signing_secret")
    public String signingSecret;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
