package org.newsflow.contract;

/** CloudEvents {@code type} attribute of each event Newsflow emits. */
public final class EventTypes {

    public static final String ARTICLE_SUBMITTED = "org.newsflow.article.submitted.v1";
    public static final String ARTICLE_ENRICHED = "org.newsflow.article.enriched.v1";
    public static final String ARTICLE_PUBLISHED = "org.newsflow.article.published.v1";

    private EventTypes() {
    }
}
