package org.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.newsflow.contract.ArticleSubmitted;
import org.newsflow.contract.CloudEventHeaders;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
import org.newsflow.enrich.record.EnrichmentRecord;
import org.newsflow.enrich.record.ProcessedEvent;
import org.newsflow.enrich.support.TestArticles;
import org.newsflow.platform.hop.KafkaHop;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.NinjsSchema;
import org.newsflow.testing.TopicReader;
import org.newsflow.testing.TopicWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_enrich_test"))
class SubmittedArticleProcessorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @Inject
    SubmittedArticleProcessor processor;

    TopicReader enriched;
    TopicReader deadLetters;

    @BeforeEach
    void openTopics() {
        enriched = TopicReader.atEnd(Topics.ARTICLES_ENRICHED);
        deadLetters = TopicReader.atEnd(Topics.deadLetterOf(Topics.ARTICLES_SUBMITTED));
    }

    @AfterEach
    void closeTopics() {
        enriched.close();
        deadLetters.close();
    }

    @Test
    void aSubmittedArticleComesOutEnrichedWithLanguageWordCountAndSummary() throws IOException {
        String uri = uniqueUri();
        String eventId = submit(uri);

        ConsumerRecord<String, String> record = enriched.next(r -> uri.equals(r.key()), WAIT);

        assertThat(TopicReader.header(record, CloudEventHeaders.ID))
                .isEqualTo(StableIds.derivedEventId(EventTypes.ARTICLE_ENRICHED, eventId));
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ARTICLE_ENRICHED);
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/newsflow/enrich-service");
        JsonNode data = json.readTree(record.value());
        JsonNode article = data.get("article");
        assertThat(article.get("language").asText()).isEqualTo("en");
        assertThat(article.at("/bodies/0/wordCount").asInt()).isEqualTo(76);
        assertThat(article.at("/descriptions/0/role").asText()).isEqualTo("summary");
        assertThat(article.at("/descriptions/0/value").asText()).isEqualTo(
                "Train drivers across the Midlands will return to work on Monday after their unions accepted a "
                        + "two-year pay offer, ending a strike that has lasted six weeks. The agreement gives drivers "
                        + "a rise of 4.5 per cent this year and 3 per cent next year.");
        assertThat(data.at("/enrichment/languageSource").asText()).isEqualTo("english-function-words");
        assertThat(data.at("/enrichment/keywords").toString()).contains("strike", "drivers");
        assertThat(data.get("articleId").asText()).isEqualTo(StableIds.articleId("midland-herald", uri));
    }

    @Test
    void aRedeliveredEventWhoseResultIsOnKafkaIsNeitherEnrichedNorSentAgain() throws IOException {
        // Given an article enriched, and Kafka's acknowledgement of the result noted
        String uri = uniqueUri();
        String eventId = submit(uri);
        enriched.next(r -> uri.equals(r.key()), WAIT);
        awaitEmitted(eventId);

        // When the same event comes again (a restart or a rebalance before the offset was committed), then a marker
        resubmit(uri, eventId);
        String marker = uniqueUri();
        submit(marker);

        // Then the article was enriched and sent once
        assertThat(enriched.readThrough(r -> marker.equals(r.key()), WAIT)).extracting(ConsumerRecord::key)
                .containsExactly(uri, marker);
        long rows = QuarkusTransaction.requiringNew().call(() -> EnrichmentRecord.count("uri", uri));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventWhoseResultKafkaNeverAcknowledgedIsSentAgainAsTheSameEvent() throws IOException {
        // Given an article enriched, but no note that Kafka acknowledged the result (a crash right after sending)
        String uri = uniqueUri();
        String eventId = submit(uri);
        ConsumerRecord<String, String> first = enriched.next(r -> uri.equals(r.key()), WAIT);
        awaitEmitted(eventId);
        QuarkusTransaction.requiringNew().run(() -> ProcessedEvent.update("emittedAt = null where eventId = ?1", eventId));

        // When the same event comes again
        resubmit(uri, eventId);

        // Then the stored event is sent again, with the same id, and the article is not enriched twice
        ConsumerRecord<String, String> second = enriched.next(r -> uri.equals(r.key()) && r != first, WAIT);
        assertThat(TopicReader.header(second, CloudEventHeaders.ID)).isEqualTo(TopicReader.header(first, CloudEventHeaders.ID));
        assertThat(second.value()).isEqualTo(first.value());
        long rows = QuarkusTransaction.requiringNew().call(() -> EnrichmentRecord.count("uri", uri));
        assertThat(rows).isEqualTo(1);
    }

    private static void awaitEmitted(String eventId) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ProcessedEvent.of(eventId).map(p -> p.emittedAt != null).orElse(false)));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() throws IOException {
        byte[] garbage = "{\"articleId\": 42, oops".getBytes(StandardCharsets.UTF_8);
        TopicWriter.sendRaw(Topics.ARTICLES_SUBMITTED, "urn:poison:1", garbage,
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString()));
        TopicWriter.sendRaw(Topics.ARTICLES_SUBMITTED, "urn:poison:2", "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        String uri = uniqueUri();
        submit(uri);

        ConsumerRecord<String, String> notJson = deadLetters.next(r -> "urn:poison:1".equals(r.key()), WAIT);
        ConsumerRecord<String, String> noId = deadLetters.next(r -> "urn:poison:2".equals(r.key()), WAIT);
        assertThat(notJson.value()).isEqualTo(new String(garbage, StandardCharsets.UTF_8));
        assertThat(TopicReader.header(notJson, "dead-letter-reason")).contains("not an ArticleSubmitted JSON document");
        assertThat(TopicReader.header(noId, "dead-letter-reason")).contains("missing CloudEvents header ce_id");
        assertThat(enriched.next(r -> uri.equals(r.key()), WAIT)).isNotNull();
    }

    @Test
    void anInjectedEventClaimingAnotherPublishersArticleIsSetAside() throws IOException {
        // Given an event written straight to the topic that names one publisher but another publisher's article id
        String uri = uniqueUri();
        String eventId = UUID.randomUUID().toString();
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/rail-strike.json")) {
            article = ((ObjectNode) json.readTree(in)).put("uri", uri);
        }
        ArticleSubmitted forged = new ArticleSubmitted(StableIds.articleId("midland-herald", uri), eventId, "mallory-news",
                Instant.parse("2026-11-28T09:00:00Z"), "0".repeat(64), article, List.of());
        TopicWriter.sendEvent(Topics.ARTICLES_SUBMITTED, uri, eventId, EventTypes.ARTICLE_SUBMITTED,
                json.writeValueAsString(forged));

        // Then it is dead-lettered, not enriched
        assertThat(TopicReader.header(deadLetters.next(r -> uri.equals(r.key()), WAIT), "dead-letter-reason"))
                .contains("articleId is not the id of this publisherId and article.uri");
        String marker = uniqueUri();
        submit(marker);
        assertThat(enriched.readThrough(r -> marker.equals(r.key()), WAIT)).noneMatch(r -> uri.equals(r.key()));
    }

    @Test
    void aCopyFromAnotherPublisherIsLinkedToTheOriginalAndJoinsItsStory() throws IOException {
        String original = uniqueUri();
        String copy = "urn:newsroom:coast-gazette:" + UUID.randomUUID();
        String report = "urn:newsroom:aldane-daily:" + UUID.randomUUID();
        sendSubmitted("wire-north", original, TestArticles.ninjs("harbour-fire-original", original));
        JsonNode originalData = json.readTree(enriched.next(r -> original.equals(r.key()), WAIT).value());

        sendSubmitted("coast-gazette", copy, TestArticles.ninjs("harbour-fire-copy", copy));
        sendSubmitted("aldane-daily", report, TestArticles.ninjs("harbour-fire-report", report));
        JsonNode copyData = json.readTree(enriched.next(r -> copy.equals(r.key()), WAIT).value());
        JsonNode reportData = json.readTree(enriched.next(r -> report.equals(r.key()), WAIT).value());

        assertThat(originalData.at("/enrichment/reprintOf").isNull()).isTrue();
        assertThat(copyData.at("/article/associations/0/uri").asText()).isEqualTo(original);
        assertThat(copyData.at("/article/associations/0/rel").asText()).isEqualTo("original");
        assertThat(copyData.at("/article/infoSources/0/role").asText()).isEqualTo("originator");
        assertThat(copyData.at("/article/infoSources/0/name").asText()).isEqualTo("wire-north");
        assertThat(copyData.at("/enrichment/reprintOf/originalArticleId").asText())
                .isEqualTo(StableIds.articleId("wire-north", original));
        assertThat(copyData.at("/enrichment/reprintOf/containment").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(reportData.at("/enrichment/reprintOf").isNull()).isTrue();
        String story = originalData.at("/enrichment/storyId").asText();
        assertThat(story).startsWith("story-");
        assertThat(copyData.at("/enrichment/storyId").asText()).isEqualTo(story);
        assertThat(reportData.at("/enrichment/storyId").asText()).isEqualTo(story);
        assertThat(copyData.at("/enrichment/explanations").findValuesAsText("method"))
                .contains("shingle-containment", "shared-names", "rake-phrases", "capitalised-runs-v1");
        assertThat(NinjsSchema.violations(copyData.get("article"))).isEmpty();
        long fingerprints = QuarkusTransaction.requiringNew().call(() -> ((Number) EnrichmentRecord.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM fingerprint WHERE uri IN (?1, ?2, ?3)")
                .setParameter(1, original).setParameter(2, copy).setParameter(3, report).getSingleResult()).longValue());
        assertThat(fingerprints).isEqualTo(3);

        // the stored enrichment explains itself
        io.restassured.RestAssured.given().header("Authorization", "Bearer test-admin-token").get("/v1/enrichments/{id}", StableIds.articleId("coast-gazette", copy))
                .then().statusCode(200)
                .body("[0].uri", org.hamcrest.Matchers.equalTo(copy))
                .body("[0].enrichment.reprintOf.originalUri", org.hamcrest.Matchers.equalTo(original))
                .body("[0].enrichment.explanations.find { it.field == 'associations' }.method",
                        org.hamcrest.Matchers.equalTo("shingle-containment"));
    }

    @Test
    void inOneBatchACopyFindsItsOriginalAnUpdateFollowsItsFirstVersionAndARedeliveryIsAnsweredFromTheStore()
            throws IOException {
        // Given an article enriched earlier, whose result Kafka has
        String earlier = uniqueUri();
        String earlierEvent = submit(earlier);
        enriched.next(r -> earlier.equals(r.key()), WAIT);
        awaitEmitted(earlierEvent);

        // When one batch holds an original, a copy of it from another publisher, its second version, and the
        // earlier event once more
        String original = uniqueUri();
        String copy = "urn:newsroom:coast-gazette:" + UUID.randomUUID();
        List<KafkaHop.Decoded<ArticleSubmitted>> batch = List.of(
                decoded(submitted("wire-north", original, TestArticles.ninjs("flood-gates-original", original))),
                decoded(submitted("coast-gazette", copy, TestArticles.ninjs("flood-gates-copy", copy))),
                decoded(submitted("wire-north", original, TestArticles.ninjs("flood-gates-original", original)
                        .put("version", "2"))),
                new KafkaHop.Decoded<>(Message.of(new byte[0]), earlierEvent, null));
        List<java.util.Optional<Message<String>>> outputs = processor.enrichAll(batch);

        // Then the copy names the original it came in with, the update is enriched as version 2, and the earlier
        // event has nothing more to send
        assertThat(outputs).hasSize(4);
        JsonNode first = json.readTree(outputs.get(0).orElseThrow().getPayload());
        JsonNode copied = json.readTree(outputs.get(1).orElseThrow().getPayload());
        JsonNode update = json.readTree(outputs.get(2).orElseThrow().getPayload());
        assertThat(first.at("/enrichment/reprintOf").isNull()).isTrue();
        assertThat(copied.at("/enrichment/reprintOf/originalUri").asText()).isEqualTo(original);
        assertThat(update.at("/article/version").asText()).isEqualTo("2");
        assertThat(update.at("/enrichment/storyId").asText()).isEqualTo(first.at("/enrichment/storyId").asText());
        assertThat(outputs.get(3)).isEmpty();
        long rows = QuarkusTransaction.requiringNew().call(() -> EnrichmentRecord.count("uri", original));
        assertThat(rows).isEqualTo(2);
    }

    private ArticleSubmitted submitted(String publisher, String uri, ObjectNode article) {
        return new ArticleSubmitted(StableIds.articleId(publisher, uri), UUID.randomUUID().toString(), publisher,
                Instant.parse("2026-11-28T09:00:00Z"), "0".repeat(64), article, List.of());
    }

    private static KafkaHop.Decoded<ArticleSubmitted> decoded(ArticleSubmitted event) {
        return new KafkaHop.Decoded<>(Message.of(new byte[0]), UUID.randomUUID().toString(), event);
    }

    @Test
    void theExplanationsAreForOperatorsWithEnrichsAdminToken() {
        io.restassured.RestAssured.given().get("/v1/enrichments/{id}", UUID.randomUUID().toString())
                .then().statusCode(401).contentType("application/problem+json")
                .body("errors[0].rule", org.hamcrest.Matchers.equalTo("required"));
        io.restassured.RestAssured.given().header("Authorization", "Bearer a-guess")
                .get("/v1/enrichments/{id}", UUID.randomUUID().toString())
                .then().statusCode(401).body("errors[0].rule", org.hamcrest.Matchers.equalTo("wrong-admin-token"));
    }

    @Test
    void anArticleNeverEnrichedIsAProblemNotAnError() {
        io.restassured.RestAssured.given().header("Authorization", "Bearer test-admin-token").get("/v1/enrichments/{id}", UUID.randomUUID().toString())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://newsflow.dev/problems/not-found"));
    }

    @Test
    void aKillPassesThroughWithoutEnrichment() throws IOException {
        String uri = uniqueUri();
        ObjectNode kill = TestArticles.ninjs("harbour-fire-original", uri).put("pubStatus", "canceled");
        sendSubmitted("midland-herald", uri, kill);

        JsonNode data = json.readTree(enriched.next(r -> uri.equals(r.key()), WAIT).value());

        assertThat(data.at("/article/pubStatus").asText()).isEqualTo("canceled");
        assertThat(data.at("/article").has("descriptions")).isFalse();
        assertThat(data.at("/article").has("people")).isFalse();
        assertThat(data.at("/enrichment/explanations/0/method").asText()).isEqualTo("kill-passes-through");
    }

    private void sendSubmitted(String publisher, String uri, ObjectNode article) throws IOException {
        String eventId = UUID.randomUUID().toString();
        ArticleSubmitted event = new ArticleSubmitted(StableIds.articleId(publisher, uri), eventId, publisher,
                Instant.parse("2026-11-28T09:00:00Z"), "0".repeat(64), article, List.of());
        TopicWriter.sendEvent(Topics.ARTICLES_SUBMITTED, uri, eventId, EventTypes.ARTICLE_SUBMITTED,
                json.writeValueAsString(event));
    }

    private String submit(String uri) throws IOException {
        String eventId = UUID.randomUUID().toString();
        resubmit(uri, eventId);
        return eventId;
    }

    private void resubmit(String uri, String eventId) throws IOException {
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/rail-strike.json")) {
            article = ((ObjectNode) json.readTree(in)).put("uri", uri);
        }
        ArticleSubmitted event = new ArticleSubmitted(StableIds.articleId("midland-herald", uri), eventId, "midland-herald",
                Instant.parse("2026-11-28T09:00:00Z"), "0".repeat(64), article, List.of());
        TopicWriter.sendEvent(Topics.ARTICLES_SUBMITTED, uri, eventId, EventTypes.ARTICLE_SUBMITTED,
                json.writeValueAsString(event));
    }

    private static String uniqueUri() {
        return "urn:newsroom:midland-herald:test:" + UUID.randomUUID();
    }
}
