package org.newsflow.publish.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The current version of a published article, as consumers get it. */
@Entity
@Table(name = "published_article")
public class PublishedArticle extends PanacheEntityBase {

    @Id
    @Column(name = "article_id")
    public String articleId;

    @Column(name = "publisher_id", nullable = false)
    public String publisherId;

    @Column(nullable = false)
    public String uri;

    @Column(nullable = false)
    public int version;

    @Column(name = "pub_status", nullable = false)
    public String pubStatus;

    public String language;

    @Column(columnDefinition = "TEXT")
    public String headline;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** The enriched ninjs item, JSON. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String article;

    /** The enrichment that has no ninjs field, JSON. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String enrichment;
}
