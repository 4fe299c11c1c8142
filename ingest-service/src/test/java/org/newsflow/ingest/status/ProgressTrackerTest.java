package org.newsflow.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The status reads two fields of a downstream event without parsing the article around them. */
class DownstreamStatusTrackerTest {

    @Test
    void theSubmissionAndTheMomentAreReadWhereverTheyStandAndTheRestIsSkipped() {
        String enriched = """
                {"articleId": "a1", "article": {"uri": "urn:x", "headlines": [{"value": "enrichedAt"}],
                 "submissionId": "not this one"}, "submissionId": "s-1",
                 "enrichment": {"keywords": ["ferry"], "places": [{"enrichedAt": "no"}], "enrichedAt": "2026-11-28T09:00:01Z"}}
                """;
        String published = """
                {"publishedAt": "2026-11-28T09:00:02Z", "submissionId": "s-2", "article": {"body": "…"}}
                """;

        assertThat(DownstreamStatusTracker.read(bytes(enriched), "enrichedAt"))
                .isEqualTo(new org.newsflow.ingest.submission.Submission.Milestone("s-1", Instant.parse("2026-11-28T09:00:01Z")));
        assertThat(DownstreamStatusTracker.read(bytes(published), "publishedAt"))
                .isEqualTo(new org.newsflow.ingest.submission.Submission.Milestone("s-2", Instant.parse("2026-11-28T09:00:02Z")));
    }

    @Test
    void anEventWithoutASubmissionOrNotJsonIsSkipped() {
        assertThat(DownstreamStatusTracker.read(bytes("{\"articleId\": \"a1\"}"), "publishedAt")).isNull();
        assertThat(DownstreamStatusTracker.read(bytes("not json"), "publishedAt")).isNull();
        assertThat(DownstreamStatusTracker.read(bytes("[1, 2]"), "publishedAt")).isNull();
        assertThat(DownstreamStatusTracker.read(null, "publishedAt")).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
