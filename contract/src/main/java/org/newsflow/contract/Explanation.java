package org.newsflow.contract;

/**
 * Why enrichment put a value into a field: the rule or model that found it, with its score.
 *
 * @param field the field it went to, e.g. {@code language}, {@code people}, {@code subjects}, {@code reprintOf}
 * @param value the value found (a name, a code, a uri)
 * @param method the rule or model, e.g. {@code lingua-1.2.2-low-accuracy}, {@code gazetteer}, {@code cue-words}
 * @param score the method's own score, 0..1 (confidence, relevance, similarity)
 */
public record Explanation(String field, String value, String method, double score) {
}
