package org.newsflow.ingest.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The knobs of the intake ({@code newsflow.ingest.*}); defaults are documented in application.properties. */
@ConfigMapping(prefix = "newsflow.ingest")
public interface IngestConfig {

    /** Largest accepted request body, in bytes. Bigger bodies get 413. */
    @WithDefault("2097152")
    long maxBodyBytes();

    /**
     * Largest {@code articles.submitted} event an article may make, in bytes of JSON (the article with its plain-text
     * copy and the envelope). Bigger articles get 413: Kafka would refuse their event, and enrichment still has to
     * fit beside the article in the later topics' records ({@code kafka.max.request.size}, the topics'
     * {@code max.message.bytes}).
     */
    @WithDefault("1000000")
    long maxEventBytes();

    /** Deepest accepted JSON nesting; deeper documents are refused before they can exhaust the stack. */
    @WithDefault("64")
    int maxJsonDepth();

    /** Longest accepted article {@code uri}, in characters. */
    @WithDefault("2048")
    int maxUriLength();

    /** How far a Standard Webhooks {@code webhook-timestamp} may lie from now, either way. */
    @WithDefault("5m")
    Duration signatureTolerance();

    /** How often used Standard Webhooks message ids are forgotten (read by the scheduler). */
    @WithDefault("1m")
    Duration webhookMessageCleanupInterval();

    /** Most articles in one NDJSON batch or feed document. */
    @WithDefault("500")
    int maxBatchItems();

    /** Longest accepted headline, in characters. */
    @WithDefault("1000")
    int maxHeadlineLength();

    /** Sustained pushes (single articles or batch items) per second and publisher; 429 above it. */
    @WithDefault("200")
    double rateLimitPerSecond();

    /** Pushes a publisher may make at once above the sustained rate. */
    @WithDefault("400")
    int rateLimitBurst();

    /**
     * How long an authenticated API key is remembered by this instance (0 looks every push up). A key revoked
     * through another instance keeps working here for at most this long.
     */
    @WithDefault("5s")
    Duration authCacheTtl();

    /** Most API keys remembered at once. */
    @WithDefault("10000")
    int authCacheSize();

    /**
     * Key that seals the publishers' signing secrets stored in the database (AES-256-GCM; env
     * NEWSFLOW_INGEST_SECRETS_KEY), at least 32 characters. Required outside dev and test. To change it, put the
     * old key in {@code secrets-previous-keys}: the stored secrets are sealed again with the new one at start-up.
     */
    String secretsKey();

    /** Earlier secrets keys (comma-separated), still able to open what they sealed until it is sealed again. */
    java.util.Optional<java.util.List<String>> secretsPreviousKeys();

    /** CloudEvents {@code source} of the events this service emits. */
    @WithDefault("/newsflow/ingest-service")
    URI eventSource();

    /**
     * Whether publishers that do not sign may write to {@code articles.inbound}. Off by default: the record's
     * {@code newsflow-publisher} header is only a claim, and anyone who can write to the topic could make it. Turn it
     * on only where the cluster's ACLs let no one but trusted publishers write there.
     */
    @WithName("kafka-intake.allow-unsigned")
    @WithDefault("false")
    boolean kafkaIntakeAllowsUnsigned();
}
