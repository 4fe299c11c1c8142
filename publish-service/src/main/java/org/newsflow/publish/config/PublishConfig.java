package org.newsflow.publish.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The knobs of publication ({@code newsflow.publish.*}); defaults are documented in application.properties. */
@ConfigMapping(prefix = "newsflow.publish")
public interface PublishConfig {

    /**
     * Key that signs feed cursors, so that a cursor cannot be forged or used for another subscription (env
     * NEWSFLOW_PUBLISH_CURSOR_SECRET), at least 16 characters. Required outside dev and test: a default
     * would let anyone who read this code forge cursors. Changing it invalidates the cursors handed out.
     */
    String cursorSecret();

    /**
     * Key that seals the webhook signing secrets stored in the database (AES-256-GCM; env
     * NEWSFLOW_PUBLISH_SECRETS_KEY), at least 32 characters. Required outside dev and test. To change it, put the
     * old key in {@code secrets-previous-keys}: the stored secrets are sealed again with the new one at start-up.
     */
    String secretsKey();

    /** Earlier secrets keys (comma-separated), still able to open what they sealed until it is sealed again. */
    java.util.Optional<java.util.List<String>> secretsPreviousKeys();

    /**
     * How often each instance re-reads subscriptions changed by other instances (they share the database);
     * its own changes apply at once.
     */
    @WithDefault("5s")
    java.time.Duration subscriptionRefresh();

    /** Most feed items per page. */
    @WithDefault("100")
    int feedMaxPage();

    /** CloudEvents {@code source} of the events this service emits. */
    @WithDefault("/newsflow/publish-service")
    URI eventSource();

    Webhooks webhooks();

    Stream stream();

    Connections connections();

    Quotas quotas();

    Search search();

    interface Search {
        /** Rows of published articles one search request reads at most; a page cut short ends with a cursor. */
        @WithDefault("500")
        int maxRowsRead();

        /** Most query words and "all" criteria in one search (400 max-terms above it). */
        @WithDefault("16")
        int maxTerms();
    }

    interface Quotas {
        /** Most live subscriptions one consumer may have (403 quota-exceeded above it). */
        @WithDefault("100")
        int subscriptionsPerConsumer();

        /** Most live Kafka-channel subscriptions (each its own broker topic) one consumer may have. */
        @WithDefault("5")
        int kafkaTopicsPerConsumer();

        /**
         * How long the topic of a deleted Kafka-channel subscription (or one switched to another channel) is kept
         * for its consumer to read what is left, before it is deleted from the broker.
         */
        @WithDefault("P7D")
        java.time.Duration releasedTopicRetention();

        /** How often each instance looks for released topics whose retention has passed. */
        @WithDefault("1m")
        java.time.Duration releasedTopicCheck();
    }

    interface Connections {
        /** Most live streams and waiting long polls one consumer may hold open on one instance (429 above). */
        @WithDefault("20")
        int perConsumer();

        /** Most live streams and waiting long polls of all consumers together on one instance (429 above). */
        @WithDefault("2000")
        int total();
    }

    interface Stream {
        /**
         * How many of the newest published versions are kept in memory, read and prepared once for every live
         * stream (the console's live page, {@code /v1/stream}); a stream further behind reads the database.
         */
        @WithDefault("256")
        int recentVersions();

        /**
         * Longest silence on a live stream: then a comment is sent (so that proxies keep the connection) and the
         * stream's key is checked again — a revoked key's streams end within this time.
         */
        @WithDefault("15s")
        java.time.Duration heartbeat();
    }

    interface Webhooks {
        /** Waits before each retry; the last one repeats until max-attempts. Each gets up to 20 % jitter. */
        @WithDefault("1s,5s,30s,2m,10m,30m,1h")
        java.util.List<java.time.Duration> backoff();

        /** Attempts before a message is marked failed (listed, re-sendable). */
        @WithDefault("12")
        int maxAttempts();

        /** Longest wait for a receiver's complete answer; a slower (trickling) answer counts as a failure. */
        @WithDefault("10s")
        java.time.Duration timeout();

        /** Allow webhook URLs on loopback, private and link-local addresses (tests, closed networks). */
        @WithDefault("false")
        boolean allowPrivate();

        /** How long a rotated secret goes on signing beside the new one (both signatures in webhook-signature). */
        @WithDefault("24h")
        java.time.Duration secretRotationOverlap();

        /**
         * How long an instance holds the message it is sending before another instance may take it over (the
         * holder was killed or hangs). At least twice {@code timeout}; a longer lease delays the takeover of a
         * dead instance's messages, a shorter one risks a second send of a message whose answer is still coming.
         */
        @WithDefault("1m")
        java.time.Duration lease();

        /** How often the dispatcher looks for due messages when nothing woke it. */
        @WithDefault("1s")
        java.time.Duration pollInterval();

        /**
         * Subscriptions with a message on its way at once (each sends one at a time, in order); no thread waits
         * for a receiver, so this bounds open connections, not threads.
         */
        @WithDefault("256")
        int maxInFlight();
    }
}
