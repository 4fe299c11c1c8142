package org.newsflow.ingest.submission;

/** Where a pushed article is on its way through the pipeline, as far as ingest-service knows. */
public enum SubmissionStatus {
    /** Stored with its outbox event; not yet on Kafka. */
    RECEIVED,
    /** Acknowledged by Kafka on {@code articles.submitted}. */
    SUBMITTED,
    /** enrich-service has emitted it on {@code articles.enriched}. */
    ENRICHED,
    /** publish-service has released it on {@code articles.published}. */
    PUBLISHED,
    /** Kafka refused its event for good (too large for the topic, say); {@code failure} says why. Not retried. */
    UNDELIVERABLE
}
