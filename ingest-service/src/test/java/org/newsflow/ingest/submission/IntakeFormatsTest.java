package org.newsflow.ingest.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IntakeTestBase;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.NinjsSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Publishers push what they have: ninjs 3.x, older ninjs, NDJSON batches, RSS and Atom feeds. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class IntakeFormatsTest extends IntakeTestBase {

    @Override
    protected String publisherName() {
        return "harbour-gazette";
    }

    @Test
    void aNinjs2ItemIsMappedToNinjs3() throws Exception {
        ObjectNode legacy = IngestApi.article("legacy-ninjs2.json");

        publisher.push(legacy).then().statusCode(202).body("version", equalTo("3"));

        JsonNode article = submittedArticle(legacy.get("uri").asText());
        assertThat(article.at("/headlines/0/value").asText()).isEqualTo("Engineers find no cracks in valley dam after quake");
        assertThat(article.at("/bodies/0/contentType").asText()).isEqualTo("text/html");
        assertThat(article.at("/bodies/1/value").asText()).startsWith("Engineers who inspected the Aldwater dam");
        assertThat(article.get("versionCreated").asText()).isEqualTo("2026-11-27T15:45:00Z");
        assertThat(article.get("by").asText()).isEqualTo("Priya Natarajan");
        assertThat(article.at("/descriptions/0/role").asText()).isEqualTo("summary");
        assertThat(article.at("/subjects/0/uri").asText()).isEqualTo("http://cv.iptc.org/newscodes/mediatopic:20000151");
        assertThat(article.has("headline")).isFalse();
        assertThat(NinjsSchema.violations(article)).isEmpty();
    }

    @Test
    void eachRssItemBecomesAnArticleIdentifiedByItsGuid() throws Exception {
        String feed = IngestApi.resource("/feeds/two-items.rss");

        publisher.as().contentType("application/rss+xml").body(utf8(feed)).post("/v1/articles").then()
                .statusCode(207)
                .body("accepted", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].uri", equalTo("urn:newsflow:guid:hg-2026-0412"))
                .body("items[1].uri", equalTo("https://harbour-gazette.example/2026/fish-market"));

        JsonNode ferry = submittedArticle("urn:newsflow:guid:hg-2026-0412");
        assertThat(ferry.at("/headlines/0/value").asText()).isEqualTo("Night ferry returns for the summer season");
        assertThat(ferry.at("/bodies/0/value").asText()).doesNotContain("<script").contains("Tickets go on sale");
        assertThat(ferry.get("by").asText()).isEqualTo("Lena Okafor");
        assertThat(ferry.get("language").asText()).isEqualTo("en");
        assertThat(ferry.get("firstCreated").asText()).isEqualTo("2026-04-14T08:30:00Z");
        assertThat(ferry.at("/subjects/0/name").asText()).isEqualTo("Transport");
        assertThat(NinjsSchema.violations(ferry)).isEmpty();

        publisher.as().contentType("application/rss+xml").body(utf8(feed)).post("/v1/articles").then()
                .statusCode(207).body("accepted", equalTo(0)).body("repeated", equalTo(2));
    }

    @Test
    void anAtomEntryBecomesAnArticle() throws Exception {
        publisher.as().contentType("application/atom+xml").body(utf8(IngestApi.resource("/feeds/one-entry.atom")))
                .post("/v1/articles").then()
                .statusCode(207).body("accepted", equalTo(1));

        JsonNode article = submittedArticle("tag:bergbote.example,2026:seilbahn-wieder-in-betrieb");
        assertThat(article.at("/headlines/0/value").asText()).isEqualTo("Seilbahn fährt wieder");
        assertThat(article.get("by").asText()).isEqualTo("Anna Huber");
        assertThat(article.at("/bodies/1/value").asText()).isEqualTo("Die Seilbahn auf den Hausberg fährt nach der Revision wieder.");
    }

    @Test
    void anNdjsonBatchAnswersForEachLine() throws Exception {
        ObjectNode first = IngestApi.article("harbour-wind-farm.json");
        ObjectNode second = IngestApi.article("legacy-ninjs2.json");
        String batch = first + "\n\n{\"uri\": \"urn:broken\", \"headlines\": \"not an array\"}\n" + second + "\n";

        publisher.as().contentType("application/x-ndjson").body(utf8(batch)).post("/v1/articles").then()
                .statusCode(207)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("items[0].status", equalTo(202))
                .body("items[1].item", equalTo(2))
                .body("items[1].status", equalTo(400))
                .body("items[1].problem.errors[0].field", equalTo("/headlines"))
                .body("items[2].status", equalTo(202));

        assertThat(submittedRecord(second.get("uri").asText())).isNotNull();
    }

    @Test
    void aBatchOverTheItemLimitIsRefusedWhole() {
        long before = stored();
        String line = IngestApi.article("harbour-wind-farm.json").toString();
        String batch = (line + "\n").repeat(501);

        publisher.asUnprettified().contentType("application/x-ndjson").body(utf8(batch)).post("/v1/articles").then()
                .statusCode(413).body("errors[0].rule", equalTo("max-batch-items"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void entityExpansionIsRefusedWithoutExpandingAnything() {
        long before = stored();

        publisher.as().contentType("application/rss+xml").body(IngestApi.resource("/feeds/billion-laughs.rss"))
                .post("/v1/articles").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("no-doctype"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anExternalEntityIsNeverRead() {
        String answer = publisher.as().contentType("application/rss+xml").body(IngestApi.resource("/feeds/xxe.rss"))
                .post("/v1/articles").then()
                .statusCode(400).body("errors[0].rule", equalTo("no-doctype"))
                .extract().asString();

        assertThat(answer).doesNotContain("root:");
    }

    @Test
    void aFeedThatIsNotXmlIsRefused() {
        publisher.as().contentType("application/rss+xml").body("<rss><channel><item>").post("/v1/articles").then()
                .statusCode(400).body("errors[0].rule", equalTo("feed-syntax"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long stored() {
        return QuarkusTransaction.requiringNew().call(() -> Submission.count());
    }
}
