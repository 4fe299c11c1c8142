package org.newsflow.contract;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Data of an {@link EventTypes#ARTICLE_ENRICHED} event on {@link Topics#ARTICLES_ENRICHED}.
 *
 * @param article the ninjs 3.x item with enrichment written into its standard fields
 * @param enrichment what has no ninjs field, and how the enrichment was made
 */
public record ArticleEnriched(
        String articleId,
        String submissionId,
        String publisherId,
        Instant receivedAt,
        ObjectNode article,
        Enrichment enrichment) {
}
