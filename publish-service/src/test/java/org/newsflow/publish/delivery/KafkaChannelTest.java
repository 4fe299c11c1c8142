package org.newsflow.publish.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.CloudEventHeaders;
import org.newsflow.contract.Enrichment;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
import org.newsflow.publish.support.TestConsumers;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.TopicReader;
import org.newsflow.testing.TopicWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** A subscription with its own Kafka topic, created on demand and fed with the articles it matches. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class KafkaChannelTest {

    @Inject
    ObjectMapper json;

    @Test
    void matchingArticlesArriveOnTheSubscriptionsOwnTopicAsCloudEvents() throws Exception {
        String consumer = TestConsumers.newConsumer("routed");
        String publisher = "routed-wire-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "energy-desk-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\": \"routed\", \"filter\": {\"all\": {\"sources\": [\"" + publisher + "\"]}}, "
                + "\"channel\": {\"type\": \"kafka\", \"topic\": \"" + name + "\"}}";
        given().header("Authorization", consumer).contentType(ContentType.JSON).body(body).post("/v1/subscriptions").then()
                .statusCode(201).body("channel.topic", equalTo("newsflow.sub." + name));

        String uri = "urn:newsroom:routed:" + UUID.randomUUID();
        publish(publisher, uri);
        try (TopicReader routed = TopicReader.fromStart("newsflow.sub." + name)) {
            ConsumerRecord<String, String> record = routed.next(r -> uri.equals(r.key()), Duration.ofSeconds(30));
            JsonNode data = json.readTree(record.value());
            assertThat(data.at("/data/article/uri").asText()).isEqualTo(uri);
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ARTICLE_PUBLISHED);
            assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(StableIds.articleId(publisher, uri));
        }

        given().header("Authorization", consumer).contentType(ContentType.JSON).body(body).post("/v1/subscriptions").then()
                .statusCode(409);
        given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body(body.replace(name, "Not A Topic!")).post("/v1/subscriptions").then().statusCode(400)
                .body("errors[0].rule", equalTo("topic-name"));
    }

    @Test
    void aConsumerHasAFewKafkaTopicsAtMostAndAReleasedTopicLeavesTheBrokerAfterItsRetention() throws Exception {
        // Given a consumer with as many Kafka-channel subscriptions as it may have (5 by default)
        String consumer = TestConsumers.newConsumer("topics");
        String prefix = "quota-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(given().header("Authorization", consumer).contentType(ContentType.JSON).body(kafkaSubscription(prefix + i))
                    .post("/v1/subscriptions").then().statusCode(201).extract().path("id"));
        }

        // When it asks for a sixth, then it is refused, naming the quota
        given().header("Authorization", consumer).contentType(ContentType.JSON).body(kafkaSubscription(prefix + 5))
                .post("/v1/subscriptions").then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("kafka-topics-per-consumer"));

        // When one is switched to a webhook and another deleted, then their topics are deleted after the retention (1 s in tests)
        given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body("{\"name\": \"moved\", \"filter\": {\"all\": {\"sources\": [\"quota-wire\"]}}, \"channel\": {\"type\": \"webhook\", \"url\": \"http://127.0.0.1:9/hook\"}}")
                .put("/v1/subscriptions/{id}", ids.get(0)).then().statusCode(200).body("channel.type", equalTo("webhook"))
                .body("channel.topic", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", consumer).delete("/v1/subscriptions/{id}", ids.get(1)).then().statusCode(204);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", org.newsflow.testing.TestKafka.bootstrapServers()))) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    admin.listTopics().names().get()).doesNotContain("newsflow.sub." + prefix + 0, "newsflow.sub." + prefix + 1)
                    .contains("newsflow.sub." + prefix + 2));
        }
        // and the consumer may have a Kafka-channel subscription again
        given().header("Authorization", consumer).contentType(ContentType.JSON).body(kafkaSubscription(prefix + 6))
                .post("/v1/subscriptions").then().statusCode(201);
    }

    private static String kafkaSubscription(String topic) {
        return "{\"name\": \"routed\", \"filter\": {\"all\": {\"sources\": [\"quota-wire\"]}}, \"channel\": {\"type\": \"kafka\", \"topic\": \"" + topic + "\"}}";
    }

    private void publish(String publisher, String uri) throws Exception {
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/ferry-timetable.json")) {
            article = (ObjectNode) json.readTree(in);
        }
        article.put("uri", uri);
        Enrichment enrichment = new Enrichment("0.7.0", "en", "publisher", 1.0, 31, List.of("ferry"), List.of(), List.of(),
                null, null, "story-x", List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        ArticleEnriched event = new ArticleEnriched(StableIds.articleId(publisher, uri), UUID.randomUUID().toString(),
                publisher, Instant.parse("2026-11-28T09:00:00Z"), article, enrichment);
        TopicWriter.sendEvent(Topics.ARTICLES_ENRICHED, uri, UUID.randomUUID().toString(), EventTypes.ARTICLE_ENRICHED,
                json.writeValueAsString(event));
    }
}
