package org.newsflow.publish.article;

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

/** One published version of an article and the {@code articles.published} event that announced it. */
@Entity
@Table(name = "article_version")
public class ArticleVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_version_seq")
    @SequenceGenerator(name = "article_version_seq", sequenceName = "article_version_seq", allocationSize = 50)
    public Long id;

    /** Its place in the live stream's one order (see {@code StreamPositions}): the stream's event id. */
    @Column(name = "stream_position", nullable = false)
    public long streamPosition;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    /** The publisher's uri of the article: the Kafka record key. */
    @Column(nullable = false)
    public String uri;

    @Column(nullable = false)
    public int version;

    @Column(name = "pub_status", nullable = false)
    public String pubStatus;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** The {@code articles.published} event data as emitted. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String payload;

    public static Optional<ArticleVersion> byEventId(String eventId) {
        return find("eventId", eventId).firstResultOptional();
    }
}
