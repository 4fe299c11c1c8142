package org.newsflow.publish.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.Enrichment;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
import org.newsflow.publish.support.TestConsumers;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.TopicWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class ArticleSearchTest {

    @Inject
    ObjectMapper json;

    final String publisher = "search-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void articlesAreFoundByWordsAndFiltersNewestFirstPageByPageAndKilledOnesAreGone() throws Exception {
        String gas = uniqueUri();
        String solar = uniqueUri();
        String german = uniqueUri();
        String killed = uniqueUri();
        publish(gas, 1, "usable", "en", "Gas pipeline to Gálvez port opens");
        publish(solar, 1, "usable", "en", "Solar farm opens near the port");
        publish(german, 1, "usable", "de", "Hafen öffnet neues Terminal");
        publish(killed, 1, "usable", "en", "Port strike called off");
        publish(killed, 2, "canceled", "en", "Port strike called off");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> search("sources", publisher).size() == 3);

        assertThat(search("sources", publisher, "q", "galvez")).containsExactly(gas); // without accents or case
        assertThat(search("sources", publisher, "q", "port opens")).containsExactly(solar, gas); // every word, anywhere
        assertThat(search("sources", publisher, "q", "pipeline port")).containsExactly(gas);
        assertThat(search("sources", publisher, "languages", "de")).containsExactly(german);
        assertThat(search("sources", publisher, "languages", "en", "sort", "oldest")).containsExactly(gas, solar);
        assertThat(search("sources", publisher)).doesNotContain(killed).startsWith(german); // newest first

        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var request = given().header("Authorization", searcher()).queryParam("sources", publisher).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode results = request.get("/v1/articles").then().statusCode(200).extract().as(JsonNode.class);
            results.get("items").forEach(item -> paged.add(item.get("uri").asText()));
            cursor = results.path("next").asText(null);
        }
        assertThat(paged).containsExactlyElementsOf(search("sources", publisher));
    }

    @Test
    void aWithheldArticleLeavesSearchUntilAUsableVersionFollows() throws Exception {
        // Given an article that search finds
        String recall = uniqueUri();
        String other = uniqueUri();
        publish(recall, 1, "usable", "en", "Dairy recall widened to three regions");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> search("sources", publisher).contains(recall));

        // When its publisher withholds it (and another article follows, so we know the notice was handled)
        publish(recall, 2, "withheld", "en", null);
        publish(other, 1, "usable", "en", "Dairy prices steady");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> search("sources", publisher).contains(other));

        // Then search does not find it, by word or by source
        assertThat(search("sources", publisher)).containsExactly(other);
        assertThat(search("sources", publisher, "q", "recall")).isEmpty();

        // When a usable version follows, then it is found again
        publish(recall, 3, "usable", "en", "Dairy recall lifted in two regions");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> search("sources", publisher, "q", "recall").contains(recall));
    }

    @Test
    void searchNeedsAConsumerKeyAndABoundedNumberOfTerms() {
        given().queryParam("q", "ferry").get("/v1/articles").then().statusCode(401).contentType("application/problem+json");

        String manyWords = String.join(" ", java.util.Collections.nCopies(17, "word")).replace("word", "w")
                + " " + String.join(" ", java.util.stream.IntStream.range(0, 17).mapToObj(i -> "term" + i).toList());
        given().header("Authorization", searcher()).queryParam("q", manyWords).get("/v1/articles").then().statusCode(400)
                .body("errors[0].rule", equalTo("max-terms"));
    }

    @Test
    void badSearchParametersAreProblems() {
        given().header("Authorization", searcher()).queryParam("subjects", "123").get("/v1/articles").then().statusCode(400)
                .body("errors[0].rule", equalTo("known-media-topic"));
        given().header("Authorization", searcher()).queryParam("from", "yesterday").get("/v1/articles").then().statusCode(400)
                .body("errors[0].field", equalTo("query:from"));
        given().header("Authorization", searcher()).queryParam("sort", "random").get("/v1/articles").then().statusCode(400);
        given().header("Authorization", searcher()).queryParam("cursor", "%%%").get("/v1/articles").then().statusCode(400)
                .body("errors[0].rule", equalTo("search-cursor"));
        given().header("Authorization", searcher()).queryParam("filter", "[1]").get("/v1/articles").then().statusCode(400);
    }

    private List<String> search(String... parameters) {
        var request = given().header("Authorization", searcher()).queryParam("limit", 100);
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        JsonNode results = request.get("/v1/articles").then().statusCode(200).extract().as(JsonNode.class);
        List<String> uris = new ArrayList<>();
        results.get("items").forEach(item -> uris.add(item.get("uri").asText()));
        return uris;
    }

    private void publish(String uri, int version, String pubStatus, String language, String headline)
            throws IOException, InterruptedException {
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/ferry-timetable.json")) {
            article = (ObjectNode) json.readTree(in);
        }
        article.put("uri", uri).put("version", Integer.toString(version)).put("pubStatus", pubStatus).put("language", language);
        if (headline == null) { // a withhold notice, as ingest sends it: no text at all
            article.retain("uri", "type", "version", "pubStatus", "language");
        } else {
            article.putArray("headlines").addObject().put("role", "main").put("value", headline);
        }
        Enrichment enrichment = new Enrichment("0.7.0", language, "publisher", 1.0, 31, List.of("port"), List.of(),
                List.of(), null, null, "story-x", List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        ArticleEnriched event = new ArticleEnriched(StableIds.articleId(publisher, uri), UUID.randomUUID().toString(),
                publisher, Instant.parse("2026-11-28T09:00:00Z"), article, enrichment);
        TopicWriter.sendEvent(Topics.ARTICLES_ENRICHED, uri, UUID.randomUUID().toString(), EventTypes.ARTICLE_ENRICHED,
                json.writeValueAsString(event));
        Thread.sleep(20); // distinct publication times, so that newest-first has one answer
    }

    private static String uniqueUri() {
        return "urn:newsroom:search:" + UUID.randomUUID();
    }

    private String searcherKey;

    /** A consumer's key: search is for consumers. */
    private synchronized String searcher() {
        if (searcherKey == null) {
            searcherKey = TestConsumers.newConsumer("searcher");
        }
        return searcherKey;
    }
}
