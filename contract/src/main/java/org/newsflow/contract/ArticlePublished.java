package org.newsflow.contract;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Data of an {@link EventTypes#ARTICLE_PUBLISHED} event on {@link Topics#ARTICLES_PUBLISHED}: what consumers
 * receive. A kill is a published event whose article has {@code pubStatus: canceled}.
 *
 * @param submissionId the push this version came from (ingest tracks its status with it)
 * @param receivedAt when ingest accepted the push (for push-to-consumer latency)
 * @param publishedAt when publish-service stored and released this version
 */
public record ArticlePublished(
        String articleId,
        String submissionId,
        String publisherId,
        Instant receivedAt,
        Instant publishedAt,
        ObjectNode article,
        Enrichment enrichment) {
}
