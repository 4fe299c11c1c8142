package org.newsflow.ingest.status;

import java.io.IOException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsflow.ingest.submission.Submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * Follows {@code articles.enriched} and {@code articles.published} (own consumer groups) so that a publisher's
 * submission status reads ENRICHED and PUBLISHED. Status only: an unreadable event is skipped, never retried.
 */
@ApplicationScoped
public class DownstreamStatusTracker {

    private static final Logger LOG = Logger.getLogger(DownstreamStatusTracker.class);

    private final ObjectMapper json;

    DownstreamStatusTracker(ObjectMapper json) {
        this.json = json;
    }

    @Incoming("status-enriched")
    @Blocking
    @Transactional
    public void enriched(byte[] event) {
        JsonNode data = read(event);
        if (data != null && data.path("submissionId").isTextual()) {
            Instant at = instant(data.at("/enrichment/enrichedAt"));
            Submission.markEnriched(data.get("submissionId").asText(), at);
        }
    }

    @Incoming("status-published")
    @Blocking
    @Transactional
    public void published(byte[] event) {
        JsonNode data = read(event);
        if (data != null && data.path("submissionId").isTextual()) {
            Submission.markPublished(data.get("submissionId").asText(), instant(data.get("publishedAt")));
        }
    }

    private JsonNode read(byte[] event) {
        try {
            return event == null ? null : json.readTree(event);
        } catch (IOException e) {
            LOG.debugf("Skipping an unreadable downstream event: %s", e.getMessage());
            return null;
        }
    }

    private static Instant instant(JsonNode value) {
        try {
            return value != null && value.isTextual() ? Instant.parse(value.asText()) : Instant.now();
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
