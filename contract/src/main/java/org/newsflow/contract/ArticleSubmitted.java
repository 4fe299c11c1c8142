package org.newsflow.contract;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Data of an {@link EventTypes#ARTICLE_SUBMITTED} event on {@link Topics#ARTICLES_SUBMITTED}.
 *
 * @param articleId stable id of the article (all versions share it)
 * @param submissionId id of the push that produced this version; also the event id
 * @param publisherId who pushed it
 * @param receivedAt when ingest accepted the push
 * @param contentHash SHA-256 of the normalised article, hex
 * @param article the normalised ninjs 3.x item as pushed (no enrichment yet)
 * @param sameContentAs earlier submissions of other publishers with identical headline and body text (a copy for
 *        enrich to look at); empty when there are none
 */
public record ArticleSubmitted(
        String articleId,
        String submissionId,
        String publisherId,
        Instant receivedAt,
        String contentHash,
        ObjectNode article,
        List<ContentMatch> sameContentAs) {

    public ArticleSubmitted {
        sameContentAs = sameContentAs == null ? List.of() : List.copyOf(sameContentAs);
    }
}
