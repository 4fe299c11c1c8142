package org.newsflow.publish.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class EnrichedArticleProcessorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    TopicReader published;
    TopicReader deadLetters;

    @BeforeEach
    void openTopics() {
        published = TopicReader.atEnd(Topics.ARTICLES_PUBLISHED);
        deadLetters = TopicReader.atEnd(Topics.deadLetterOf(Topics.ARTICLES_ENRICHED));
    }

    @AfterEach
    void closeTopics() {
        published.close();
        deadLetters.close();
    }

    @Test
    void anEnrichedArticleIsPublishedOnKafkaAndServedOverHttp() throws IOException {
        String uri = uniqueUri();
        String articleId = StableIds.articleId("island-gazette", uri);
        String eventId = sendEnriched(uri, 1, "usable");

        ConsumerRecord<String, String> record = published.next(r -> uri.equals(r.key()), WAIT);

        assertThat(TopicReader.header(record, CloudEventHeaders.ID))
                .isEqualTo(StableIds.derivedEventId(EventTypes.ARTICLE_PUBLISHED, eventId));
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ARTICLE_PUBLISHED);
        assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(articleId);
        JsonNode data = json.readTree(record.value());
        assertThat(data.at("/article/headlines/0/value").asText()).isEqualTo("Winter ferry timetable cuts evening sailings");
        assertThat(data.at("/enrichment/keywords/0").asText()).isEqualTo("ferry");
        assertThat(data.get("publishedAt").asText()).isNotBlank();

        given().get("/v1/articles/" + articleId).then()
                .statusCode(200).contentType("application/json")
                .body("uri", equalTo(uri))
                .body("language", equalTo("en"))
                .body("descriptions[0].role", equalTo("summary"))
                .body("bodies[0].wordCount", equalTo(31));
    }

    @Test
    void anUpdateReplacesTheArticleAndAKillReachesTheTopic() throws IOException {
        String uri = uniqueUri();
        String articleId = StableIds.articleId("island-gazette", uri);
        sendEnriched(uri, 1, "usable");
        sendEnriched(uri, 2, "usable");
        sendEnriched(uri, 3, "canceled");

        List<ConsumerRecord<String, String>> records = published.readThrough(
                r -> uri.equals(r.key()) && r.value().contains("\"canceled\""), WAIT);

        assertThat(records).filteredOn(r -> uri.equals(r.key())).hasSize(3);
        given().get("/v1/articles/" + articleId).then().statusCode(200)
                .body("version", equalTo("3"))
                .body("pubStatus", equalTo("canceled"));
    }

    @Test
    void theVersionsOfAKilledArticleNeedAKeyAndNoLongerShowTheWithdrawnText() throws IOException {
        // Given an article published twice and then killed by its publisher
        String uri = uniqueUri();
        String articleId = StableIds.articleId("island-gazette", uri);
        sendEnriched(uri, 1, "usable");
        sendEnriched(uri, 2, "usable");
        sendEnriched(uri, 3, "canceled");
        published.readThrough(r -> uri.equals(r.key()) && r.value().contains("\"canceled\""), WAIT);

        // When anyone asks for its versions without a key, then they are refused
        given().get("/v1/articles/" + articleId + "/versions").then().statusCode(401)
                .contentType("application/problem+json");

        // and a consumer sees that versions 1 and 2 existed, but not what they said
        String consumer = TestConsumers.newConsumer("auditor");
        given().header("Authorization", consumer).get("/v1/articles/" + articleId + "/versions").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.contains(3, 2, 1))
                .body("[0].pubStatus", equalTo("canceled"))
                .body("[1].article", org.hamcrest.Matchers.nullValue())
                .body("[1].enrichment", org.hamcrest.Matchers.nullValue())
                .body("[2].article", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anOlderVersionArrivingLateIsKeptButNotAnnounced() throws IOException {
        String uri = uniqueUri();
        sendEnriched(uri, 2, "usable");
        sendEnriched(uri, 1, "usable");
        String marker = uniqueUri();
        sendEnriched(marker, 1, "usable");

        List<ConsumerRecord<String, String>> records = published.readThrough(r -> marker.equals(r.key()), WAIT);

        assertThat(records).extracting(ConsumerRecord::key).containsExactly(uri, marker);
        given().get("/v1/articles/" + StableIds.articleId("island-gazette", uri)).then().body("version", equalTo("2"));
    }

    @Test
    void aRedeliveredEventWhoseResultIsOnKafkaIsNotSentAgain() throws IOException {
        // Given an event published, and Kafka's acknowledgement of its result noted
        String uri = uniqueUri();
        String eventId = UUID.randomUUID().toString();
        sendEnriched(uri, 1, "usable", eventId);
        published.next(r -> uri.equals(r.key()), WAIT);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ProcessedEvent.of(eventId).map(p -> p.emittedAt != null).orElse(false)));

        // When the same event comes again (as after a crash before the offset was committed), then a marker
        sendEnriched(uri, 1, "usable", eventId);
        String marker = uniqueUri();
        sendEnriched(marker, 1, "usable");

        // Then consumers get the article once
        List<ConsumerRecord<String, String>> records = published.readThrough(r -> marker.equals(r.key()), WAIT);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(uri, marker);
    }

    @Test
    void aRedeliveredEventWhoseResultKafkaNeverAcknowledgedIsSentAgainWithTheSameId() throws IOException {
        // Given an event published, but no note that Kafka acknowledged it (a crash right after sending)
        String uri = uniqueUri();
        String eventId = UUID.randomUUID().toString();
        sendEnriched(uri, 1, "usable", eventId);
        ConsumerRecord<String, String> first = published.next(r -> uri.equals(r.key()), WAIT);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ProcessedEvent.of(eventId).map(p -> p.emittedAt != null).orElse(false)));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> ProcessedEvent.update("emittedAt = null where eventId = ?1", eventId));

        // When the same event comes again
        sendEnriched(uri, 1, "usable", eventId);

        // Then it is sent again, as the same event, so that a consumer can tell it is a repeat
        ConsumerRecord<String, String> second = published.next(r -> uri.equals(r.key()) && r != first, WAIT);
        assertThat(TopicReader.header(second, CloudEventHeaders.ID)).isEqualTo(TopicReader.header(first, CloudEventHeaders.ID));
        assertThat(second.value()).isEqualTo(first.value());
    }

    @Test
    void poisonIsDeadLetteredAndTheStreamGoesOn() throws IOException {
        TopicWriter.sendRaw(Topics.ARTICLES_ENRICHED, "urn:poison:not-json", new byte[] { (byte) 0xC3, 0x28, 0x7B },
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString()));
        TopicWriter.sendRaw(Topics.ARTICLES_ENRICHED, "urn:poison:no-version",
                "{\"articleId\":\"x\",\"article\":{\"uri\":\"u\",\"version\":\"two\"},\"enrichment\":{}}".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString()));
        String uri = uniqueUri();
        sendEnriched(uri, 1, "usable");

        assertThat(TopicReader.header(deadLetters.next(r -> "urn:poison:not-json".equals(r.key()), WAIT),
                "dead-letter-reason")).contains("not an ArticleEnriched JSON document");
        assertThat(TopicReader.header(deadLetters.next(r -> "urn:poison:no-version".equals(r.key()), WAIT),
                "dead-letter-reason")).contains("numeric article.version");
        assertThat(published.next(r -> uri.equals(r.key()), WAIT)).isNotNull();
    }

    @Test
    void anInjectedEventClaimingAnotherPublishersArticleIsSetAside() throws IOException {
        // Given island-gazette's article, and then an event naming another publisher with that article's id
        String uri = uniqueUri();
        String articleId = StableIds.articleId("island-gazette", uri);
        sendEnriched(uri, 1, "usable");
        published.next(r -> uri.equals(r.key()), WAIT);
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/ferry-timetable.json")) {
            article = (ObjectNode) json.readTree(in);
        }
        article.put("uri", uri).put("version", "9").put("pubStatus", "usable");
        ((ObjectNode) article.at("/headlines/0")).put("value", "Forged headline");
        Enrichment enrichment = new Enrichment("0.1.0", "en", "publisher", 1.0, 2, List.of(), List.of(), List.of(), null,
                null, "story-x", List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        TopicWriter.sendEvent(Topics.ARTICLES_ENRICHED, uri, UUID.randomUUID().toString(), EventTypes.ARTICLE_ENRICHED,
                json.writeValueAsString(new ArticleEnriched(articleId, UUID.randomUUID().toString(), "mallory-news",
                        Instant.parse("2026-11-28T09:00:00Z"), article, enrichment)));

        // Then it is dead-lettered and the article keeps its own text
        assertThat(TopicReader.header(deadLetters.next(r -> uri.equals(r.key()), WAIT), "dead-letter-reason"))
                .contains("articleId is not the id of this publisherId and article.uri");
        given().get("/v1/articles/" + articleId).then().statusCode(200).body("version", equalTo("1"));
    }

    @Test
    void htmlThatDidNotComeThroughIngestsSanitiserIsCleanedBeforeConsumersGetIt() throws IOException {
        // Given an event written straight to articles.enriched with a script in its body and markup in its headline
        String uri = uniqueUri();
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/ferry-timetable.json")) {
            article = (ObjectNode) json.readTree(in);
        }
        article.put("uri", uri).put("version", "1").put("pubStatus", "usable");
        ((ObjectNode) article.at("/headlines/0")).put("value", "Ferries <img src=x onerror=steal()>resume");
        article.putArray("bodies").addObject().put("role", "main").put("contentType", "text/html")
                .put("value", "<p>Sailings resume on Monday.</p><script>steal()</script><a href=\"javascript:steal()\">more</a>");
        Enrichment enrichment = new Enrichment("0.1.0", "en", "publisher", 1.0, 4, List.of(), List.of(), List.of(), null,
                null, "story-x", List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        TopicWriter.sendEvent(Topics.ARTICLES_ENRICHED, uri, UUID.randomUUID().toString(), EventTypes.ARTICLE_ENRICHED,
                json.writeValueAsString(new ArticleEnriched(StableIds.articleId("island-gazette", uri),
                        UUID.randomUUID().toString(), "island-gazette", Instant.parse("2026-11-28T09:00:00Z"), article, enrichment)));

        // Then what consumers get holds no script, no handler, no javascript: link
        JsonNode data = json.readTree(published.next(r -> uri.equals(r.key()), WAIT).value());
        assertThat(data.at("/article/bodies/0/value").asText()).contains("<p>Sailings resume on Monday.</p>")
                .doesNotContain("<script", "steal", "javascript:");
        assertThat(data.at("/article/headlines/0/value").asText()).isEqualTo("Ferries resume");
    }

    @Test
    void anUnknownArticleIsA404Problem() {
        given().get("/v1/articles/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private String sendEnriched(String uri, int version, String pubStatus) throws IOException {
        String eventId = UUID.randomUUID().toString();
        sendEnriched(uri, version, pubStatus, eventId);
        return eventId;
    }

    private void sendEnriched(String uri, int version, String pubStatus, String eventId) throws IOException {
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/ferry-timetable.json")) {
            article = (ObjectNode) json.readTree(in);
        }
        article.put("uri", uri).put("version", Integer.toString(version)).put("pubStatus", pubStatus);
        Enrichment enrichment = new Enrichment("0.1.0", "en", "publisher", 1.0, 31, List.of("ferry", "sailings"),
                List.of(), List.of(), null, null, "story-ferry", List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        ArticleEnriched event = new ArticleEnriched(StableIds.articleId("island-gazette", uri),
                UUID.randomUUID().toString(), "island-gazette", Instant.parse("2026-11-28T09:00:00Z"), article, enrichment);
        TopicWriter.sendEvent(Topics.ARTICLES_ENRICHED, uri, eventId, EventTypes.ARTICLE_ENRICHED,
                json.writeValueAsString(event));
    }

    private static String uniqueUri() {
        return "urn:newsroom:island-gazette:test:" + UUID.randomUUID();
    }
}
