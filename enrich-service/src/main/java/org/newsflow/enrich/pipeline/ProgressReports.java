package org.newsflow.enrich.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.newsflow.contract.SubmissionProgress;

import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Tells ingest-service how far a submission got ({@code articles.progress}), once this service's event for it is
 * on Kafka. Best effort: a report that cannot be sent is logged and dropped, never a reason to hold up an article.
 */
@ApplicationScoped
class ProgressReports {

    private static final Logger LOG = Logger.getLogger(ProgressReports.class);

    @Inject
    @Channel("submission-progress")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000)
    Emitter<Record<String, String>> reports;

    void report(String key, SubmissionProgress progress) {
        try {
            reports.send(Record.of(key, progress.toJson()));
        } catch (RuntimeException e) {
            LOG.warnf("could not report submission %s %s: %s", progress.submissionId(), progress.stage(), e.toString());
        }
    }
}
