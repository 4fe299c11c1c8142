package org.newsflow.ingest.publisher;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsflow.ingest.config.IngestConfig;
import org.newsflow.ingest.publisher.PublisherAuthenticator.AuthenticatedPublisher;

/**
 * API keys this instance authenticated in the last {@code newsflow.ingest.auth-cache-ttl}, so that a publisher
 * pushing many articles is looked up once every few seconds instead of twice per push. Entries are keyed by the
 * key's SHA-256, never by the key itself. Any change made through this instance's admin API (revocation, rotation,
 * signing secret) empties the cache at once; another instance's change takes effect here within the TTL.
 */
@ApplicationScoped
public class AuthenticatedKeys {

    private record Entry(AuthenticatedPublisher publisher, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int capacity;

    @Inject
    AuthenticatedKeys(IngestConfig config) {
        this(config.authCacheTtl(), config.authCacheSize());
    }

    AuthenticatedKeys(Duration ttl, int capacity) {
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
    }

    Optional<AuthenticatedPublisher> get(String keyHash) {
        if (ttlNanos <= 0) {
            return Optional.empty();
        }
        Entry entry = entries.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAtNanos > 0) {
            entries.remove(keyHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.publisher);
    }

    void put(String keyHash, AuthenticatedPublisher publisher) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear(); // many distinct keys at once: start over rather than track ages
        }
        entries.put(keyHash, new Entry(publisher, System.nanoTime() + ttlNanos));
    }

    /** Forget everything: a key, publisher or signing secret changed. */
    public void clear() {
        entries.clear();
    }
}
