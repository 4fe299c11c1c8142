package org.newsflow.ingest.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.CloudEventHeaders;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An accepted article whose event Kafka refuses for good is set aside with its reason; the events around it in
 * the same relay round reach Kafka once each. Here the producer's limit is set below the intake's, the way a
 * topic or broker configured smaller than Newsflow's defaults would refuse an event.
 */
@QuarkusTest
@TestProfile(UndeliverableEventTest.ProducerLimitBelowTheIntakeLimit.class)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class UndeliverableEventTest {

    public static class ProducerLimitBelowTheIntakeLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.max.request.size", "100000");
        }
    }

    @Test
    void anEventKafkaRefusesIsSetAsideAndItsNeighboursArePublishedOnce() {
        TestPublisher publisher = IngestApi.register("long-reads", false);
        ObjectNode before = IngestApi.article("harbour-wind-farm.json");
        ObjectNode tooLarge = IngestApi.article("harbour-wind-farm.json");
        ((ObjectNode) tooLarge.at("/bodies/0")).put("value", "<p>" + "The ferry leaves at dawn. ".repeat(4_000) + "</p>");
        ObjectNode after = IngestApi.article("harbour-wind-farm.json");
        ObjectNode last = IngestApi.article("harbour-wind-farm.json");

        // given four pushes accepted while Kafka is away, so that the relay sends them in one round
        TestKafka.stop();
        String tooLargeId;
        List<String> fine;
        try {
            String beforeId = publisher.push(before).then().statusCode(202).extract().path("submissionId");
            tooLargeId = publisher.push(tooLarge).then().statusCode(202).extract().path("submissionId");
            String afterId = publisher.push(after).then().statusCode(202).extract().path("submissionId");
            String lastId = publisher.push(last).then().statusCode(202).extract().path("submissionId");
            fine = List.of(beforeId, afterId, lastId);
        } finally {
            TestKafka.bootstrapServers(); // back on the same address
        }
        TestKafka.ensureTopics(Topics.ARTICLES_SUBMITTED);

        // when the relay sends them, then the three others are on the topic once each, and nothing else of this publisher
        try (TopicReader submitted = TopicReader.fromStart(Topics.ARTICLES_SUBMITTED)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> publisher.as()
                    .get("/v1/submissions/" + tooLargeId).then()
                    .body("status", equalTo("UNDELIVERABLE"))
                    .body("failure", containsString("Kafka refused the event")));
            List<String> sent = submitted.readFor(Duration.ofSeconds(8)).stream()
                    .filter(r -> r.value().contains("\"publisherId\":\"" + publisher.id() + "\""))
                    .map(r -> TopicReader.header(r, CloudEventHeaders.ID)).toList();
            assertThat(sent).containsExactlyInAnyOrderElementsOf(fine);
        }
        for (String id : fine) {
            publisher.as().get("/v1/submissions/" + id).then().body("status", equalTo("SUBMITTED"));
        }
    }
}
