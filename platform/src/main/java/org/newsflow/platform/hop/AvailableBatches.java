package org.newsflow.platform.hop;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.Subscriptions;

/**
 * Groups a stream into lists of whatever has arrived while the last list was being handled — a group commit without
 * a timer: an idle stream yields lists of one at once (no added latency), a busy one yields larger lists as work
 * piles up. How many one list holds at most is asked of {@code most} for every list (it may change as the consumer
 * learns how long items take), never more than {@code ahead}; order is kept; at most {@code ahead} items are asked
 * for ahead.
 */
public final class AvailableBatches {

    /** {@code upstream} as lists of what is available, each of 1 to {@code most} items. */
    public static <T> Multi<List<T>> of(Multi<T> upstream, int most) {
        return of(upstream, most, () -> most);
    }

    /** {@code upstream} as lists of what is available, each of 1 to {@code most.getAsInt()} (at most {@code ahead}) items. */
    public static <T> Multi<List<T>> of(Multi<T> upstream, int ahead, IntSupplier most) {
        if (ahead < 1) {
            throw new IllegalArgumentException("a batch holds at least one item");
        }
        return Multi.createFrom().publisher(downstream -> upstream.subscribe()
                .withSubscriber(new Gatherer<>(downstream, ahead, most)));
    }

    private static final class Gatherer<T> implements Flow.Subscriber<T>, Flow.Subscription {

        private final Flow.Subscriber<? super List<T>> downstream;
        private final int ahead;
        private final IntSupplier most;
        private final Queue<T> arrived = new ConcurrentLinkedQueue<>();
        private final AtomicLong requested = new AtomicLong();
        private final AtomicInteger draining = new AtomicInteger();
        private volatile Flow.Subscription upstream;
        private volatile boolean upstreamDone;
        private volatile Throwable upstreamFailure;
        private volatile boolean cancelled;
        private volatile boolean subscribed;
        private boolean terminated;

        Gatherer(Flow.Subscriber<? super List<T>> downstream, int ahead, IntSupplier most) {
            this.downstream = downstream;
            this.ahead = ahead;
            this.most = most;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            upstream = subscription;
            subscription.request(ahead); // what is there at once makes the first batch
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
                    int limit = Math.max(1, Math.min(ahead, most.getAsInt()));
                    List<T> batch = new ArrayList<>();
                    T item;
                    while (batch.size() < limit && (item = arrived.poll()) != null) {
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
