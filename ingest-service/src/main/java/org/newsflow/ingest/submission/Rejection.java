package org.newsflow.ingest.submission;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A push refused after it was taken in asynchronously (Kafka intake), with the problem that refused it. */
@Entity
@Table(name = "rejection")
public class Rejection extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;

    public String uri;

    /** How it came in: {@code kafka}. */
    @Column(nullable = false)
    public String channel;

    /** The RFC 9457 problem, JSON. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String problem;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static List<Rejection> pageOf(String publisherId, Instant beforeTime, String beforeId, int limit) {
        if (beforeTime == null) {
            return find("publisherId = ?1 order by receivedAt desc, id desc", publisherId).page(0, limit).list();
        }
        return find("publisherId = ?1 and (receivedAt < ?2 or (receivedAt = ?2 and id < ?3)) order by receivedAt desc, id desc",
                publisherId, beforeTime, beforeId).page(0, limit).list();
    }
}
