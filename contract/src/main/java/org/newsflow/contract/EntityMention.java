package org.newsflow.contract;

/**
 * A person or organisation an article names, as enrichment found it.
 *
 * @param kind {@code person} or {@code organisation}
 * @param mentions how often the article names it (a later surname alone counts for the full name)
 * @param relevance mentions relative to the most mentioned name, 0..1
 * @param source the rule or model that found it
 */
public record EntityMention(String name, String kind, int mentions, double relevance, String source) {
}
