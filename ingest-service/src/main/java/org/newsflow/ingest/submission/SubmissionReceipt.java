package org.newsflow.ingest.submission;

import java.time.Instant;

/** What ingest-service tells a publisher about a push, at the time of the push and later. */
public record SubmissionReceipt(
        String submissionId,
        String articleId,
        String publisherId,
        String uri,
        String version,
        String pubStatus,
        SubmissionStatus status,
        Instant receivedAt,
        Instant submittedAt,
        Instant enrichedAt,
        Instant publishedAt,
        String failure,
        Instant heldUntil) {

    static SubmissionReceipt of(Submission s) {
        return new SubmissionReceipt(s.id, s.articleId, s.publisherId, s.uri, Integer.toString(s.version), s.pubStatus,
                s.status, s.receivedAt, s.submittedAt, s.enrichedAt, s.publishedAt, s.failure, s.heldUntil);
    }
}
