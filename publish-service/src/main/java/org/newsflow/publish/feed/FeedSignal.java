package org.newsflow.publish.feed;

import jakarta.enterprise.context.ApplicationScoped;

/** Wakes long-polling feed readers when a publication has added feed entries. */
@ApplicationScoped
public class FeedSignal {

    private final Object monitor = new Object();
    private long generation;
    private java.util.List<java.util.concurrent.CompletableFuture<Void>> waiting = new java.util.ArrayList<>();

    public void published() {
        java.util.List<java.util.concurrent.CompletableFuture<Void>> woken;
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
            woken = waiting;
            waiting = new java.util.ArrayList<>();
        }
        woken.forEach(w -> w.complete(null));
    }

    /**
     * Completes once something is published after {@code seen}, or after {@code millis}: a waiter that holds no
     * thread, for long polls.
     */
    public java.util.concurrent.CompletableFuture<Void> after(long seen, long millis) {
        java.util.concurrent.CompletableFuture<Void> woken = new java.util.concurrent.CompletableFuture<>();
        synchronized (monitor) {
            if (generation != seen) {
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
            waiting.removeIf(java.util.concurrent.CompletableFuture::isDone); // those that timed out
            waiting.add(woken);
        }
        return woken.completeOnTimeout(null, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
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
