package org.newsflow.contract;

/** Names of the Kafka topics that connect the services. Every record key is the article {@code uri}. */
public final class Topics {

    /** Publishers who prefer Kafka write raw articles here; ingest-service consumes it. */
    public static final String ARTICLES_INBOUND = "articles.inbound";
    /** ingest-service → enrich-service: an accepted, normalised article ({@link ArticleSubmitted}). */
    public static final String ARTICLES_SUBMITTED = "articles.submitted";
    /** enrich-service → publish-service: the article with its enrichment ({@link ArticleEnriched}). */
    public static final String ARTICLES_ENRICHED = "articles.enriched";
    /** publish-service → consumers: every published version and kill ({@link ArticlePublished}). */
    public static final String ARTICLES_PUBLISHED = "articles.published";

    /** enrich-service and publish-service → ingest-service: how far a submission got ({@link SubmissionProgress}). */
    public static final String SUBMISSION_PROGRESS = "articles.progress";

    /** Dead-letter topic of a consumed topic: poison records land there with the reason in headers. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
