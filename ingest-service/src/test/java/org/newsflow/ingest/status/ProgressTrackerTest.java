package org.newsflow.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.newsflow.contract.SubmissionProgress;

/** A progress report is read as enrich and publish write it; anything else is skipped. */
class ProgressTrackerTest {

    @Test
    void aReportReadsBackAsItWasWritten() {
        SubmissionProgress sent = new SubmissionProgress("3f1c0e4e-0b7a-4c59-9d43-1a2b3c4d5e6f",
                "9cb787bb-8215-37f6-8e30-58c57c5075d0", SubmissionProgress.PUBLISHED, Instant.parse("2026-11-28T09:00:02.125Z"));

        assertThat(ProgressTracker.read(bytes(sent.toJson()))).isEqualTo(sent);
    }

    @Test
    void aReportWithoutASubmissionOrTimeOrNotJsonIsSkipped() {
        assertThat(ProgressTracker.read(bytes("{\"articleId\": \"a1\", \"stage\": \"published\", \"at\": \"2026-11-28T09:00:02Z\"}")))
                .isNull();
        assertThat(ProgressTracker.read(bytes("{\"submissionId\": \"s-1\", \"stage\": \"published\"}"))).isNull();
        assertThat(ProgressTracker.read(bytes("not json"))).isNull();
        assertThat(ProgressTracker.read(bytes("[1, 2]"))).isNull();
        assertThat(ProgressTracker.read(null)).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
