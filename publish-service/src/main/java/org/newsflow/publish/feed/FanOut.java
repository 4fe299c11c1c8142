package org.newsflow.publish.feed;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.publish.subscription.ArticleFeatures;
import org.newsflow.publish.subscription.SubscriptionIndex;

/**
 * Hands a published version to the subscriptions that asked for it, inside the publishing transaction: a new
 * article or an update to those whose filters it meets; a kill, or a withheld version (a notice without text), to
 * every subscription that received any version, whatever its filter says now.
 */
@ApplicationScoped
public class FanOut {

    private final SubscriptionIndex index;
    private final org.newsflow.publish.delivery.WebhookDispatcher webhooks;
    private final org.newsflow.publish.config.AfterCommit afterCommit;

    private final FeedSignal signal;

    FanOut(SubscriptionIndex index, org.newsflow.publish.delivery.WebhookDispatcher webhooks,
            org.newsflow.publish.config.AfterCommit afterCommit, FeedSignal signal) {
        this.signal = signal;
        this.index = index;
        this.webhooks = webhooks;
        this.afterCommit = afterCommit;
    }

    /**
     * Records the version in the feeds it belongs to; returns the subscriptions that got it. {@code firstVersion}:
     * nothing of this article was published before, so no feed holds it yet (spares a query per new article).
     */
    public Set<String> deliver(String articleId, int version, boolean kill, boolean withheld, String eventId,
            ArticleFeatures features, boolean firstVersion) {
        Set<String> received = firstVersion ? Set.of() : new LinkedHashSet<>(FeedEntry.<FeedEntry> find("articleId", articleId)
                .stream().map(e -> e.subscriptionId).toList());
        Set<String> targets = new LinkedHashSet<>();
        if (kill || withheld) { // what to stop using concerns only those who have it
            targets.addAll(received);
        } else {
            targets.addAll(index.matching(features));
        }
        Instant now = Instant.now();
        FeedPositions.Claimed claimed = targets.isEmpty() ? new FeedPositions.Claimed(java.util.Map.of(), Set.of())
                : FeedPositions.claim(targets);
        Set<String> pushed = claimed.pushed();
        for (String subscriptionId : targets) {
            Long position = claimed.positions().get(subscriptionId);
            if (position == null) {
                continue; // no such subscription row: nothing to append to
            }
            FeedEntry entry = new FeedEntry();
            entry.positionInFeed = position;
            entry.subscriptionId = subscriptionId;
            entry.articleId = articleId;
            entry.version = version;
            entry.kind = kill ? FeedEntry.KILL : received.contains(subscriptionId) ? FeedEntry.UPDATE : FeedEntry.NEW;
            entry.eventId = eventId;
            entry.createdAt = now;
            entry.persist();
            if (pushed.contains(subscriptionId)) {
                org.newsflow.publish.delivery.WebhookDelivery delivery = new org.newsflow.publish.delivery.WebhookDelivery();
                delivery.messageId = "msg_" + java.util.UUID.randomUUID().toString().replace("-", "");
                delivery.subscriptionId = subscriptionId;
                delivery.feedSeq = entry.positionInFeed;
                delivery.articleId = articleId;
                delivery.kind = entry.kind;
                delivery.eventId = eventId;
                delivery.status = org.newsflow.publish.delivery.WebhookDelivery.PENDING;
                delivery.nextAttemptAt = now;
                delivery.createdAt = now;
                delivery.persist();
            }
        }
        // every publication wakes live streams and long polls; new messages wake the webhook dispatcher
        afterCommit.run(() -> {
            signal.published(); // long-polling readers and live streams look again
            if (!pushed.isEmpty()) {
                webhooks.wake();
            }
        });
        return targets;
    }

    /** For tests and the benchmark: how many subscriptions the index holds. */
    public int subscriptions() {
        return index.size();
    }

    List<String> matching(ArticleFeatures features) {
        return index.matching(features);
    }
}
