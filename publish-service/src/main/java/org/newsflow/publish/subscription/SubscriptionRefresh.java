package org.newsflow.publish.subscription;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Several publish instances share one database but each holds its own {@link SubscriptionIndex}: every
 * {@code newsflow.publish.subscription-refresh} each instance applies the subscriptions created, changed or
 * deleted since its last look. It looks back a little further than that, because a change is stamped before
 * its transaction commits and instances' clocks differ slightly; applying a change twice does nothing.
 */
@ApplicationScoped
public class SubscriptionRefresh {

    private static final Duration LOOK_BACK = Duration.ofSeconds(30);

    private final SubscriptionIndex index;
    private Instant lastLook = Instant.EPOCH;
    private volatile boolean stopping;

    SubscriptionRefresh(SubscriptionIndex index) {
        this.index = index;
    }

    @Scheduled(every = "${newsflow.publish.subscription-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        if (stopping) {
            return; // the database may already be closed
        }
        Instant now = Instant.now();
        for (Subscription subscription : Subscription.changedSince(lastLook.minus(LOOK_BACK))) {
            if (subscription.deletedAt != null) {
                index.remove(subscription.id);
            } else {
                index.put(subscription.id, index.parse(subscription.filter));
            }
        }
        lastLook = now;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }
}
