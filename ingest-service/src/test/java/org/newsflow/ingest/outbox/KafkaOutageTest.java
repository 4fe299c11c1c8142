package org.newsflow.ingest.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.TestKafka;
import org.newsflow.testing.TopicReader;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** While Kafka is down, pushes are still accepted; they reach Kafka when it is back. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class KafkaOutageTest {

    @Test
    void pushesAcceptedWhileKafkaIsDownArePublishedWhenItIsBack() {
        TestPublisher publisher = IngestApi.register("outage-news", false);
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        String uri = article.get("uri").asText();

        TestKafka.stop();
        String id;
        try {
            id = publisher.push(article).then().statusCode(202).extract().path("submissionId");
            publisher.as().get("/v1/submissions/" + id).then().body("status", equalTo("RECEIVED"));
        } finally {
            TestKafka.bootstrapServers(); // Kafka is back, on the same address
        }

        TestKafka.ensureTopics(Topics.ARTICLES_SUBMITTED);
        try (TopicReader submitted = TopicReader.fromStart(Topics.ARTICLES_SUBMITTED)) {
            assertThat(submitted.next(r -> uri.equals(r.key()), Duration.ofSeconds(60))).isNotNull();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> publisher.as()
                .get("/v1/submissions/" + id).then().body("status", equalTo("SUBMITTED")));
    }
}
