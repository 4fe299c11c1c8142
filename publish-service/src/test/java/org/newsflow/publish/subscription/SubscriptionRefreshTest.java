package org.newsflow.publish.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.newsflow.publish.consumer.Consumer;
import org.newsflow.testing.KafkaAndPostgresResource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Another publish instance sharing the database creates, changes and deletes a subscription (simulated by
 * writing the rows directly, as that instance would): this instance's index follows within the refresh period.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class SubscriptionRefreshTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    SubscriptionIndex index;

    @Inject
    ObjectMapper json;

    @Test
    void changesMadeByAnotherInstanceReachThisInstancesIndex() throws Exception {
        String consumerId = "other-instance-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        ArticleFeatures kenya = article("KE");
        ArticleFeatures norway = article("NO");

        // Given a subscription to Kenya written by another instance
        QuarkusTransaction.requiringNew().run(() -> {
            Consumer consumer = new Consumer();
            consumer.id = consumerId;
            consumer.name = "other instance's consumer";
            consumer.createdAt = Instant.now();
            consumer.persist();
            Subscription subscription = new Subscription();
            subscription.id = id;
            subscription.consumerId = consumerId;
            subscription.name = "kenya";
            subscription.filter = "{\"all\": {\"countries\": [\"KE\"]}}";
            subscription.channel = "feed";
            subscription.createdAt = Instant.now();
            subscription.updatedAt = subscription.createdAt;
            subscription.persist();
        });
        // Then this instance matches Kenyan articles to it
        Awaitility.await().atMost(WAIT).until(() -> index.matching(kenya).contains(id));

        // When the other instance changes the filter to Norway, then Norway matches and Kenya no longer does
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription subscription = Subscription.findById(id);
            subscription.filter = "{\"all\": {\"countries\": [\"NO\"]}}";
            subscription.updatedAt = Instant.now();
        });
        Awaitility.await().atMost(WAIT).until(() -> index.matching(norway).contains(id));
        assertThat(index.matching(kenya)).doesNotContain(id);

        // When the other instance deletes it, then nothing matches it any more
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription subscription = Subscription.findById(id);
            subscription.deletedAt = Instant.now();
            subscription.updatedAt = subscription.deletedAt;
        });
        Awaitility.await().atMost(WAIT).until(() -> !index.matching(norway).contains(id));
    }

    private ArticleFeatures article(String country) throws Exception {
        return ArticleFeatures.of(json.readTree("{\"places\": [{\"name\": \"x\", \"uri\": "
                + "\"http://cv.iptc.org/newscodes/iso3166-1a2/" + country + "\"}]}"), null, "wire");
    }
}
