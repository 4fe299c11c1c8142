package org.newsflow.ingest.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.SubmissionProgress;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.TopicWriter;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** A publisher can always find out what happened to what it sent. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class SubmissionStatusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theStatusFollowsTheArticleDownstream() {
        TestPublisher publisher = IngestApi.register("status-watch", false);
        String id = publisher.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(202)
                .extract().path("submissionId");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> publisher.as().get("/v1/submissions/" + id).then()
                .body("status", equalTo("SUBMITTED")));

        // when enrich-service and publish-service report how far it got
        String articleId = publisher.as().get("/v1/submissions/" + id).then().extract().path("articleId");
        TopicWriter.sendRaw(Topics.SUBMISSION_PROGRESS, "k", new SubmissionProgress(id, articleId, SubmissionProgress.ENRICHED,
                Instant.parse("2026-11-28T10:00:00Z")).toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        Awaitility.await().atMost(WAIT).untilAsserted(() -> publisher.as().get("/v1/submissions/" + id).then()
                .body("status", equalTo("ENRICHED")).body("enrichedAt", equalTo("2026-11-28T10:00:00Z")));

        TopicWriter.sendRaw(Topics.SUBMISSION_PROGRESS, "k", new SubmissionProgress(id, articleId, SubmissionProgress.PUBLISHED,
                Instant.parse("2026-11-28T10:00:01Z")).toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        Awaitility.await().atMost(WAIT).untilAsserted(() -> publisher.as().get("/v1/submissions/" + id).then()
                .body("status", equalTo("PUBLISHED")).body("publishedAt", equalTo("2026-11-28T10:00:01Z")));
    }

    @Test
    void aPublisherPagesThroughItsOwnSubmissionsOnly() {
        TestPublisher publisher = IngestApi.register("paging-post", false);
        TestPublisher other = IngestApi.register("other-post", false);
        List<String> pushed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pushed.add(0, publisher.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(202)
                    .extract().path("submissionId"));
        }
        String foreign = other.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(202)
                .extract().path("submissionId");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = publisher.as().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/v1/submissions").then().statusCode(200).extract();
            seen.addAll(page.path("items.submissionId"));
            cursor = page.path("next");
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(pushed);
        publisher.as().get("/v1/submissions/" + foreign).then().statusCode(404);
    }

    @Test
    void theLastPageHasNoNextAndATamperedCursorIsRefused() {
        TestPublisher publisher = IngestApi.register("cursor-post", false);
        publisher.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(202);

        publisher.as().get("/v1/submissions").then().statusCode(200).body("items", hasSize(1)).body("next", nullValue());
        publisher.as().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/v1/submissions").then()
                .statusCode(400).body("errors[0].rule", equalTo("opaque-cursor"));
        publisher.as().queryParam("limit", 0).get("/v1/submissions").then().statusCode(400);
        publisher.as().get("/v1/rejections").then().statusCode(200).body("items", notNullValue());
    }
}
