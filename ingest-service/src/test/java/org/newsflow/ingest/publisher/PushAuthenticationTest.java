package org.newsflow.ingest.publisher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsflow.ingest.submission.Submission;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.testing.KafkaAndPostgresResource;

import com.standardwebhooks.Webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Who may push: API keys for everybody, Standard Webhooks signatures for publishers that sign. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class PushAuthenticationTest {

    TestPublisher signer;
    String body;

    @BeforeEach
    void givenASigningPublisher() {
        signer = IngestApi.register("signing-wire", true);
        body = IngestApi.article("harbour-wind-farm.json").toString();
    }

    @Test
    void aPushWithoutAKeyIsRefusedWithABearerChallenge() {
        given().contentType(ContentType.JSON).body(body).post("/v1/articles").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("errors[0].field", equalTo("header:Authorization"))
                .body("errors[0].rule", equalTo("required"));
    }

    @Test
    void aWrongKeyIsRefused() {
        given().header("Authorization", "Bearer nfk_000000000000_" + "A".repeat(43)).contentType(ContentType.JSON)
                .body(body).post("/v1/articles").then()
                .statusCode(401).body("errors[0].rule", equalTo("unknown-api-key"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").contentType(ContentType.JSON).body(body)
                .post("/v1/articles").then()
                .statusCode(401).body("errors[0].rule", equalTo("bearer-scheme"));
    }

    @Test
    void aCorrectlySignedPushIsAccepted() throws Exception {
        String id = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();

        signed(id, now, sign(id, now, body)).then().statusCode(202);
    }

    @Test
    void anUnsignedPushOfASigningPublisherIsRefused() {
        signer.as().contentType(ContentType.JSON).body(body).post("/v1/articles").then()
                .statusCode(401).body("type", equalTo("https://newsflow.dev/problems/invalid-signature"))
                .body("errors[0].field", equalTo("header:webhook-id"));
    }

    @Test
    void aSignatureOverOtherBytesIsRefusedAndNothingIsStored() throws Exception {
        long before = stored();
        String id = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        String signature = sign(id, now, body.replace("Karlshamn", "Karlskrona"));

        signed(id, now, signature).then()
                .statusCode(401).body("errors[0].rule", equalTo("hmac-sha256"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aStaleOrFutureTimestampIsRefused() throws Exception {
        String id = "msg_" + UUID.randomUUID();
        long stale = Instant.now().minusSeconds(6 * 60).getEpochSecond();
        long future = Instant.now().plusSeconds(6 * 60).getEpochSecond();

        signed(id, stale, sign(id, stale, body)).then().statusCode(401).body("errors[0].rule", equalTo("stale-timestamp"));
        signed(id, future, sign(id, future, body)).then().statusCode(401).body("errors[0].rule", equalTo("future-timestamp"));
    }

    @Test
    void aReplayedMessageIdIsRefused() throws Exception {
        String id = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        String signature = sign(id, now, body);
        signed(id, now, signature).then().statusCode(202);

        signed(id, now, signature).then()
                .statusCode(409).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("replayed-webhook-id"));
    }

    @Test
    void concurrentReplaysOfASignedBatchGetOneAcceptanceAndConflictsNotErrors() throws Exception {
        // Given one signed NDJSON batch, sent by eight threads at once (a publisher retrying impatiently)
        String id = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        String batch = body + "\n";
        String signature = sign(id, now, batch);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(() -> signer.as().header("webhook-id", id)
                        .header("webhook-timestamp", Long.toString(now)).header("webhook-signature", signature)
                        .contentType("application/x-ndjson").body(batch.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .post("/v1/articles").statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }

            // Then exactly one is taken and every other one is told it is a replay
            assertThat(statuses).containsOnly(207, 409).containsOnlyOnce(207);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aWebhookIdLongerThanCanBeRememberedIsRefused() throws Exception {
        String id = "msg_" + "x".repeat(300);
        long now = Instant.now().getEpochSecond();

        signed(id, now, sign(id, now, body)).then().statusCode(401).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header:webhook-id")).body("errors[0].rule", equalTo("max-length"));
    }

    private Response signed(String id, long timestamp, String signature) {
        return signer.as().header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature).contentType(ContentType.JSON).body(body).post("/v1/articles");
    }

    /** Signs with the Standard Webhooks reference library, as a publisher would. */
    private String sign(String id, long timestamp, String payload) throws Exception {
        return new Webhook(signer.signingSecret()).sign(id, timestamp, payload);
    }

    private static long stored() {
        return QuarkusTransaction.requiringNew().call(() -> Submission.count());
    }
}
