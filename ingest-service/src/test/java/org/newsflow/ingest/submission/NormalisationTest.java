package org.newsflow.ingest.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IntakeTestBase;
import org.newsflow.testing.KafkaAndPostgresResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What a sloppy or hostile publisher sends comes out clean, or is refused naming the field. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class NormalisationTest extends IntakeTestBase {

    @Override
    protected String publisherName() {
        return "sloppy-times";
    }

    @Test
    void scriptsFramesHandlersStylesFormsAndJavascriptUrlsAreRemovedAndAPlainBodyIsDerived() throws Exception {
        ObjectNode hostile = IngestApi.article("hostile-html.json");

        publisher.push(hostile).then().statusCode(202);

        JsonNode article = stored(hostile);
        String html = article.at("/bodies/0/value").asText();
        assertThat(html).contains("<p>The council passed the budget.</p>", "<a href=\"https://council.example/budget\">Budget</a>")
                .doesNotContain("<script", "<iframe", "onclick", "onerror", "javascript:", "style", "<form", "<input",
                        "evil.example");
        assertThat(article.at("/bodies/1/contentType").asText()).isEqualTo("text/plain");
        assertThat(article.at("/bodies/1/value").asText()).isEqualTo("The council passed the budget.\n\nRead more Budget");
        assertThat(article.at("/headlines/0/value").asText()).isEqualTo("Council budget passes");
    }

    @Test
    void htmlIsSanitisedWhateverTheCaseOfItsMediaTypeAndWhenItsTypeIsMissing() throws Exception {
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        ObjectNode shouted = (ObjectNode) article.at("/bodies/0");
        shouted.put("contentType", "TEXT/HTML; charset=UTF-8")
                .put("value", "<p>The ferry runs again.</p><script>steal()</script><img src=x onerror=steal()>");
        article.withArray("descriptions").addObject().put("role", "summary")
                .put("value", "Ferries <b>resume</b><script>steal()</script>");

        publisher.push(article).then().statusCode(202);

        JsonNode stored = stored(article);
        assertThat(stored.at("/bodies/0/contentType").asText()).isEqualTo("text/html");
        assertThat(stored.at("/bodies/0/value").asText()).contains("<p>The ferry runs again.</p>")
                .doesNotContain("<script", "onerror", "steal");
        assertThat(stored.at("/descriptions/0/value").asText()).isEqualTo("Ferries <b>resume</b>");
        assertThat(stored.at("/descriptions/0/contentType").asText()).isEqualTo("text/html");
    }

    @Test
    void headlinesAndBylinesHoldNoMarkup() throws Exception {
        ObjectNode article = IngestApi.article("harbour-wind-farm.json").put("by", "<a href=\"https://x.example\">Marta</a> Lindqvist");
        ((ObjectNode) article.at("/headlines/0")).put("value",
                "Ferries <b>resume</b> &amp; fares fall<script>steal()</script><img src=x onerror=steal()>");

        publisher.push(article).then().statusCode(202);

        JsonNode stored = stored(article);
        assertThat(stored.at("/headlines/0/value").asText()).isEqualTo("Ferries resume & fares fall");
        assertThat(stored.at("/by").asText()).isEqualTo("Marta Lindqvist");
    }

    @Test
    void aHeadlineWithALessThanSignThatIsNotMarkupIsKept() throws Exception {
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        ((ObjectNode) article.at("/headlines/0")).put("value", "Inflation < 2 % for the first time since 2021");

        publisher.push(article).then().statusCode(202);

        assertThat(stored(article).at("/headlines/0/value").asText()).isEqualTo("Inflation < 2 % for the first time since 2021");
    }

    @Test
    void linksAndIdentifiersOnlyTakeSafeSchemes() {
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        article.putArray("renditions").addObject().put("name", "web").put("href", "javascript:steal()");
        article.putArray("people").addObject().put("name", "Elin Berg").put("uri", "data:text/html,<script>steal()</script>");

        publisher.push(article).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("/renditions/0/href", "/people/0/uri"))
                .body("errors.rule", hasItem("uri-scheme"));

        ObjectNode fine = IngestApi.article("harbour-wind-farm.json");
        fine.putArray("renditions").addObject().put("name", "web").put("href", "https://council.example/budget");
        fine.putArray("people").addObject().put("name", "Elin Berg").put("uri", "urn:newsroom:people:elin-berg");
        publisher.push(fine).then().statusCode(202);
    }

    @Test
    void textIsNormalisedToNfcAndDatesToUtc() throws Exception {
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        article.put("by", "Rene\u0301e  Lindqvist").put("versionCreated", "2026-11-28T10:15:00+01:00");

        publisher.push(article).then().statusCode(202);

        JsonNode stored = stored(article);
        assertThat(stored.get("by").asText()).isEqualTo("Ren\u00e9e Lindqvist");
        assertThat(stored.get("versionCreated").asText()).isEqualTo("2026-11-28T09:15:00Z");
    }

    @Test
    void sqlMetacharactersAndEmojiAreKeptVerbatim() throws Exception {
        String headline = "Robert'); DROP TABLE submission;-- 🗞️ \"quoted\" 100% \\ back";
        String uri = "urn:newsroom:x:'%3B-DROP-TABLE-submission;--:" + java.util.UUID.randomUUID();
        ObjectNode article = IngestApi.article("harbour-wind-farm.json", uri);
        ((ObjectNode) article.at("/headlines/0")).put("value", headline);
        ((ObjectNode) article.at("/bodies/0")).put("contentType", "text/plain")
                .put("value", "1=1 OR ''='' ; SELECT * FROM api_key; -- 🌊🌬️ Ωmega");
        article.put("by", "O'Brien & Søn 👩‍💻").put("slugline", "wind-' OR 1=1 --").put("copyrightHolder", "Ⓒ 🐟 \"Fish\" Ltd.");

        publisher.push(article).then().statusCode(202);

        JsonNode stored = stored(article);
        assertThat(stored.get("uri").asText()).isEqualTo(uri);
        assertThat(stored.at("/headlines/0/value").asText()).isEqualTo(headline);
        assertThat(stored.at("/bodies/0/value").asText()).isEqualTo("1=1 OR ''='' ; SELECT * FROM api_key; -- 🌊🌬️ Ωmega");
        assertThat(stored.get("by").asText()).isEqualTo("O'Brien & Søn 👩‍💻");
        assertThat(stored.get("slugline").asText()).isEqualTo("wind-' OR 1=1 --");
        assertThat(stored.get("copyrightHolder").asText()).isEqualTo("Ⓒ 🐟 \"Fish\" Ltd.");
        publisher.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(202);
    }

    @Test
    void aDateThatIsNotIso8601IsRefused() {
        ObjectNode article = IngestApi.article("harbour-wind-farm.json").put("versionCreated", "28/11/2026 10:15");

        publisher.push(article).then()
                .statusCode(400).body("errors[0].field", equalTo("/versionCreated"))
                .body("errors[0].rule", equalTo("iso-8601"));
    }

    @Test
    void jsonOfTheWrongShapeIsRefusedByTheNinjsSchema() {
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        article.put("urgency", "very").putArray("keywords").add("wind");
        ((ObjectNode) article.at("/bodies/0")).put("wordCount", "many");

        publisher.push(article).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("/urgency"))
                .body("errors.field", hasItem("/keywords"))
                .body("errors.field", hasItem("/bodies/0/wordCount"));
    }

    @Test
    void anUnknownPubStatusIsRefused() {
        publisher.push(IngestApi.article("harbour-wind-farm.json").put("pubStatus", "deleted")).then()
                .statusCode(400).body("errors[0].field", equalTo("/pubStatus")).body("errors[0].rule", equalTo("enum"));
    }

    @Test
    void anOverlongHeadlineIsRefused() {
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        ((ObjectNode) article.at("/headlines/0")).put("value", "Wind ".repeat(300));

        publisher.push(article).then()
                .statusCode(400).body("errors[0].field", equalTo("/headlines/0/value"))
                .body("errors[0].rule", equalTo("max-length"));
    }

    @Test
    void aTenMegabyteBodyIsRefusedWith413() {
        String huge = "{\"uri\": \"urn:x\", \"padding\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";

        publisher.asUnprettified().contentType(ContentType.JSON).body(huge).post("/v1/articles").then()
                .statusCode(413).body("errors[0].rule", equalTo("max-body-bytes"));
    }

    private JsonNode stored(ObjectNode pushed) {
        return submittedArticle(pushed.get("uri").asText());
    }
}
