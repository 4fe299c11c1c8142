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
    private final ConcurrentHashMap<String, AtomicInteger> byConsumer = new ConcurrentHashMap<>();

    ConnectionLimits(PublishConfig config) {
        this.perConsumer = config.connections().perConsumer();
        this.total = config.connections().total();
    }

    /** Takes a place for one open connection of {@code consumerId}; close the slot when the connection ends. */
    public Slot open(String consumerId, String what) {
        AtomicInteger mine = byConsumer.computeIfAbsent(consumerId, id -> new AtomicInteger());
        if (mine.incrementAndGet() > perConsumer) {
            release(consumerId, mine, false);
            throw ProblemException.tooManyConnections("consumer-connections", "This consumer already has " + perConsumer
                    + " open streams and long polls here (newsflow.publish.connections.per-consumer); close one or retry later.",
                    what);
        }
        if (open.incrementAndGet() > total) {
            release(consumerId, mine, true);
            throw ProblemException.tooManyConnections("total-connections", "This instance already holds " + total
                    + " open streams and long polls (newsflow.publish.connections.total); retry later.", what);
        }
        return new Slot(consumerId, mine);
    }

    /** Open connections of one consumer on this instance. */
    public int openBy(String consumerId) {
        AtomicInteger mine = byConsumer.get(consumerId);
        return mine == null ? 0 : mine.get();
    }

    private void release(String consumerId, AtomicInteger mine, boolean counted) {
        if (counted) {
            open.decrementAndGet();
        }
        if (mine.decrementAndGet() <= 0) {
            byConsumer.remove(consumerId, mine);
        }
    }

    /** One open connection; closing it more than once is harmless. */
    public final class Slot implements AutoCloseable {

        private final String consumerId;
        private final AtomicInteger mine;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Slot(String consumerId, AtomicInteger mine) {
            this.consumerId = consumerId;
            this.mine = mine;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(consumerId, mine, true);
            }
        }
    }
}
