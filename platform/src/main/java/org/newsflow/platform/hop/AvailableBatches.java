package org.newsflow.platform.hop;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.Subscriptions;

/**
 * Groups a stream into lists of whatever has arrived while the last list was being handled, at most {@code most}
 * at a time — a group commit without a timer: an idle stream yields lists of one at once (no added latency), a
 * busy one yields larger lists as work piles up. Order is kept; at most {@code most} items are asked for ahead.
 */
public final class AvailableBatches {

    /** {@code upstream} as lists of what is available, each of 1 to {@code most} items. */
    public static <T> Multi<List<T>> of(Multi<T> upstream, int most) {
        if (most < 1) {
            throw new IllegalArgumentException("a batch holds at least one item");
        }
        return Multi.createFrom().publisher(downstream -> upstream.subscribe().withSubscriber(new Gatherer<>(downstream, most)));
    }

    private static final class Gatherer<T> implements Flow.Subscriber<T>, Flow.Subscription {

        private final Flow.Subscriber<? super List<T>> downstream;
        private final int most;
        private final Queue<T> arrived = new ConcurrentLinkedQueue<>();
        private final AtomicLong requested = new AtomicLong();
        private final AtomicInteger draining = new AtomicInteger();
        private volatile Flow.Subscription upstream;
        private volatile boolean upstreamDone;
        private volatile Throwable upstreamFailure;
        private volatile boolean cancelled;
        private volatile boolean subscribed;
        private boolean terminated;

        Gatherer(Flow.Subscriber<? super List<T>> downstream, int most) {
            this.downstream = downstream;
            this.most = most;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            upstream = subscription;
            subscription.request(most); // what is there at once makes the first batch
            subscribed = true;
            downstream.onSubscribe(this);
            drain();
        }

        @Override
        public void onNext(T item) {
            arrived.offer(item);
            drain();
        }

        @Override
        public void onError(Throwable failure) {
            upstreamFailure = failure;
            upstreamDone = true;
            drain();
        }

        @Override
        public void onComplete() {
            upstreamDone = true;
            drain();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancel();
                downstream.onError(Subscriptions.getInvalidRequestException());
                return;
            }
            Subscriptions.add(requested, n);
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            Flow.Subscription subscription = upstream;
            if (subscription != null) {
                subscription.cancel();
            }
        }

        private void drain() {
            if (!subscribed || draining.getAndIncrement() != 0) {
                return; // the thread draining now will see what changed
            }
            int missed = 1;
            do {
                while (!cancelled && !terminated && requested.get() > 0 && !arrived.isEmpty()) {
                    List<T> batch = new ArrayList<>();
                    T item;
                    while (batch.size() < most && (item = arrived.poll()) != null) {
                        batch.add(item);
                    }
                    requested.decrementAndGet();
                    downstream.onNext(batch);
                    if (!upstreamDone) {
                        upstream.request(batch.size());
                    }
                }
                if (!cancelled && !terminated && upstreamDone && arrived.isEmpty()) {
                    terminated = true;
                    if (upstreamFailure != null) {
                        downstream.onError(upstreamFailure);
                    } else {
                        downstream.onComplete();
                    }
                }
                missed = draining.addAndGet(-missed);
            } while (missed != 0);
        }
    }

    private AvailableBatches() {
    }
}
