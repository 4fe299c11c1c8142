package org.newsflow.publish.feed;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One article version a subscription received: new, an update, or a kill. */
@Entity
@Table(name = "feed_entry")
public class FeedEntry extends PanacheEntityBase {

    public static final String NEW = "new";
    public static final String UPDATE = "update";
    public static final String KILL = "kill";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feed_entry_seq")
    @SequenceGenerator(name = "feed_entry_seq", sequenceName = "feed_entry_seq", allocationSize = 50)
    public Long seq;

    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;

    /** 1, 2, 3 … within the subscription's feed, in commit order (see {@link FeedPositions}); cursors point here. */
    @Column(name = "position_in_feed", nullable = false)
    public long positionInFeed;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String kind;

    /** The {@code articles.published} event of the version, which holds the article as it was then. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
