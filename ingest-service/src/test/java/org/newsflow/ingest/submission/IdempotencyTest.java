package org.newsflow.ingest.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.StableIds;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.ingest.support.IntakeTestBase;
import org.newsflow.testing.KafkaAndPostgresResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class IdempotencyTest extends IntakeTestBase {

    @Override
    protected String publisherName() {
        return "retrying-wire";
    }

    @Test
    void theSameIdempotencyKeyAndBodyGetTheSameAnswerAndOneEvent() {
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        String key = UUID.randomUUID().toString();

        String first = push(key, article).then().statusCode(202).extract().path("submissionId");
        String again = push(key, article).then().statusCode(202).extract().path("submissionId");
        String marker = pushMarker();

        assertThat(again).isEqualTo(first);
        List<ConsumerRecord<String, String>> records = submitted.readThrough(r -> marker.equals(r.key()), WAIT);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(article.get("uri").asText(), marker);
    }

    @Test
    void anIdempotencyKeyUsedForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        push(key, IngestApi.article("harbour-wind-farm.json")).then().statusCode(202);

        push(key, IngestApi.article("harbour-wind-farm.json")).then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header:Idempotency-Key"));
    }

    @Test
    void identicalContentFromAnotherPublisherIsAcceptedAndFlagged() throws Exception {
        TestPublisher copier = IngestApi.register("copy-desk", false);
        ObjectNode original = IngestApi.article("harbour-wind-farm.json");
        ((ObjectNode) original.at("/headlines/0")).put("value", "Wind farm approved, story " + UUID.randomUUID());
        ObjectNode copy = original.deepCopy().put("uri", "urn:copy-desk:" + UUID.randomUUID());

        publisher.push(original).then().statusCode(202);
        copier.push(copy).then().statusCode(202);

        JsonNode event = submittedEvent(copy.get("uri").asText());
        assertThat(event.at("/sameContentAs/0/publisherId").asText()).isEqualTo(publisher.id());
        assertThat(event.at("/sameContentAs/0/articleId").asText())
                .isEqualTo(StableIds.articleId(publisher.id(), original.get("uri").asText()));
    }

    private io.restassured.response.Response push(String key, ObjectNode article) {
        return publisher.as().header("Idempotency-Key", key).contentType(ContentType.JSON).body(article.toString())
                .post("/v1/articles");
    }

    private String pushMarker() {
        ObjectNode marker = IngestApi.article("harbour-wind-farm.json");
        ((ObjectNode) marker.at("/headlines/0")).put("value", "Marker " + UUID.randomUUID());
        publisher.push(marker).then().statusCode(202);
        return marker.get("uri").asText();
    }
}
