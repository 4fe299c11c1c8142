package org.newsflow.publish.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.Enrichment;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
import org.newsflow.publish.limits.ConnectionLimits;
import org.newsflow.publish.support.TestConsumers;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.TopicReader;
import org.newsflow.testing.TopicWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Long polls hold no worker thread and cannot stall publication: here twice as many polls wait as the instance has
 * worker threads, an article is published at once all the same and every poll gets it; a consumer over its limit
 * is told to come back later.
 */
@QuarkusTest
@TestProfile(LongPollTest.FewWorkerThreads.class)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class LongPollTest {

    private static final int WORKER_THREADS = 8;
    private static final int PER_CONSUMER = 8;

    public static class FewWorkerThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", Integer.toString(WORKER_THREADS),
                    "newsflow.publish.connections.per-consumer", Integer.toString(PER_CONSUMER));
        }
    }

    @Inject
    ObjectMapper json;

    @Inject
    ConnectionLimits limits;

    /** This test's own publisher, so that its subscriptions get only its own article. */
    private final String publisher = "night-wire-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void manyWaitingLongPollsNeitherStallPublicationNorMissTheArticle() throws Exception {
        // Given two consumers each holding as many long polls as they may (16 in all, twice the worker threads)
        List<String[]> readers = new ArrayList<>();
        for (String name : List.of("night-desk", "sports-desk")) {
            String consumerId = name + "-" + UUID.randomUUID().toString().substring(0, 6);
            String key = TestConsumers.register(consumerId);
            String subscription = given().header("Authorization", key).contentType(ContentType.JSON)
                    .body("{\"name\": \"night wire\", \"filter\": {\"all\": {\"sources\": [\"" + publisher
                            + "\"]}}, \"channel\": {\"type\": \"feed\"}}")
                    .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
            readers.add(new String[] { consumerId, key, subscription });
        }
        ExecutorService clients = Executors.newFixedThreadPool(2 * PER_CONSUMER + 2);
        try {
            List<Future<Integer>> polls = new ArrayList<>();
            for (String[] reader : readers) {
                for (int i = 0; i < PER_CONSUMER; i++) {
                    polls.add(clients.submit(() -> given().header("Authorization", reader[1]).queryParam("wait", "30")
                            .get("/v1/subscriptions/{id}/feed", reader[2]).then().statusCode(200)
                            .extract().path("items.size()")));
                }
            }
            for (String[] reader : readers) {
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> limits.openBy(reader[0]) == PER_CONSUMER);
            }

            // When one more long poll comes from the first consumer, then it is told to retry later
            given().header("Authorization", readers.get(0)[1]).queryParam("wait", "30")
                    .get("/v1/subscriptions/{id}/feed", readers.get(0)[2]).then()
                    .statusCode(429).contentType("application/problem+json").header("Retry-After", equalTo("5"))
                    .body("type", equalTo("https://newsflow.dev/problems/too-many-connections"));

            // When an article is enriched, then it is published at once and every waiting poll returns with it
            try (TopicReader published = TopicReader.atEnd(Topics.ARTICLES_PUBLISHED)) {
                String uri = "urn:newsroom:island-gazette:long-poll:" + UUID.randomUUID();
                long sent = System.nanoTime();
                sendEnriched(uri);
                published.next(r -> uri.equals(r.key()), Duration.ofSeconds(10));
                assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(10));
            }
            for (Future<Integer> poll : polls) {
                assertThat(poll.get(20, TimeUnit.SECONDS)).isEqualTo(1);
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> limits.openBy(readers.get(0)[0]) == 0);
        } finally {
            clients.shutdownNow();
        }
    }

    private void sendEnriched(String uri) throws IOException {
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/ferry-timetable.json")) {
            article = (ObjectNode) json.readTree(in);
        }
        article.put("uri", uri).put("version", "1").put("pubStatus", "usable");
        Enrichment enrichment = new Enrichment("0.1.0", "en", "publisher", 1.0, 31, List.of("ferry", "sailings"),
                List.of(), List.of(), null, null, "story-ferry", List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        ArticleEnriched event = new ArticleEnriched(StableIds.articleId(publisher, uri),
                UUID.randomUUID().toString(), publisher, Instant.parse("2026-11-28T09:00:00Z"), article, enrichment);
        TopicWriter.sendEvent(Topics.ARTICLES_ENRICHED, uri, UUID.randomUUID().toString(), EventTypes.ARTICLE_ENRICHED,
                json.writeValueAsString(event));
    }
}
