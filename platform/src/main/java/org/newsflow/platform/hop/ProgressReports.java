package org.newsflow.platform.hop;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.newsflow.contract.SubmissionProgress;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Tells ingest-service how far a submission got ({@code articles.progress}), once a hop's event for it is on
 * Kafka. Best effort: a report that cannot be sent is logged and dropped, never a reason to hold up an article.
 */
public final class ProgressReports {

    private static final Logger LOG = Logger.getLogger(ProgressReports.class);

    private ProgressReports() {
    }

    /** Sends {@code progress} with the article's {@code key} on the service's {@code submission-progress} channel. */
    public static void send(Emitter<String> channel, String key, SubmissionProgress progress) {
        try {
            channel.send(Message.of(progress.toJson(), Metadata.of(OutgoingKafkaRecordMetadata.<String> builder()
                    .withKey(key).build())));
        } catch (RuntimeException e) {
            LOG.warnf("could not report submission %s %s: %s", progress.submissionId(), progress.stage(), e.toString());
        }
    }
}
