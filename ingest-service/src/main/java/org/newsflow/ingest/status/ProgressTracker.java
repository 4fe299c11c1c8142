package org.newsflow.ingest.status;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsflow.ingest.submission.Submission;
import org.newsflow.ingest.submission.Submission.Milestone;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.smallrye.common.annotation.Blocking;

/**
 * Follows {@code articles.enriched} and {@code articles.published} (own consumer groups) so that a publisher's
 * submission status reads ENRICHED and PUBLISHED. Events come in batches, applied in one transaction each, and
 * only the two fields the status needs are read from them (the article and its enrichment are skipped, not
 * parsed into objects). Status only: an unreadable event is skipped, never retried.
 */
@ApplicationScoped
public class DownstreamStatusTracker {

    private static final Logger LOG = Logger.getLogger(DownstreamStatusTracker.class);
    private static final JsonFactory JSON = new JsonFactory();

    @Incoming("status-enriched")
    @Blocking
    @Transactional
    public void enriched(List<byte[]> events) {
        Submission.markEnriched(milestones(events, "enrichedAt"));
    }

    @Incoming("status-published")
    @Blocking
    @Transactional
    public void published(List<byte[]> events) {
        Submission.markPublished(milestones(events, "publishedAt"));
    }

    private static List<Milestone> milestones(List<byte[]> events, String instantField) {
        return events.stream().map(event -> read(event, instantField)).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The top-level {@code submissionId} and the instant named {@code instantField}, at the top level or in the
     * {@code enrichment} object; null for an event without a submission id or that is not JSON.
     */
    static Milestone read(byte[] event, String instantField) {
        if (event == null) {
            return null;
        }
        String submissionId = null;
        Instant at = null;
        try (JsonParser parser = JSON.createParser(event)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("submissionId") && value == JsonToken.VALUE_STRING) {
                    submissionId = parser.getText();
                } else if (field.equals(instantField) && value == JsonToken.VALUE_STRING) {
                    at = instant(parser.getText());
                } else if (field.equals("enrichment") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = parser.currentName();
                        JsonToken innerValue = parser.nextToken();
                        if (inner.equals(instantField) && innerValue == JsonToken.VALUE_STRING) {
                            at = instant(parser.getText());
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            LOG.debugf("Skipping an unreadable downstream event: %s", e.getMessage());
            return null;
        }
        return submissionId == null ? null : new Milestone(submissionId, at == null ? Instant.now() : at);
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
