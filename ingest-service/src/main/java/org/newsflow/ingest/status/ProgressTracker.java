package org.newsflow.ingest.status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsflow.contract.SubmissionProgress;
import org.newsflow.ingest.submission.Submission;
import org.newsflow.ingest.submission.Submission.Milestone;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * Follows {@code articles.progress}, the small reports enrich-service and publish-service send once their event
 * for a submission is on Kafka, so that a publisher's submission status reads ENRICHED and PUBLISHED without this
 * service reading the two largest topics. Reports come in batches, applied in one transaction; the order of the
 * two stages does not matter (a submission reported published is never set back to enriched). Status only: an
 * unreadable report is skipped, never retried.
 */
@ApplicationScoped
public class ProgressTracker {

    private static final Logger LOG = Logger.getLogger(ProgressTracker.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Incoming("submission-progress")
    @Blocking
    @Transactional
    public void progressed(List<byte[]> reports) {
        List<Milestone> enriched = new ArrayList<>();
        List<Milestone> published = new ArrayList<>();
        for (byte[] report : reports) {
            SubmissionProgress progress = read(report);
            if (progress == null) {
                continue;
            }
            Milestone milestone = new Milestone(progress.submissionId(), progress.at());
            if (SubmissionProgress.PUBLISHED.equals(progress.stage())) {
                published.add(milestone);
            } else if (SubmissionProgress.ENRICHED.equals(progress.stage())) {
                enriched.add(milestone);
            }
        }
        Submission.markEnriched(enriched);
        Submission.markPublished(published);
    }

    /** The report, or null for one that is not a report with a submission id and a time. */
    static SubmissionProgress read(byte[] report) {
        if (report == null) {
            return null;
        }
        try {
            SubmissionProgress progress = JSON.readValue(report, SubmissionProgress.class);
            return progress.submissionId() == null || progress.at() == null ? null : progress;
        } catch (IOException e) {
            LOG.debugf("Skipping an unreadable progress report: %s", e.getMessage());
            return null;
        }
    }
}
