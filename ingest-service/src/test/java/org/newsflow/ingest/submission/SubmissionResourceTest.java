package org.newsflow.ingest.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.CloudEventHeaders;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class SubmissionResourceTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper json;

    TopicReader submitted;
    TestPublisher publisher;

    @BeforeEach
    void openTopic() {
        submitted = TopicReader.atEnd(Topics.ARTICLES_SUBMITTED);
        publisher = IngestApi.register("baltic-courier", false);
    }

    @AfterEach
    void closeTopic() {
        submitted.close();
    }

    @Test
    void anAcceptedPushIsStoredAndReachesArticlesSubmittedAsACloudEvent() throws IOException {
        ObjectNode article = article("harbour-wind-farm.json", uniqueUri());

        Response answer = push(article);

        answer.then().statusCode(202)
                .header("Location", containsString("/v1/submissions/"))
                .body("articleId", equalTo(StableIds.articleId(publisher.id(), article.get("uri").asText())))
                .body("version", equalTo("1"))
                .body("status", equalTo("RECEIVED"));
        String submissionId = answer.path("submissionId");

        ConsumerRecord<String, String> record = submitted.next(r -> article.get("uri").asText().equals(r.key()), KAFKA_WAIT);
        assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isEqualTo(submissionId);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ARTICLE_SUBMITTED);
        assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/newsflow/ingest-service");
        assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(answer.path("articleId"));
        assertThat(TopicReader.header(record, CloudEventHeaders.TIME)).isNotBlank();
        JsonNode data = json.readTree(record.value());
        assertThat(data.get("submissionId").asText()).isEqualTo(submissionId);
        assertThat(data.at("/article/headlines/0/value").asText())
                .isEqualTo("Harbour town approves offshore wind farm after two-year dispute");

        Awaitility.await().atMost(KAFKA_WAIT).untilAsserted(() -> publisher.as().get(answer.header("Location"))
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("submittedAt", notNullValue()));
    }

    @Test
    void pushingTheSameVersionTwiceGivesTheSameAnswerAndEmitsOnce() throws IOException {
        ObjectNode article = article("harbour-wind-farm.json", uniqueUri());

        String first = push(article).then().statusCode(202).extract().path("submissionId");
        String second = push(article).then().statusCode(202).extract().path("submissionId");
        String marker = pushMarker();

        assertThat(second).isEqualTo(first);
        List<ConsumerRecord<String, String>> records = submitted.readThrough(r -> marker.equals(r.key()), KAFKA_WAIT);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(article.get("uri").asText(), marker);
    }

    @Test
    void aHigherVersionIsAnUpdateAndALowerVersionIsRefused() throws IOException {
        String uri = uniqueUri();
        ObjectNode v1 = article("harbour-wind-farm.json", uri);
        ObjectNode v2 = v1.deepCopy().put("version", 2);
        ((ObjectNode) v2.at("/headlines/0")).put("value", "Harbour town approves offshore wind farm; fishermen to appeal");

        push(v1).then().statusCode(202);
        push(v2).then().statusCode(202).body("version", equalTo("2"));
        push(v1.deepCopy().put("version", "1").put("by", "Someone else")).then()
                .statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("/version"))
                .body("errors[0].rule", equalTo("changed-without-new-version"));

        ConsumerRecord<String, String> update = submitted.next(r -> r.value().contains("fishermen to appeal"), KAFKA_WAIT);
        assertThat(update.key()).isEqualTo(uri);
        assertThat(json.readTree(update.value()).at("/article/version").asText()).isEqualTo("2");
    }

    @Test
    void anOlderVersionThanTheStoredOneIsAConflict() throws IOException {
        String uri = uniqueUri();
        push(article("harbour-wind-farm.json", uri).put("version", 3)).then().statusCode(202);

        push(article("harbour-wind-farm.json", uri).put("version", 2)).then()
                .statusCode(409).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("version-not-older-than-stored"));
    }

    @Test
    void malformedJsonIsRefusedNamingTheSyntaxErrorAndNothingIsStoredOrEmitted() {
        long before = storedSubmissions();

        publisher.as().contentType(ContentType.JSON).body("{\"uri\": \"urn:x\", \"headlines\": [ {\"value\": \"Cut off")
                .post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].rule", equalTo("json-syntax"));

        assertNothingStoredOrEmittedSince(before);
    }

    @Test
    void everyFailingFieldIsNamedAtOnce() {
        long before = storedSubmissions();

        publisher.as().contentType(ContentType.JSON)
                .body("{\"version\": \"two\", \"pubStatus\": \"deleted\", \"language\": \"english!\", \"headlines\": []}")
                .post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newsflow.dev/problems/invalid-article"))
                .body("errors.field", hasItems("/uri", "/version", "/pubStatus", "/language", "/headlines"))
                .body("errors.rule", hasItems("required", "positive-integer", "enum", "bcp47", "headline-or-body"));

        assertNothingStoredOrEmittedSince(before);
    }

    @Test
    void aUriThatIsNotAnAbsoluteUriIsRefused() {
        publisher.as().contentType(ContentType.JSON)
                .body("{\"uri\": \"story 42\", \"headlines\": [{\"value\": \"Ferry cancelled\"}]}")
                .post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("/uri"))
                .body("errors[0].rule", equalTo("uri-syntax"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        publisher.as().contentType(ContentType.JSON).body("[{\"uri\": \"urn:x\"}]").post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("type"));
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutExhaustingTheStack() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);

        publisher.asUnprettified().contentType(ContentType.JSON).body("{\"uri\": \"urn:x\", \"deep\": " + nested + "}")
                .post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("max-depth"));
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = "{\"uri\": \"urn:x\", \"headlines\": [{\"value\": \"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);

        publisher.as().contentType("application/json").body(body).post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("json-syntax"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws IOException {
        long before = storedSubmissions();
        ObjectNode article = article("harbour-wind-farm.json", uniqueUri());
        ((ObjectNode) article.at("/bodies/0")).put("value", "<p>" + "word ".repeat(600_000) + "</p>");

        publisher.asUnprettified().contentType(ContentType.JSON).body(article.toString()).post("/v1/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("max-body-bytes"));

        assertNothingStoredOrEmittedSince(before);
    }

    @Test
    void anArticleUnderTheBodyLimitWhoseEventKafkaCouldNotCarryIsRefusedWith413() throws IOException {
        long before = storedSubmissions();
        ObjectNode article = article("harbour-wind-farm.json", uniqueUri());
        // about 0.9 MB of HTML: under the 2 MiB body limit, but with its plain-text copy the event passes 1 MB
        ((ObjectNode) article.at("/bodies/0")).put("value", "<p>" + "The ferry leaves at dawn. ".repeat(35_000) + "</p>");

        publisher.asUnprettified().contentType(ContentType.JSON).body(article.toString()).post("/v1/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://newsflow.dev/problems/event-too-large"))
                .body("errors[0].field", equalTo("/bodies"))
                .body("errors[0].rule", equalTo("max-event-bytes"))
                .body("detail", containsString("1000000 bytes"));

        assertNothingStoredOrEmittedSince(before);
    }

    @Test
    void theWrongContentTypeIsRefusedWith415() {
        publisher.as().contentType("text/plain").body("uri=urn:x").post("/v1/articles")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("application/json"));
    }

    @Test
    void anUnknownSubmissionIsA404Problem() {
        publisher.as().get("/v1/submissions/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not found"));
    }

    private void assertNothingStoredOrEmittedSince(long storedBefore) {
        String marker = pushMarker();
        assertThat(submitted.readThrough(r -> marker.equals(r.key()), KAFKA_WAIT))
                .extracting(ConsumerRecord::key).containsExactly(marker);
        assertThat(storedSubmissions()).isEqualTo(storedBefore + 1);
    }

    /** Pushes a valid article; returns its uri. Used to prove that nothing was emitted before it. */
    private String pushMarker() {
        String uri = uniqueUri();
        try {
            push(article("harbour-wind-farm.json", uri)).then().statusCode(202);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return uri;
    }

    private static long storedSubmissions() {
        return QuarkusTransaction.requiringNew().call(() -> Submission.count());
    }

    private Response push(ObjectNode article) {
        return publisher.as().contentType(ContentType.JSON).body(article.toString()).post("/v1/articles");
    }

    private ObjectNode article(String name, String uri) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/articles/" + name)) {
            ObjectNode article = (ObjectNode) json.readTree(in);
            return article.put("uri", uri);
        }
    }

    private static String uniqueUri() {
        return "urn:newsroom:baltic-courier:test:" + UUID.randomUUID();
    }
}
