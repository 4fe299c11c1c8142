package org.newsflow.publish.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.CloudEventHeaders;
import org.newsflow.contract.Enrichment;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
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
        String consumer = "Bearer " + given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON)
                .body("{\"id\": \"routed-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .post("/v1/admin/consumers").then().statusCode(201).extract().path("apiKey");
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
