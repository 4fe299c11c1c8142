package org.newsflow.publish.subscription;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.newsflow.publish.config.PublishConfig;
import org.newsflow.publish.delivery.KafkaRouting;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes the broker topics of Kafka-channel subscriptions that were deleted or moved to another channel, once
 * {@code newsflow.publish.quotas.released-topic-retention} has passed: a topic per subscription must not pile up on
 * the broker for ever. Several instances may run it at once; deleting a deleted topic is harmless.
 */
@ApplicationScoped
public class ReleasedTopicJanitor {

    private static final Logger LOG = Logger.getLogger(ReleasedTopicJanitor.class);

    private final PublishConfig config;
    private final KafkaRouting routing;

    ReleasedTopicJanitor(PublishConfig config, KafkaRouting routing) {
        this.config = config;
        this.routing = routing;
    }

    @Scheduled(every = "${newsflow.publish.quotas.released-topic-check:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        Instant cutoff = Instant.now().minus(config.quotas().releasedTopicRetention());
        List<String> topics = QuarkusTransaction.requiringNew().call(
                () -> ReleasedTopic.releasedBefore(cutoff, 100).stream().map(t -> t.topic).toList());
        for (String topic : topics) {
            try {
                routing.deleteTopic(topic);
                QuarkusTransaction.requiringNew().run(() -> ReleasedTopic.delete("topic = ?1 and releasedAt < ?2", topic, cutoff));
                LOG.infof("deleted the Kafka-channel topic %s: no subscription has written to it since before %s", topic, cutoff);
            } catch (RuntimeException e) {
                LOG.warnf("could not delete the Kafka-channel topic %s yet: %s", topic, e.toString());
            }
        }
    }
}
