package org.newsflow.publish.feed;

import jakarta.enterprise.context.ApplicationScoped;

/** Wakes long-polling feed readers when a publication has added feed entries. */
@ApplicationScoped
public class FeedSignal {

    private final Object monitor = new Object();
    private long generation;

    public void published() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    /** The current generation, to wait for a later one. */
    public long generation() {
        synchronized (monitor) {
            return generation;
        }
    }

    /** Waits until something is published after {@code seen}, or {@code millis} pass. */
    public void awaitAfter(long seen, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (monitor) {
            while (generation == seen) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                monitor.wait(left);
            }
        }
    }
}
