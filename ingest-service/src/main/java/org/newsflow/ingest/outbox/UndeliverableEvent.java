package org.newsflow.ingest.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Kafka's answers that are about the event itself, so that sending it again can never succeed. Everything else
 * (timeouts, an unreachable broker, missing rights) is an outage: the event stays in the outbox and is retried.
 */
final class UndeliverableEvent {

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException || cause instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private UndeliverableEvent() {
    }
}
