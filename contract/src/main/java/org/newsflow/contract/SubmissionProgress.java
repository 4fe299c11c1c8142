package org.newsflow.contract;

import java.time.Instant;

/**
 * How far a submission got downstream, on {@link Topics#SUBMISSION_PROGRESS}: enrich-service says "enriched" and
 * publish-service "published" once their event for it is on Kafka, so that ingest-service can answer a publisher's
 * status question without reading the two largest topics. Status only: a lost or late report never holds up an
 * article. Its record key is the article {@code uri}, like every topic's.
 */
public record SubmissionProgress(String submissionId, String articleId, String stage, Instant at) {

    public static final String ENRICHED = "enriched";
    public static final String PUBLISHED = "published";

    /** The record value: ids are UUIDs and the stage a constant, so nothing needs escaping. */
    public String toJson() {
        return "{\"submissionId\":\"" + submissionId + "\",\"articleId\":\"" + articleId + "\",\"stage\":\"" + stage
                + "\",\"at\":\"" + at + "\"}";
    }
}
