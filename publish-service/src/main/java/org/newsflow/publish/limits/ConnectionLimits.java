package org.newsflow.publish.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.publish.config.PublishConfig;
import org.newsflow.publish.problem.ProblemException;

/**
 * Counts the connections that stay open for a while — live streams and waiting long polls — per consumer and in
 * all, so that one consumer opening hundreds of them cannot take what the others (and this instance) need. Above
 * either limit the request is refused with 429 and a Retry-After. Counted per instance: N instances allow N times
 * as many in all, and the per-consumer limit holds on each.
 */
@ApplicationScoped
public class ConnectionLimits {

    private final int perConsumer;
    private final int total;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byConsumer = new ConcurrentHashMap<>();

    ConnectionLimits(PublishConfig config) {
        this.perConsumer = config.connections().perConsumer();
        this.total = config.connections().total();
    }

    /** Takes a place for one open connection of {@code consumerId}; close the slot when the connection ends. */
    public Slot open(String consumerId, String what) {
        boolean[] taken = { false };
        // counted inside compute: a count never goes to a map entry that a concurrent close is removing
        byConsumer.compute(consumerId, (id, count) -> {
            int now = count == null ? 0 : count;
            taken[0] = now < perConsumer;
            return taken[0] ? now + 1 : count;
        });
        if (!taken[0]) {
            throw ProblemException.tooManyConnections("consumer-connections", "This consumer already has " + perConsumer
                    + " open streams and long polls here (newsflow.publish.connections.per-consumer); close one or retry later.",
                    what);
        }
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            release(consumerId);
            throw ProblemException.tooManyConnections("total-connections", "This instance already holds " + total
                    + " open streams and long polls (newsflow.publish.connections.total); retry later.", what);
        }
        return new Slot(consumerId);
    }

    /** Open connections of one consumer on this instance. */
    public int openBy(String consumerId) {
        return byConsumer.getOrDefault(consumerId, 0);
    }

    private void release(String consumerId) {
        byConsumer.computeIfPresent(consumerId, (id, count) -> count <= 1 ? null : count - 1);
    }

    /** One open connection; closing it more than once is harmless. */
    public final class Slot implements AutoCloseable {

        private final String consumerId;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Slot(String consumerId) {
            this.consumerId = consumerId;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                open.decrementAndGet();
                release(consumerId);
            }
        }
    }
}
