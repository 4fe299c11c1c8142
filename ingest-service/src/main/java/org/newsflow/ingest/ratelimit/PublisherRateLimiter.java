package org.newsflow.ingest.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.ingest.config.IngestConfig;
import org.newsflow.ingest.problem.ProblemException;

/**
 * A token bucket per publisher, in memory: {@code rate-limit-per-second} tokens a second, up to
 * {@code rate-limit-burst} saved up. Each article costs one token (a batch costs one per item). With several
 * ingest instances the limit applies per instance.
 */
@ApplicationScoped
public class PublisherRateLimiter {

    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublisherRateLimiter(IngestConfig config) {
        this.perSecond = config.rateLimitPerSecond();
        this.burst = Math.max(1, config.rateLimitBurst());
    }

    /** Takes {@code cost} tokens or throws a 429 problem with the seconds to wait in Retry-After. */
    public void acquire(String publisherId, int cost) {
        double wait = buckets.computeIfAbsent(publisherId, id -> new Bucket(burst)).take(Math.min(cost, burst), perSecond, burst);
        if (wait > 0) {
            throw ProblemException.rateLimited((long) Math.ceil(wait), perSecond);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        /** Seconds until {@code cost} tokens are there; 0 when they were taken. */
        synchronized double take(double cost, double perSecond, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - updatedNanos) / 1e9 * perSecond);
            updatedNanos = now;
            if (tokens >= cost) {
                tokens -= cost;
                return 0;
            }
            return (cost - tokens) / perSecond;
        }
    }
}
