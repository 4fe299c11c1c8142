package org.newsflow.ingest.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox is relayed to Kafka ({@code newsflow.outbox.*}). */
@ConfigMapping(prefix = "newsflow.outbox")
public interface OutboxConfig {

    /** Most events read and sent in one round. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for events when no push has woken it (a push wakes it at once). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a round waits for Kafka's acknowledgements before it counts as failed and is retried. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Longest pause between retries while Kafka is unreachable (doubling from 100 ms). */
    @WithDefault("5s")
    Duration maxRetryBackoff();
}
