package org.newsflow.publish.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.Enrichment;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.TopicWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * A consumer subscribes with a filter and pulls its feed while articles are published through Kafka: the story of
 * issue 5's pull channel, against a real broker and PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class SubscriptionFeedTest {

    private static final String ADMIN = "Bearer test-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ENERGY = "http://cv.iptc.org/newscodes/mediatopic/20000256"; // under economy 04000000
    private static final String FOOTBALL = "http://cv.iptc.org/newscodes/mediatopic/20000822"; // under sport 15000000

    @Inject
    ObjectMapper json;

    String alice;
    String bob;

    @BeforeEach
    void twoConsumers() {
        alice = "Bearer " + newConsumer("alice-" + UUID.randomUUID().toString().substring(0, 8));
        bob = "Bearer " + newConsumer("bob-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aSubscriberToATopicGetsItsNarrowerTopicsUpdatesAndKillsInOrderWithoutGapsOrRepeats() throws IOException {
        String subscription = subscribe(alice, "{\"all\": {\"subjects\": [\"04000000\"]}, \"none\": {\"languages\": [\"ru\"]}}");
        String pipeline = uniqueUri();
        String football = uniqueUri();
        String russian = uniqueUri();

        publish(pipeline, 1, "usable", ENERGY, "en");
        publish(football, 1, "usable", FOOTBALL, "en");
        publish(russian, 1, "usable", ENERGY, "ru");
        JsonNode first = awaitItems(alice, subscription, null, 1);

        assertThat(first.at("/items/0/kind").asText()).isEqualTo("new");
        assertThat(first.at("/items/0/article/uri").asText()).isEqualTo(pipeline);
        assertThat(first.at("/items/0/enrichment/keywords/0").asText()).isEqualTo("pipeline");

        publish(pipeline, 2, "usable", ENERGY, "en");
        String second = uniqueUri();
        publish(second, 1, "usable", ENERGY, "en");
        JsonNode next = awaitItems(alice, subscription, first.get("next").asText(), 2);
        assertThat(next.at("/items/0/kind").asText()).isEqualTo("update");
        assertThat(next.at("/items/0/version").asInt()).isEqualTo(2);
        assertThat(next.at("/items/1/article/uri").asText()).isEqualTo(second);

        // a page read again with the same cursor gives the same items; nothing new means an empty page
        JsonNode again = feed(alice, subscription, first.get("next").asText(), null).statusCode(200).extract().as(JsonNode.class);
        assertThat(again.get("items")).isEqualTo(next.get("items"));
        JsonNode caughtUp = feed(alice, subscription, next.get("next").asText(), null).statusCode(200).extract().as(JsonNode.class);
        assertThat(caughtUp.get("items")).isEmpty();

        publish(pipeline, 3, "canceled", ENERGY, "en");
        JsonNode kill = awaitItems(alice, subscription, next.get("next").asText(), 1);
        assertThat(kill.at("/items/0/kind").asText()).isEqualTo("kill");
        assertThat(kill.at("/items/0/articleId").asText()).isEqualTo(StableIds.articleId("island-gazette", pipeline));
        JsonNode fromStart = feed(alice, subscription, null, null).statusCode(200).extract().as(JsonNode.class);
        assertThat(fromStart.get("items").findValuesAsText("kind")).containsExactly("new", "kill"); // second, kill
        assertThat(fromStart.at("/items/0/article/uri").asText()).isEqualTo(second);
    }

    @Test
    void aWithheldVersionReachesOnlyThoseWhoHoldTheArticleAndItsEarlierTextIsHiddenUntilAUsableVersionFollows()
            throws IOException {
        // Given Alice's desk, which received the first version of an article, and Bob's, subscribed only after it
        String alices = subscribe(alice, "{\"all\": {\"subjects\": [\"04000000\"]}}");
        String uri = uniqueUri();
        publish(uri, 1, "usable", ENERGY, "en");
        JsonNode first = awaitItems(alice, alices, null, 1);
        String bobs = subscribe(bob, "{\"all\": {\"subjects\": [\"04000000\"]}}");

        // When the publisher withholds the article (ingest sends a notice without text), and another article follows
        publishWithholdNotice(uri, 2);
        String next = uniqueUri();
        publish(next, 1, "usable", ENERGY, "en");

        // Then Alice is told to withhold it, and Bob, who never had it, hears nothing of it
        JsonNode notice = awaitItems(alice, alices, first.get("next").asText(), 2);
        assertThat(notice.at("/items/0/kind").asText()).isEqualTo("update");
        assertThat(notice.at("/items/0/article/pubStatus").asText()).isEqualTo("withheld");
        assertThat(notice.at("/items/0/article").has("bodies")).isFalse();
        JsonNode bobsFeed = awaitItems(bob, bobs, null, 1);
        assertThat(bobsFeed.at("/items/0/article/uri").asText()).isEqualTo(next);

        // and while it is withheld, its earlier version is listed without its text
        String articleId = StableIds.articleId("island-gazette", uri);
        given().header("Authorization", alice).get("/v1/articles/{id}/versions", articleId).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.contains(2, 1))
                .body("[1].article", org.hamcrest.Matchers.nullValue());

        // When a usable version follows, then the earlier text is there again
        publish(uri, 3, "usable", ENERGY, "en");
        awaitItems(alice, alices, notice.get("next").asText(), 1);
        given().header("Authorization", alice).get("/v1/articles/{id}/versions", articleId).then().statusCode(200)
                .body("[2].article.headlines[0].value", equalTo("Winter ferry timetable cuts evening sailings"));
    }

    private void publishWithholdNotice(String uri, int version) throws IOException {
        ObjectNode notice = json.createObjectNode().put("uri", uri).put("type", "text").put("version", Integer.toString(version))
                .put("pubStatus", "withheld").put("language", "en");
        Enrichment enrichment = new Enrichment("0.7.0", "en", "publisher", 1.0, 0, List.of(), List.of(), List.of(), null, null,
                "story-" + uri, List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        ArticleEnriched event = new ArticleEnriched(StableIds.articleId("island-gazette", uri), UUID.randomUUID().toString(),
                "island-gazette", Instant.parse("2026-11-28T09:00:00Z"), notice, enrichment);
        TopicWriter.sendEvent(Topics.ARTICLES_ENRICHED, uri, UUID.randomUUID().toString(), EventTypes.ARTICLE_ENRICHED,
                json.writeValueAsString(event));
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() throws IOException {
        String subscription = subscribe(alice, "{\"any\": {\"subjects\": [\"20000256\"]}}");
        List<String> uris = List.of(uniqueUri(), uniqueUri(), uniqueUri(), uniqueUri(), uniqueUri());
        for (String uri : uris) {
            publish(uri, 1, "usable", ENERGY, "en");
        }
        awaitItems(alice, subscription, null, 5);

        JsonNode one = feed(alice, subscription, null, "2").statusCode(200).extract().as(JsonNode.class);
        JsonNode two = feed(alice, subscription, one.get("next").asText(), "2").statusCode(200).extract().as(JsonNode.class);
        JsonNode three = feed(alice, subscription, two.get("next").asText(), "2").statusCode(200).extract().as(JsonNode.class);

        List<String> read = new java.util.ArrayList<>();
        for (JsonNode page : List.of(one, two, three)) {
            page.get("items").forEach(item -> read.add(item.at("/article/uri").asText()));
        }
        assertThat(read).containsExactlyElementsOf(uris);
        assertThat(one.get("more").asBoolean()).isTrue();
        assertThat(three.get("more").asBoolean()).isFalse();
    }

    @Test
    void theFeedReadsAsJsonFeedAndAsAtomWithKillsAsTombstones() throws Exception {
        String subscription = subscribe(alice, "{\"all\": {\"subjects\": [\"20000256\"], \"sources\": [\"island-gazette\"]}}");
        String kept = uniqueUri();
        String killed = uniqueUri();
        publish(kept, 1, "usable", ENERGY, "en");
        publish(killed, 1, "usable", ENERGY, "en");
        publish(killed, 2, "canceled", ENERGY, "en");
        awaitItems(alice, subscription, null, 2); // kept, and the kill (killed's first version vanished)

        String jsonFeed = given().header("Authorization", alice).accept("application/feed+json")
                .get("/v1/subscriptions/{id}/feed", subscription).then().statusCode(200)
                .contentType("application/feed+json").extract().asString();
        JsonNode feed = json.readTree(jsonFeed);
        // JSON Feed 1.1: version, title and items are required; every item has a string id and content
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isNotBlank();
        assertThat(feed.get("items")).hasSize(2);
        for (JsonNode item : feed.get("items")) {
            assertThat(item.get("id").isTextual()).isTrue();
            assertThat(item.has("content_text") || item.has("content_html")).isTrue();
            java.time.OffsetDateTime.parse(item.get("date_published").asText()); // RFC 3339
            item.fieldNames().forEachRemaining(name -> assertThat(name).isIn("id", "url", "external_url", "title",
                    "content_html", "content_text", "summary", "image", "banner_image", "date_published",
                    "date_modified", "authors", "tags", "language", "attachments", "_newsflow"));
        }
        assertThat(feed.at("/items/0/_newsflow/uri").asText()).isEqualTo(kept);
        assertThat(feed.at("/items/1/_newsflow/kind").asText()).isEqualTo("kill");

        String atom = given().header("Authorization", alice).accept("application/atom+xml")
                .get("/v1/subscriptions/{id}/feed", subscription).then().statusCode(200)
                .contentType("application/atom+xml").extract().asString();
        com.rometools.rome.feed.synd.SyndFeed parsed = new com.rometools.rome.io.SyndFeedInput()
                .build(new java.io.StringReader(atom));
        assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(parsed.getEntries()).hasSize(1);
        assertThat(parsed.getEntries().get(0).getTitle()).isEqualTo("Winter ferry timetable cuts evening sailings");
        assertThat(parsed.getEntries().get(0).getCategories().get(0).getName()).isEqualTo(ENERGY);
        assertThat(atom).contains("<at:deleted-entry ref=\"urn:newsflow:article:" + StableIds.articleId("island-gazette", killed));
    }

    @Test
    void aLongPollAnswersAsSoonAsSomethingArrives() throws Exception {
        String subscription = subscribe(alice, "{\"all\": {\"subjects\": [\"20000256\"], \"sources\": [\"island-gazette\"]}}");
        String start = feed(alice, subscription, null, null).statusCode(200).extract().path("next");
        String uri = uniqueUri();

        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().header("Authorization", alice)
                .queryParam("cursor", start).queryParam("wait", "20").get("/v1/subscriptions/{id}/feed", subscription)
                .then().statusCode(200).extract().as(JsonNode.class));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        publish(uri, 1, "usable", ENERGY, "en");

        JsonNode page = waiting.get(15, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(page.at("/items/0/article/uri").asText()).isEqualTo(uri);
        feed(alice, subscription, null, null).statusCode(200);
        given().header("Authorization", alice).queryParam("wait", "61").get("/v1/subscriptions/{id}/feed", subscription)
                .then().statusCode(400).body("errors[0].field", equalTo("query:wait"));
    }

    @Test
    void aCursorFromAnotherSubscriptionOrATamperedOneIsRefused() throws IOException {
        String mine = subscribe(alice, "{\"any\": {\"countries\": [\"NO\"]}}");
        String other = subscribe(alice, "{\"any\": {\"countries\": [\"SE\"]}}");
        String cursor = feed(alice, mine, null, null).statusCode(200).extract().path("next");

        feed(alice, other, cursor, null).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("query:cursor")).body("errors[0].rule", equalTo("feed-cursor"));
        String tampered = "zz" + cursor.substring(cursor.indexOf('.'));
        feed(alice, mine, tampered, null).statusCode(400).body("errors[0].rule", equalTo("feed-cursor"));
        feed(alice, mine, "not-a-cursor", null).statusCode(400);
        feed(alice, mine, null, "0").statusCode(400).body("errors[0].field", equalTo("query:limit"));
    }

    @Test
    void aConsumerHasAHundredSubscriptionsAtMostAndMayMakeANewOneAfterDeletingOne() {
        // Given a consumer with as many subscriptions as it may have (100 by default)
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(subscribe(alice, "{\"any\": {\"keywords\": [\"harbour-" + i + "\"]}}"));
        }

        // When it asks for one more, then it is refused with a problem naming the quota, and nothing was made
        given().header("Authorization", alice).contentType(ContentType.JSON)
                .body("{\"name\": \"one too many\", \"filter\": {\"any\": {\"keywords\": [\"ferry\"]}}, \"channel\": {\"type\": \"feed\"}}")
                .post("/v1/subscriptions").then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("subscriptions-per-consumer"));
        given().header("Authorization", alice).get("/v1/subscriptions").then().statusCode(200).body("size()", equalTo(100));

        // and another consumer is not affected by it
        subscribe(bob, "{\"any\": {\"keywords\": [\"ferry\"]}}");

        // When it deletes one, then it may make a new one
        given().header("Authorization", alice).delete("/v1/subscriptions/{id}", ids.get(0)).then().statusCode(204);
        subscribe(alice, "{\"any\": {\"keywords\": [\"ferry\"]}}");
    }

    @Test
    void aConsumerSeesOnlyItsOwnSubscriptions() {
        String alices = subscribe(alice, "{\"any\": {\"people\": [\"Ilham Aliyev\"]}}");

        given().header("Authorization", bob).get("/v1/subscriptions/{id}", alices).then().statusCode(404)
                .contentType("application/problem+json");
        feed(bob, alices, null, null).statusCode(404);
        given().header("Authorization", bob).delete("/v1/subscriptions/{id}", alices).then().statusCode(404);
        given().header("Authorization", bob).get("/v1/subscriptions").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", alice).get("/v1/subscriptions").then().statusCode(200)
                .body("id", hasItem(alices)).body("[0].filter.any.people[0]", equalTo("Ilham Aliyev"));
    }

    @Test
    void invalidFiltersAreProblemsNamingTheFieldAndTheRule() {
        create(alice, "{\"name\": \"x\", \"filter\": {\"all\": {\"subjects\": [\"99999999\"]}}}").statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("filter.all.subjects[0]")).body("errors[0].rule", equalTo("known-media-topic"));
        create(alice, "{\"name\": \"x\", \"filter\": {\"any\": {\"languages\": [\"English!\"]}}}").statusCode(400)
                .body("errors[0].rule", equalTo("bcp47"));
        create(alice, "{\"name\": \"x\", \"filter\": {\"any\": {\"countries\": [\"XX\"]}}}").statusCode(400)
                .body("errors[0].rule", equalTo("iso-3166-1-alpha-2"));
        create(alice, "{\"name\": \"x\", \"filter\": {}}").statusCode(400).body("errors[0].rule", equalTo("not-empty"));
        create(alice, "{\"name\": \"x\", \"filter\": {\"some\": {\"topics\": [\"a\"]}}}").statusCode(400)
                .body("errors[0].rule", equalTo("known-group"));
        create(alice, "{\"name\": \"x\", \"filter\": {\"all\": {\"topics\": [\"a\"]}}}").statusCode(400)
                .body("errors[0].rule", equalTo("known-field"));
        create(alice, "{\"name\": \"x\", \"filter\": ").statusCode(400).body("errors[0].rule", equalTo("json"));
        create(alice, "{\"filter\": {\"any\": {\"text\": [\"ferry\"]}}}").statusCode(400).body("errors[0].field", equalTo("name"));
        create("Bearer nfc_000000000000_" + "a".repeat(43), "{}").statusCode(401).header("WWW-Authenticate", "Bearer");
        create(null, "{}").statusCode(401);
    }

    @Test
    void theAdminApiNeedsTheAdminToken() {
        given().contentType(ContentType.JSON).body("{\"id\": \"mallory\"}").post("/v1/admin/consumers").then().statusCode(401);
        given().header("Authorization", "Bearer guess").contentType(ContentType.JSON).body("{\"id\": \"mallory\"}")
                .post("/v1/admin/consumers").then().statusCode(401).body("errors[0].rule", equalTo("wrong-admin-token"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"id\": \"Not Valid\"}")
                .post("/v1/admin/consumers").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    private String newConsumer(String id) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"id\": \"" + id + "\", \"name\": \"Desk " + id + "\"}")
                .post("/v1/admin/consumers").then().statusCode(201).extract().path("apiKey");
    }

    private String subscribe(String consumer, String filter) {
        return create(consumer, "{\"name\": \"desk\", \"filter\": " + filter + ", \"channel\": {\"type\": \"feed\"}}")
                .statusCode(201).extract().path("id");
    }

    private static ValidatableResponse create(String consumer, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (consumer != null) {
            request.header("Authorization", consumer);
        }
        return request.post("/v1/subscriptions").then();
    }

    private static ValidatableResponse feed(String consumer, String subscription, String cursor, String limit) {
        var request = given().header("Authorization", consumer);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        return request.get("/v1/subscriptions/{id}/feed", subscription).then();
    }

    private JsonNode awaitItems(String consumer, String subscription, String cursor, int count) {
        JsonNode[] page = new JsonNode[1];
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            page[0] = feed(consumer, subscription, cursor, null).statusCode(200).extract().as(JsonNode.class);
            return page[0].get("items").size() >= count;
        });
        assertThat(page[0].get("items")).hasSize(count);
        return page[0];
    }

    private void publish(String uri, int version, String pubStatus, String subject, String language) throws IOException {
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/ferry-timetable.json")) {
            article = (ObjectNode) json.readTree(in);
        }
        article.put("uri", uri).put("version", Integer.toString(version)).put("pubStatus", pubStatus).put("language", language);
        article.putArray("subjects").addObject().put("name", "subject").put("uri", subject);
        Enrichment enrichment = new Enrichment("0.7.0", language, "publisher", 1.0, 31, List.of("pipeline", "gas"),
                List.of(), List.of(), null, null, "story-" + uri, List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        ArticleEnriched event = new ArticleEnriched(StableIds.articleId("island-gazette", uri), UUID.randomUUID().toString(),
                "island-gazette", Instant.parse("2026-11-28T09:00:00Z"), article, enrichment);
        TopicWriter.sendEvent(Topics.ARTICLES_ENRICHED, uri, UUID.randomUUID().toString(), EventTypes.ARTICLE_ENRICHED,
                json.writeValueAsString(event));
    }

    private static String uniqueUri() {
        return "urn:newsroom:island-gazette:feed-test:" + UUID.randomUUID();
    }
}
