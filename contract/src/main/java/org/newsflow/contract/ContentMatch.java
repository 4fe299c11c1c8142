package org.newsflow.contract;

/** An earlier submission by another publisher with the same headline and body text. */
public record ContentMatch(String publisherId, String articleId, String uri) {
}
