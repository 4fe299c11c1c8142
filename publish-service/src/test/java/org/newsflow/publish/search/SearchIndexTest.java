package org.newsflow.publish.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.Enrichment;
import org.newsflow.contract.StableIds;
import org.newsflow.publish.pipeline.PublicationStore;
import org.newsflow.publish.subscription.RandomSubscriptions;
import org.newsflow.publish.subscription.SubscriptionFilter;
import org.newsflow.publish.support.TestConsumers;
import org.newsflow.testing.KafkaAndPostgresResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Search goes through the term index: it must find exactly what the filter finds, however old the article. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class SearchIndexTest {

    @Inject
    PublicationStore store;

    @Inject
    ObjectMapper json;

    @Inject
    SearchIndex searchIndex;

    @Inject
    SearchBackfill backfill;

    @Test
    void searchFindsExactlyTheArticlesItsFilterMatches() {
        // Given 150 random articles of one publisher (subjects, people, organisations, countries, key phrases)
        String publisher = "index-" + UUID.randomUUID().toString().substring(0, 8);
        RandomSubscriptions random = new RandomSubscriptions(11);
        List<RandomSubscriptions.Generated> articles = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            var generated = random.generated();
            articles.add(new RandomSubscriptions.Generated(generated.article(), generated.keywords(), publisher));
        }
        QuarkusTransaction.requiringNew().run(() -> articles.forEach(this::publish));

        // When 60 random filters are searched, restricted to that publisher
        for (JsonNode generatedFilter : random.filters(60)) {
            ObjectNode filter = generatedFilter.deepCopy();
            ((ObjectNode) filter.get("all")).putArray("sources").add(publisher);
            SubscriptionFilter parsed = SubscriptionFilter.parse(filter);
            Set<String> expected = new HashSet<>();
            articles.stream().filter(a -> parsed.matches(a.features())).forEach(a -> expected.add(a.article().get("uri").asText()));

            // Then search answers exactly the articles that the filter itself matches
            assertThat(searchAll(filter.toString())).as("search for %s", filter).isEqualTo(expected);
        }
    }

    @Test
    void anArticleBehindThousandsOfNewerOnesIsStillFound() {
        // Given one article with a rare word, then 2,100 newer ones from the same publisher
        String publisher = "depth-" + UUID.randomUUID().toString().substring(0, 8);
        RandomSubscriptions random = new RandomSubscriptions(5);
        ObjectNode oldest = random.generated().article();
        oldest.putArray("headlines").addObject().put("value", "Quokka census finds record numbers on Rottnest");
        QuarkusTransaction.requiringNew().run(() -> {
            publish(new RandomSubscriptions.Generated(oldest, List.of("census"), publisher));
            for (int i = 0; i < 2_100; i++) {
                publish(new RandomSubscriptions.Generated(random.generated().article(), List.of("budget"), publisher));
            }
        });

        // When searching for the rare word, then it is on the first page
        ObjectNode filter = json.createObjectNode();
        filter.putObject("all").putArray("sources").add(publisher);
        JsonNode results = given().header("Authorization", searcher()).queryParam("q", "quokka").queryParam("filter", filter.toString())
                .get("/v1/articles").then().statusCode(200).extract().as(JsonNode.class);
        assertThat(results.get("items")).hasSize(1);
        assertThat(results.get("items").get(0).get("uri").asText()).isEqualTo(oldest.get("uri").asText());
        assertThat(results.get("next").isNull()).isTrue();
    }

    @Test
    void articlesPublishedBeforeTheIndexExistedAreIndexedByTheBackfill() {
        // Given an article whose terms are missing (as in a database upgraded from a version without search)
        String publisher = "backfill-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode article = new RandomSubscriptions(8).generated().article();
        article.putArray("headlines").addObject().put("value", "Lighthouse keepers return to Skerryvore");
        QuarkusTransaction.requiringNew().run(() -> publish(new RandomSubscriptions.Generated(article, List.of(), publisher)));
        String articleId = StableIds.articleId(publisher, article.get("uri").asText());
        QuarkusTransaction.requiringNew().run(() -> searchIndex.remove(articleId));
        assertThat(searchAll("{\"all\": {\"sources\": [\"" + publisher + "\"]}}")).isEmpty();

        // When the backfill runs, then the article is found again
        backfill.backfill();
        assertThat(searchAll("{\"all\": {\"sources\": [\"" + publisher + "\"], \"text\": [\"skerryvore\"]}}"))
                .containsExactly(article.get("uri").asText());
    }

    private Set<String> searchAll(String filter) {
        Set<String> uris = new HashSet<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", searcher()).queryParam("filter", filter).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = request.get("/v1/articles").then().statusCode(200).extract().as(JsonNode.class);
            page.get("items").forEach(item -> assertThat(uris.add(item.get("uri").asText())).as("no repeats").isTrue());
            cursor = page.path("next").isTextual() ? page.get("next").asText() : null;
        } while (cursor != null);
        return uris;
    }

    private void publish(RandomSubscriptions.Generated generated) {
        String uri = generated.article().get("uri").asText();
        Enrichment enrichment = new Enrichment("test", generated.article().get("language").asText(), "publisher", 1.0, 10,
                generated.keywords(), List.of(), List.of(), null, null, null, List.of(), Instant.now());
        store.publishAllOnce(List.of(new PublicationStore.Input(UUID.randomUUID().toString(), new ArticleEnriched(
                StableIds.articleId(generated.publisher(), uri), UUID.randomUUID().toString(), generated.publisher(),
                Instant.now(), generated.article(), enrichment))));
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
