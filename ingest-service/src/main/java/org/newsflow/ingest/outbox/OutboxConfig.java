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

    /**
     * Into how many lanes the outbox is divided by article key: instances relay different lanes at once, one
     * article's events always in one lane, in order. At most this many instances relay at once; every instance on
     * one database must use the same number.
     */
    @WithDefault("16")
    int lanes();

    /** Longest pause between retries while Kafka is unreachable (doubling from 100 ms). */
    @WithDefault("5s")
    Duration maxRetryBackoff();
}
