package org.newsflow.ingest.submission;

/** Where a pushed article is on its way through the pipeline, as far as ingest-service knows. */
public enum SubmissionStatus {
    /** Stored with its outbox event; not yet on Kafka (an embargoed one waits for its {@code heldUntil}). */
    RECEIVED,
    /**
     * The first version(s) of an article pushed as {@code pubStatus: withheld}: stored, never sent on. A later usable
     * version goes on as usual; a withheld version of an article consumers already have goes on as a notice without
     * its text, so they withhold it.
     */
    WITHHELD,
    /** Acknowledged by Kafka on {@code articles.submitted}. */
    SUBMITTED,
    /** enrich-service has emitted it on {@code articles.enriched}. */
    ENRICHED,
    /** publish-service has released it on {@code articles.published}. */
    PUBLISHED,
    /** Kafka refused its event for good (too large for the topic, say); {@code failure} says why. Not retried. */
    UNDELIVERABLE
}
