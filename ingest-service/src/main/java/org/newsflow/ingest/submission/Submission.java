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

    /** Until when the article is under embargo and waits in the outbox; null when it is not. */
    @Column(name = "held_until")
    public Instant heldUntil;

    /** Why the submission is UNDELIVERABLE; null otherwise. */
    public String failure;

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
        updateEach("update submission set submitted_at = coalesce(submitted_at, ?), status = case when status = 'RECEIVED' "
                + "then 'SUBMITTED' else status end where id = ?", ids.stream().map(id -> new Milestone(id, at)).toList());
    }

    /** Whether any version of the article was (or will be) sent on, that is, was not held back as withheld. */
    public static boolean anySentOn(String articleId) {
        return count("articleId = ?1 and status <> ?2", articleId, SubmissionStatus.WITHHELD) > 0;
    }

    /** Kafka refused the event of this submission for good: it is set aside, with the reason for the publisher. */
    public static void markUndeliverable(String id, String reason) {
        update("status = ?1, failure = ?2 where id = ?3", SubmissionStatus.UNDELIVERABLE,
                reason.length() > 500 ? reason.substring(0, 500) : reason, id);
    }

    /** enrich-service emitted these. */
    public static void markEnriched(List<Milestone> milestones) {
        updateEach("update submission set enriched_at = coalesce(enriched_at, ?), status = case when status in "
                + "('RECEIVED', 'SUBMITTED') then 'ENRICHED' else status end where id = ?", milestones);
    }

    /** publish-service released these. */
    public static void markPublished(List<Milestone> milestones) {
        updateEach("update submission set published_at = ?, status = 'PUBLISHED' where id = ? and published_at is null",
                milestones);
    }

    /** A submission reached a stage at an instant. */
    public record Milestone(String submissionId, Instant at) {
    }

    /**
     * One JDBC batch of {@code sql} (parameters: the instant, the id). Plain SQL because these run for every
     * article several times: Hibernate translates a bulk HQL update anew on each execution, which cost ingest
     * about a tenth of its CPU under load.
     */
    private static void updateEach(String sql, List<Milestone> milestones) {
        if (milestones.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement update = connection.prepareStatement(sql)) {
                for (Milestone milestone : milestones) {
                    update.setObject(1, milestone.at().atOffset(java.time.ZoneOffset.UTC));
                    update.setString(2, milestone.submissionId());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }
}
