package org.newsflow.ingest.submission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One accepted push: one version of one article, as normalised at intake. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;

    @Column(nullable = false)
    public String uri;

    @Column(nullable = false)
    public int version;

    @Column(name = "pub_status", nullable = false)
    public String pubStatus;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionStatus status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** SHA-256 of the folded headline and body text: equal for copies of the same text. */
    @Column(name = "content_fingerprint")
    public String contentFingerprint;

    @Column(name = "enriched_at")
    public Instant enrichedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The normalised ninjs article, JSON. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String article;

    public static Optional<Submission> findVersion(String articleId, int version) {
        return find("articleId = ?1 and version = ?2", articleId, version).firstResultOptional();
    }

    public static Optional<Integer> latestVersion(String articleId) {
        return find("select max(s.version) from Submission s where s.articleId = ?1", articleId)
                .project(Integer.class).firstResultOptional();
    }

    /** Up to {@code limit} submissions of other publishers with the same text, oldest first. */
    public static List<Submission> sameContentElsewhere(String fingerprint, String publisherId, int limit) {
        return find("contentFingerprint = ?1 and publisherId <> ?2 order by receivedAt", fingerprint, publisherId)
                .page(0, limit).list();
    }

    /** A page of a publisher's submissions, newest first, after the (receivedAt, id) position of a cursor. */
    public static List<Submission> pageOf(String publisherId, Instant beforeTime, String beforeId, int limit) {
        if (beforeTime == null) {
            return find("publisherId = ?1 order by receivedAt desc, id desc", publisherId).page(0, limit).list();
        }
        return find("publisherId = ?1 and (receivedAt < ?2 or (receivedAt = ?2 and id < ?3)) order by receivedAt desc, id desc",
                publisherId, beforeTime, beforeId).page(0, limit).list();
    }

    /** Kafka acknowledged these; downstream statuses that arrived first are kept. */
    public static void markSubmitted(java.util.Collection<String> ids, Instant at) {
        update("submittedAt = ?1 where id in ?2 and submittedAt is null", at, ids);
        update("status = ?1 where id in ?2 and status = ?3", SubmissionStatus.SUBMITTED, ids, SubmissionStatus.RECEIVED);
    }

    /** enrich-service emitted it. */
    public static void markEnriched(String id, Instant at) {
        update("enrichedAt = coalesce(enrichedAt, ?1), status = case when status in ?3 then ?4 else status end "
                + "where id = ?2", at, id, List.of(SubmissionStatus.RECEIVED, SubmissionStatus.SUBMITTED),
                SubmissionStatus.ENRICHED);
    }

    /** publish-service released it. */
    public static void markPublished(String id, Instant at) {
        update("publishedAt = ?1, status = ?2 where id = ?3 and publishedAt is null", at, SubmissionStatus.PUBLISHED, id);
    }
}
