package org.newsflow.ingest.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IntakeTestBase;
import org.newsflow.testing.KafkaAndPostgresResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** An embargoed article waits in ingest until its time; a withheld first version never leaves it. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class EmbargoTest extends IntakeTestBase {

    @Override
    protected String publisherName() {
        return "embargo-desk";
    }

    @Test
    void anEmbargoedArticleIsAcceptedAndSentOnOnlyWhenItsEmbargoEnds() {
        // Given an article under embargo for the next four seconds
        Instant until = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode article = IngestApi.article("harbour-wind-farm.json").put("embargoedUntil", until.toString());
        String uri = article.get("uri").asText();

        // When it is pushed, then it is accepted and held
        String id = publisher.push(article).then().statusCode(202)
                .body("status", equalTo("RECEIVED")).body("heldUntil", equalTo(until.toString()))
                .extract().path("submissionId");
        assertThat(submitted.readFor(Duration.ofSeconds(2))).noneMatch(r -> uri.equals(r.key()));

        // and it reaches articles.submitted once the embargo is over, not before
        ConsumerRecord<String, String> record = submittedRecord(uri);
        assertThat(Instant.ofEpochMilli(record.timestamp())).isAfterOrEqualTo(until);
        publisher.as().get("/v1/submissions/" + id).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aKillOfAnEmbargoedArticleGoesOnAtOnce() {
        ObjectNode embargoed = IngestApi.article("harbour-wind-farm.json")
                .put("embargoedUntil", Instant.now().plusSeconds(3600).toString());
        String uri = embargoed.get("uri").asText();
        publisher.push(embargoed).then().statusCode(202).body("heldUntil", notNullValue());

        ObjectNode kill = IngestApi.article("harbour-wind-farm.json", uri).put("version", "2").put("pubStatus", "canceled");
        publisher.push(kill).then().statusCode(202);

        // the kill travels now; the held version 1 comes after it and is then older than what consumers have
        assertThat(submittedArticle(uri).get("pubStatus").asText()).isEqualTo("canceled");
    }

    @Test
    void aWithheldFirstVersionStaysHereUntilAUsableVersionFollows() {
        ObjectNode withheld = IngestApi.article("harbour-wind-farm.json").put("pubStatus", "withheld");
        String uri = withheld.get("uri").asText();

        publisher.push(withheld).then().statusCode(202).body("status", equalTo("WITHHELD"));
        assertThat(submitted.readFor(Duration.ofSeconds(2))).noneMatch(r -> uri.equals(r.key()));

        publisher.push(IngestApi.article("harbour-wind-farm.json", uri).put("version", "2")).then().statusCode(202)
                .body("status", equalTo("RECEIVED"));
        assertThat(submittedArticle(uri).get("version").asText()).isEqualTo("2");
    }

    @Test
    void aWithheldLaterVersionGoesOnAsANoticeWithoutItsText() throws Exception {
        // Given an article whose first version consumers already have
        ObjectNode usable = IngestApi.article("harbour-wind-farm.json");
        String uri = usable.get("uri").asText();
        publisher.push(usable).then().statusCode(202);
        assertThat(submittedArticle(uri).path("bodies").get(0).get("value").asText()).contains("Karlshamn");

        // When the publisher withholds it with a second version that carries new, not yet usable text
        ObjectNode withheld = IngestApi.article("harbour-wind-farm.json", uri).put("version", "2").put("pubStatus", "withheld");
        withheld.withArray("headlines").removeAll().addObject().put("value", "Turbine contract under review");
        publisher.push(withheld).then().statusCode(202).body("status", equalTo("RECEIVED"));

        // Then consumers are told to withhold version 2, and get none of its text
        JsonNode notice = JSON.readTree(submitted.next(r -> uri.equals(r.key()) && r.value().contains("\"withheld\""), WAIT)
                .value()).get("article");
        assertThat(notice.get("version").asText()).isEqualTo("2");
        assertThat(notice.get("pubStatus").asText()).isEqualTo("withheld");
        assertThat(notice.has("headlines")).isFalse();
        assertThat(notice.has("bodies")).isFalse();
        assertThat(notice.toString()).doesNotContain("Turbine contract", "Karlshamn");
    }
}
