package org.newsflow.ingest.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.TopicReader;
import org.newsflow.testing.TopicWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Publishers who prefer Kafka write to articles.inbound and get the same checks as over HTTP. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class KafkaIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    TopicReader submitted;
    TopicReader rejected;

    @BeforeEach
    void setUp() {
        submitted = TopicReader.atEnd(Topics.ARTICLES_SUBMITTED);
        rejected = TopicReader.atEnd(Topics.deadLetterOf(Topics.ARTICLES_INBOUND));
    }

    @AfterEach
    void tearDown() {
        submitted.close();
        rejected.close();
    }

    @Test
    void aSignedArticleFromARegisteredPublisherIsSubmittedOnceEvenWhenTheRecordComesTwice() throws Exception {
        TestPublisher publisher = IngestApi.register("kafka-wire", true);
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        String uri = article.get("uri").asText();
        Map<String, String> headers = signed(publisher, article.toString());

        send(uri, article.toString(), headers);
        send(uri, article.toString(), headers); // redelivered, as after a producer retry

        JsonNode event = JSON.readTree(submitted.next(r -> uri.equals(r.key()), WAIT).value());
        assertThat(event.get("publisherId").asText()).isEqualTo(publisher.id());
        assertThat(event.get("articleId").asText()).isEqualTo(StableIds.articleId(publisher.id(), uri));
        String marker = markerFrom(publisher);
        assertThat(submitted.readThrough(r -> marker.equals(r.key()), WAIT)).extracting(ConsumerRecord::key)
                .containsExactly(uri, marker);
        assertThat(rejected.readFor(Duration.ofSeconds(1))).noneMatch(r -> uri.equals(r.key()));
    }

    @Test
    void aRecordNamingAnUnsignedPublisherIsRefusedBecauseAnyoneCouldHaveWrittenIt() throws Exception {
        TestPublisher publisher = IngestApi.register("kafka-claimed", false);
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        String uri = article.get("uri").asText();

        send(uri, article.toString(), Map.of(InboundArticleConsumer.PUBLISHER_HEADER, publisher.id()));

        JsonNode reason = JSON.readTree(TopicReader.header(rejected.next(r -> uri.equals(r.key()), WAIT), "dead-letter-reason"));
        assertThat(reason.get("status").asInt()).isEqualTo(401);
        assertThat(reason.at("/errors/0/rule").asText()).isEqualTo("kafka-intake-signed");
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        TestPublisher publisher = IngestApi.register("kafka-wire", true);
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        String uri = article.get("uri").asText();
        Map<String, String> headers = new java.util.HashMap<>(signed(publisher, "{\"other\": \"bytes\"}"));

        send(uri, article.toString(), headers);

        JsonNode reason = JSON.readTree(TopicReader.header(rejected.next(r -> uri.equals(r.key()), WAIT), "dead-letter-reason"));
        assertThat(reason.at("/errors/0/rule").asText()).isEqualTo("hmac-sha256");
    }

    /** The Standard Webhooks headers of {@code body}, signed with the reference library as a publisher would. */
    private static Map<String, String> signed(TestPublisher publisher, String body) throws Exception {
        String id = "msg_" + java.util.UUID.randomUUID();
        long now = java.time.Instant.now().getEpochSecond();
        return Map.of(InboundArticleConsumer.PUBLISHER_HEADER, publisher.id(), "webhook-id", id,
                "webhook-timestamp", Long.toString(now),
                "webhook-signature", new com.standardwebhooks.Webhook(publisher.signingSecret()).sign(id, now, body));
    }

    /** Sends a signed marker article after the others; returns its uri. */
    private static String markerFrom(TestPublisher publisher) throws Exception {
        ObjectNode marker = IngestApi.article("harbour-wind-farm.json");
        send(marker.get("uri").asText(), marker.toString(), signed(publisher, marker.toString()));
        return marker.get("uri").asText();
    }

    @Test
    void anUnknownPublisherIsDeadLetteredWithAMachineReadableReason() throws Exception {
        send("urn:kafka:stranger", IngestApi.article("harbour-wind-farm.json").toString(),
                Map.of(InboundArticleConsumer.PUBLISHER_HEADER, "nobody-we-know"));

        ConsumerRecord<String, String> dead = rejected.next(r -> "urn:kafka:stranger".equals(r.key()), WAIT);
        JsonNode reason = JSON.readTree(TopicReader.header(dead, "dead-letter-reason"));
        assertThat(reason.get("status").asInt()).isEqualTo(401);
        assertThat(reason.at("/errors/0/rule").asText()).isEqualTo("unknown-publisher");
    }

    @Test
    void anInvalidArticleIsDeadLetteredAndListedForItsPublisher() throws Exception {
        TestPublisher publisher = IngestApi.register("kafka-wire", true);
        String invalid = "{\"uri\": \"urn:kafka:invalid\", \"pubStatus\": \"gone\", \"headlines\": [{\"value\": \"Hi\"}]}";

        send("urn:kafka:invalid", invalid, signed(publisher, invalid));

        ConsumerRecord<String, String> dead = rejected.next(r -> "urn:kafka:invalid".equals(r.key()), WAIT);
        assertThat(dead.value()).isEqualTo(invalid);
        assertThat(JSON.readTree(TopicReader.header(dead, "dead-letter-reason")).at("/errors/0/field").asText())
                .isEqualTo("/pubStatus");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> publisher.as().get("/v1/rejections").then()
                .statusCode(200)
                .body("items[0].channel", equalTo("kafka"))
                .body("items[0].problem.errors[0].rule", equalTo("enum")));
    }

    @Test
    void aRecordWithoutPublisherHeaderIsDeadLettered() throws Exception {
        send("urn:kafka:anonymous", IngestApi.article("harbour-wind-farm.json").toString(), Map.of());

        ConsumerRecord<String, String> dead = rejected.next(r -> "urn:kafka:anonymous".equals(r.key()), WAIT);
        assertThat(JSON.readTree(TopicReader.header(dead, "dead-letter-reason")).at("/errors/0/field").asText())
                .isEqualTo("header:newsflow-publisher");
    }

    private static void send(String key, String value, Map<String, String> headers) {
        TopicWriter.sendRaw(Topics.ARTICLES_INBOUND, key, value.getBytes(StandardCharsets.UTF_8), headers);
    }
}
