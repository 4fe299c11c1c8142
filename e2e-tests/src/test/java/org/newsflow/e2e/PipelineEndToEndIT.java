package org.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.CloudEventHeaders;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
import org.newsflow.testing.NinjsSchema;
import org.newsflow.testing.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole path as users meet it: the three packaged services, each in its own JVM with its own PostgreSQL
 * database, connected only by one real Kafka broker. A publisher pushes over HTTP; a consumer reads
 * {@code articles.published} and publish-service's API.
 */
class PipelineEndToEndIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static E2ePipeline pipeline;
    private static List<ServiceProcess> SERVICES;
    private static ServiceProcess ingest;
    private static ServiceProcess publish;
    private static String publisherId;
    private static String apiKey;

    private TopicReader published;

    @BeforeAll
    static void startThePipeline() throws Exception {
        pipeline = E2ePipeline.start("newsflow_e2e");
        SERVICES = pipeline.services;
        ingest = pipeline.ingest;
        publish = pipeline.publish;
        publisherId = "elbe-bote-" + UUID.randomUUID().toString().substring(0, 8);
        apiKey = pipeline.registerPublisher(publisherId, "Elbe-Bote");
    }

    @AfterAll
    static void stopThePipeline() {
        pipeline.close();
    }

    @BeforeEach
    void subscribe() {
        published = TopicReader.atEnd(Topics.ARTICLES_PUBLISHED);
    }

    @AfterEach
    void unsubscribe() {
        published.close();
    }

    @Test
    void anArticlePushedOverHttpIsPublishedEnrichedOnKafkaAndOverHttp() throws Exception {
        ObjectNode article = article("stadtbibliothek.json", uniqueUri());
        String uri = article.get("uri").asText();

        long pushedAt = System.nanoTime();
        HttpResponse<String> answer = push(article);
        ConsumerRecord<String, String> record = published.next(r -> uri.equals(r.key()), WAIT);
        System.out.printf("[e2e] push to articles.published: %d ms%n", (System.nanoTime() - pushedAt) / 1_000_000);

        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode receipt = JSON.readTree(answer.body());
        String articleId = receipt.get("articleId").asText();
        assertThat(articleId).isEqualTo(StableIds.articleId(publisherId, uri));
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/v1/submissions/" + receipt.get("submissionId").asText()));

        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ARTICLE_PUBLISHED);
        assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(articleId);
        assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isNotBlank();
        JsonNode event = JSON.readTree(record.value());
        JsonNode enriched = event.get("article");
        assertThat(enriched.get("language").asText()).isEqualTo("de");
        assertThat(enriched.at("/bodies/0/wordCount").asInt()).isEqualTo(58);
        assertThat(enriched.at("/descriptions/0/value").asText())
                .startsWith("Die Stadtbibliothek wird ab März auch sonntags von 11 bis 17 Uhr geöffnet sein.");
        assertThat(event.at("/enrichment/keywords").toString()).contains("Sonntag");
        assertThat(Instant.parse(event.get("publishedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(receipt.get("receivedAt").asText()));
        assertThat(NinjsSchema.violations(enriched)).isEmpty();

        HttpResponse<String> served = get(publish.url("/v1/articles/" + articleId));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(served.body())).isEqualTo(enriched);

        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                JSON.readTree(get(ingest.url("/v1/submissions/" + receipt.get("submissionId").asText())).body())
                        .get("status").asText()).isEqualTo("PUBLISHED"));
    }

    @Test
    void anUpdateAndThenAKillReachTheConsumerInOrder() throws Exception {
        String uri = uniqueUri();
        ObjectNode v1 = article("stadtbibliothek.json", uri);
        ObjectNode v2 = v1.deepCopy().put("version", "2");
        ((ObjectNode) v2.at("/headlines/0")).put("value", "Stadtbibliothek öffnet ab März auch am Sonntag");
        ObjectNode kill = v2.deepCopy().put("version", "3").put("pubStatus", "canceled");

        for (ObjectNode version : List.of(v1, v2, kill)) {
            assertThat(push(version).statusCode()).isEqualTo(202);
        }
        List<ConsumerRecord<String, String>> records = published.readThrough(
                r -> uri.equals(r.key()) && r.value().contains("\"canceled\""), WAIT);

        List<String> versions = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            if (uri.equals(r.key())) {
                versions.add(JSON.readTree(r.value()).at("/article/version").asText());
            }
        }
        assertThat(versions).containsExactly("1", "2", "3");
        JsonNode current = JSON.readTree(get(publish.url("/v1/articles/" + StableIds.articleId(publisherId, uri))).body());
        assertThat(current.get("pubStatus").asText()).isEqualTo("canceled");
    }

    @Test
    void aRejectedPushReachesNoConsumer() throws Exception {
        ObjectNode noUri = article("stadtbibliothek.json", uniqueUri());
        noUri.remove("uri");
        String marker = uniqueUri();

        HttpResponse<String> refused = push(noUri);
        push(article("stadtbibliothek.json", marker));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(refused.body()).at("/errors/0/field").asText()).isEqualTo("/uri");
        List<ConsumerRecord<String, String>> records = published.readThrough(r -> marker.equals(r.key()), WAIT);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(marker);
    }

    @Test
    void anEmbargoedArticleIsPublishedAtItsTimeAndOneKilledBeforeThenNeverShowsItsText() throws Exception {
        // Given two articles under embargo for a few seconds, and a kill of the second before its embargo ends
        Instant until = Instant.now().plusSeconds(6);
        String kept = uniqueUri();
        String killed = uniqueUri();
        assertThat(push(article("stadtbibliothek.json", kept).put("embargoedUntil", until.toString())).statusCode()).isEqualTo(202);
        assertThat(push(article("stadtbibliothek.json", killed).put("embargoedUntil", until.toString())).statusCode()).isEqualTo(202);
        assertThat(push(article("stadtbibliothek.json", killed).put("version", "2").put("pubStatus", "canceled"))
                .statusCode()).isEqualTo(202);

        // Then the first is published once its embargo is over, not before
        ConsumerRecord<String, String> release = published.next(r -> kept.equals(r.key()), WAIT);
        assertThat(Instant.ofEpochMilli(release.timestamp())).isAfterOrEqualTo(until);
        // and of the second, consumers only ever get the kill, never the embargoed text
        String marker = uniqueUri();
        Thread.sleep(3_000); // the held version 1 has been relayed and enriched by now (1 s relay poll)
        assertThat(push(article("stadtbibliothek.json", marker)).statusCode()).isEqualTo(202);
        List<ConsumerRecord<String, String>> records = published.readThrough(r -> marker.equals(r.key()), WAIT);
        assertThat(records).filteredOn(r -> killed.equals(r.key())).hasSize(1)
                .allSatisfy(r -> assertThat(JSON.readTree(r.value()).at("/article/pubStatus").asText()).isEqualTo("canceled"));
    }

    @Test
    void poisonOnEveryTopicIsSetAsideAndTheArticlesAroundItArePublishedOnceEach() throws Exception {
        // Given an article on its way, and readers of every dead-letter topic
        TopicReader inboundRejects = TopicReader.atEnd(Topics.deadLetterOf(Topics.ARTICLES_INBOUND));
        TopicReader submittedDead = TopicReader.atEnd(Topics.deadLetterOf(Topics.ARTICLES_SUBMITTED));
        TopicReader enrichedDead = TopicReader.atEnd(Topics.deadLetterOf(Topics.ARTICLES_ENRICHED));
        String before = uniqueUri();
        String after = uniqueUri();
        assertThat(push(article("stadtbibliothek.json", before)).statusCode()).isEqualTo(202);

        // When a hostile or broken producer writes garbage to every topic of the pipeline
        byte[] garbage = "{\"uri\": \"urn:poison\", \"headlines\": [".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.newsflow.testing.TopicWriter.sendRaw(Topics.ARTICLES_INBOUND, "poison-inbound", garbage,
                Map.of("newsflow-publisher", publisherId));
        org.newsflow.testing.TopicWriter.sendRaw(Topics.ARTICLES_SUBMITTED, "poison-submitted", garbage, Map.of());
        org.newsflow.testing.TopicWriter.sendRaw(Topics.ARTICLES_ENRICHED, "poison-enriched", garbage, Map.of());
        org.newsflow.testing.TopicWriter.sendRaw(Topics.ARTICLES_PUBLISHED, "poison-published", garbage, Map.of());
        assertThat(push(article("stadtbibliothek.json", after)).statusCode()).isEqualTo(202);

        // Then both articles are published, once each, and nothing of the garbage is
        List<ConsumerRecord<String, String>> records = published.readThrough(r -> after.equals(r.key()), WAIT);
        assertThat(records).extracting(ConsumerRecord::key).filteredOn(k -> k.equals(before) || k.equals(after))
                .containsExactly(before, after);
        assertThat(records).extracting(ConsumerRecord::key).doesNotContain("poison-inbound", "poison-submitted",
                "poison-enriched");
        // and each service set its garbage aside where an operator finds it
        try (inboundRejects; submittedDead; enrichedDead) {
            ConsumerRecord<String, String> rejected = inboundRejects.next(r -> "poison-inbound".equals(r.key()), WAIT);
            assertThat(rejected.value()).isEqualTo(new String(garbage, java.nio.charset.StandardCharsets.UTF_8));
            // this publisher does not sign, so a record naming it proves nothing and is refused before it is read
            assertThat(JSON.readTree(TopicReader.header(rejected, "dead-letter-reason")).at("/errors/0/rule").asText())
                    .isEqualTo("kafka-intake-signed");
            assertThat(submittedDead.next(r -> "poison-submitted".equals(r.key()), WAIT).value())
                    .isEqualTo(new String(garbage, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(enrichedDead.next(r -> "poison-enriched".equals(r.key()), WAIT).value())
                    .isEqualTo(new String(garbage, java.nio.charset.StandardCharsets.UTF_8));
        }
        // and every service is still ready
        for (ServiceProcess service : SERVICES) {
            assertThat(get(service.url("/q/health/ready")).statusCode()).as(service.name).isEqualTo(200);
        }
    }

    private static HttpResponse<String> push(JsonNode article) throws IOException, InterruptedException {
        return pipeline.push(apiKey, article);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + apiKey).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode article(String name, String uri) throws IOException {
        try (InputStream in = PipelineEndToEndIT.class.getResourceAsStream("/" + name)) {
            return ((ObjectNode) JSON.readTree(in)).put("uri", uri);
        }
    }

    private static String uniqueUri() {
        return "urn:newsroom:elbe-bote:e2e:" + UUID.randomUUID();
    }
}
