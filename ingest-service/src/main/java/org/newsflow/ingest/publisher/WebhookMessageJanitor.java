package org.newsflow.ingest.publisher;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsflow.ingest.config.IngestConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Forgets Standard Webhooks message ids once their timestamps are too old to be accepted anyway: a replay that
 * old is refused by the timestamp check.
 */
@ApplicationScoped
public class WebhookMessageJanitor {

    private final IngestConfig config;

    WebhookMessageJanitor(IngestConfig config) {
        this.config = config;
    }

    @Scheduled(every = "${newsflow.ingest.webhook-message-cleanup-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpired() {
        WebhookMessage.forgetOlderThan(Instant.now().minus(config.signatureTolerance().multipliedBy(2)));
    }
}
