package org.newsflow.contract;

import java.time.Instant;
import java.util.List;

/**
 * What enrich-service found that has no place in a ninjs item, plus the provenance of what it put there.
 * Travels beside the ninjs item, never inside it.
 *
 * @param enrichmentVersion version of the enrichment rules and models that produced this record
 * @param language detected or confirmed language (BCP 47), also written to the ninjs {@code language}
 * @param languageSource {@code publisher} when the publisher declared it, otherwise the detector's name
 * @param languageConfidence 0..1
 * @param wordCount words in the main body's plain text
 * @param keywords key phrases, most relevant first
 * @param entities the people and organisations named, with mention counts and relevance (also in the ninjs
 *        people and organisations)
 * @param places the countries and cities named, with mention counts and relevance (also in the ninjs places)
 * @param attribution the original source the text names (a reprint, a cited agency), or null
 * @param reprintOf the earlier article this one copies or nearly copies, or null
 * @param storyId the story cluster: articles from different outlets about the same event share it
 * @param explanations for every value enrichment added, the rule or model that found it and its score
 * @param enrichedAt when the enrichment was computed
 */
public record Enrichment(
        String enrichmentVersion,
        String language,
        String languageSource,
        double languageConfidence,
        int wordCount,
        List<String> keywords,
        List<EntityMention> entities,
        List<PlaceMention> places,
        Attribution attribution,
        Reprint reprintOf,
        String storyId,
        List<Explanation> explanations,
        Instant enrichedAt) {

    public Enrichment {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        entities = entities == null ? List.of() : List.copyOf(entities);
        places = places == null ? List.of() : List.copyOf(places);
        explanations = explanations == null ? List.of() : List.copyOf(explanations);
    }
}
