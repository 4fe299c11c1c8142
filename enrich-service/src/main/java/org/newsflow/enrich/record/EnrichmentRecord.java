package org.newsflow.enrich.record;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The enrichment of one article version, with what produced it and the event that announced it. */
@Entity
@Table(name = "enrichment")
public class EnrichmentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrichment_seq")
    @SequenceGenerator(name = "enrichment_seq", sequenceName = "enrichment_seq", allocationSize = 50)
    public Long id;

    /** Id of the {@code articles.enriched} event. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    /** Id of the {@code articles.submitted} event it answers. */
    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    @Column(name = "submission_id", nullable = false)
    public String submissionId;

    @Column(nullable = false)
    public String uri;

    @Column(nullable = false)
    public String version;

    @Column(name = "enrichment_version", nullable = false)
    public String enrichmentVersion;

    @Column(nullable = false)
    public String language;

    @Column(name = "language_source", nullable = false)
    public String languageSource;

    @Column(name = "language_confidence", nullable = false)
    public double languageConfidence;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    @Column(columnDefinition = "TEXT")
    public String summary;

    /** Keywords, one per line. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String keywords;

    @Column(name = "enriched_at", nullable = false)
    public Instant enrichedAt;

    /** The {@code articles.enriched} event data as emitted. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String payload;

    public static Optional<EnrichmentRecord> byEventId(String eventId) {
        return find("eventId", eventId).firstResultOptional();
    }
}
