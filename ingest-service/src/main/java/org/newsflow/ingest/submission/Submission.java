package org.newsflow.ingest.submission;

import java.time.Instant;
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

    public static int markSubmitted(java.util.Collection<String> ids, Instant at) {
        return update("status = ?1, submittedAt = ?2 where id in ?3 and status = ?4", SubmissionStatus.SUBMITTED, at,
                ids, SubmissionStatus.RECEIVED);
    }
}
