package org.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsflow.contract.CloudEventHeaders;
import org.newsflow.contract.Topics;
import org.newsflow.testing.TestKafka;
import org.newsflow.testing.TopicReader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hard kills and a database bounce, as Kafka's own system tests do them: while a publisher pushes a known set of
 * articles, one service gets {@code kill -9} and is started again, the Kafka broker stops for 30 s, or PostgreSQL
 * is restarted under all three. Every article the publisher pushed (it retries what was not answered,
 * as a publisher would) must reach {@code articles.published}; a record read twice must be the same event (same
 * CloudEvents id), so that a consumer can drop it. Prints pushed / published / lost / duplicated per crash.
 */
class ServiceCrashIT {

    private static final int ARTICLES = 60;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static E2ePipeline pipeline;
    private static String apiKey;
    private static String consumerKey;
    private static String subscription;

    @BeforeAll
    static void startThePipeline() throws Exception {
        // three partitions of articles.enriched, so that two publish-service instances can share them
        TestKafka.ensurePartitions(Topics.ARTICLES_ENRICHED, 3);
        pipeline = E2ePipeline.start("newsflow_crash");
        String publisher = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        apiKey = pipeline.registerPublisher(publisher, "Crash Courier");
        // a consumer pulling everything the publisher sends through a feed
        consumerKey = post(pipeline.publish.url("/v1/admin/consumers"), E2ePipeline.ADMIN_TOKEN,
                "{\"id\": \"crash-reader\"}").get("apiKey").asText();
        subscription = post(pipeline.publish.url("/v1/subscriptions"), consumerKey, "{\"name\": \"all of it\", "
                + "\"filter\": {\"all\": {\"sources\": [\"" + publisher + "\"]}}}").get("id").asText();
    }

    @AfterAll
    static void stopThePipeline() {
        pipeline.close();
    }

    @ParameterizedTest(name = "kill -9 {0} mid-stream, then restart")
    @ValueSource(strings = { "enrich-service", "publish-service", "ingest-service" })
    void aServiceKilledMidStreamLosesNoArticle(String victim) throws Exception {
        ServiceProcess service = pipeline.services.stream().filter(s -> s.name.equals(victim)).findFirst().orElseThrow();
        survives("kill -9 " + victim, () -> {
            service.kill();
            Thread.sleep(1_000);
            service.restart();
            E2ePipeline.awaitReady(service);
        });
    }

    @org.junit.jupiter.api.Test
    void theKafkaBrokerStoppedForThirtySecondsLosesNoArticle() throws Exception {
        // the broker keeps its log directory, as a real one keeps its disk, and comes back on the same address
        survives("Kafka broker stopped for 30 s", () -> {
            TestKafka.stop();
            Thread.sleep(30_000);
            TestKafka.bootstrapServers();
        });
    }

    @org.junit.jupiter.api.Test
    void postgresqlRestartedMidStreamLosesNoArticle() throws Exception {
        java.nio.file.Path clusters = java.nio.file.Path.of("/etc/postgresql");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(clusters)
                && new ProcessBuilder("which", "pg_ctlcluster").start().waitFor() == 0,
                "needs a local PostgreSQL cluster this test may restart (pg_ctlcluster)");
        String version;
        try (var versions = java.nio.file.Files.list(clusters)) {
            version = versions.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
        survives("PostgreSQL restart", () -> {
            Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                    .inheritIO().start();
            assertThat(restart.waitFor()).as("pg_ctlcluster restart").isZero();
        });
    }

    @org.junit.jupiter.api.Test
    void aSecondEnrichInstanceTakesOverWhenTheFirstIsKilledDuringTheRebalance() throws Exception {
        ServiceProcess[] second = new ServiceProcess[1];
        try {
            survives("a second enrich-service joins, the first is killed during the rebalance", () -> {
                second[0] = pipeline.enrich.another("2");
                Thread.sleep(3_000); // the newcomer is starting and joining the group: the rebalance is under way
                pipeline.enrich.kill();
                E2ePipeline.awaitReady(second[0]);
            });
        } finally { // leave one enrich-service, the usual one, for the other tests
            pipeline.enrich.restart();
            E2ePipeline.awaitReady(pipeline.enrich);
            if (second[0] != null) {
                second[0].close();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void twoPublishInstancesAppendToOneFeedAndAReaderFollowingItMissesNothing() throws Exception {
        // Given a second publish-service sharing the consumer group and the database, and a reader that follows a
        // new subscription's feed from its start while articles arrive, as a polling consumer does
        String followed = post(pipeline.publish.url("/v1/subscriptions"), consumerKey, "{\"name\": \"followed\", "
                + "\"filter\": {\"all\": {\"sources\": [\"" + publisherOf(subscription) + "\"]}}}").get("id").asText();
        ServiceProcess second = pipeline.publish.another("2");
        FeedFollower follower = new FeedFollower(followed);
        try {
            E2ePipeline.awaitReady(second);
            E2ePipeline.awaitPartitionsShared(TestKafka.bootstrapServers(), "publish-service", 2); // each instance takes some of articles.enriched's partitions
            follower.start();
            double firstBefore = pipeline.publish.publishedVersions();

            // When the publisher pushes its articles
            List<String> uris = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                uris.add("urn:newsroom:crash-courier:" + UUID.randomUUID());
            }
            pushAll(uris);

            // Then the reader, only ever moving its cursor forward, got every article once
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> follower.uris().containsAll(uris));
            Thread.sleep(2_000); // late repeats
            List<String> read = follower.uris().stream().filter(uris::contains).toList();
            double first = pipeline.publish.publishedVersions() - firstBefore;
            double other = second.publishedVersions();
            System.out.printf("[scale-out] two publish-service instances (%.0f and %.0f versions published): the feed reader"
                    + " read %d of %d articles, %d more than once%n", first, other, read.stream().distinct().count(),
                    uris.size(), read.size() - read.stream().distinct().count());
            assertThat(read).doesNotHaveDuplicates().hasSameSizeAs(uris);
            assertThat(first).as("versions published by the first instance").isPositive();
            assertThat(other).as("versions published by the second instance").isPositive();
        } finally {
            follower.stop();
            second.close();
            HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(pipeline.publish.url("/v1/subscriptions/" + followed)))
                    .header("Authorization", "Bearer " + consumerKey).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Follows a feed from its start, page after page, as a polling consumer does: the cursor only moves forward. */
    private static final class FeedFollower {

        private final String subscriptionId;
        private final List<String> uris = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;
        private final Thread thread;

        FeedFollower(String subscriptionId) {
            this.subscriptionId = subscriptionId;
            this.thread = new Thread(this::follow, "feed-follower");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void follow() {
            String cursor = null;
            while (running) {
                try {
                    String url = pipeline.publish.url("/v1/subscriptions/" + subscriptionId + "/feed?limit=20"
                            + (cursor == null ? "" : "&cursor=" + cursor));
                    HttpResponse<String> answer = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                            .header("Authorization", "Bearer " + consumerKey).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        com.fasterxml.jackson.databind.JsonNode page = JSON.readTree(answer.body());
                        page.path("items").forEach(item -> uris.add(item.at("/article/uri").asText()));
                        cursor = page.get("next").asText();
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // publish restarting or busy: ask again
                }
            }
        }

        List<String> uris() {
            synchronized (uris) {
                return List.copyOf(uris);
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(5_000);
        }
    }

    @org.junit.jupiter.api.Test
    void aWebhookReceiverDownForAMinuteGetsEverythingAfterwardsInOrderOnce() throws Exception {
        // Given a webhook subscription to everything the publisher sends, and its receiver
        WebhookReceiver receiver = new WebhookReceiver();
        String hook = post(pipeline.publish.url("/v1/subscriptions"), consumerKey, "{\"name\": \"hook\", \"filter\": "
                + "{\"all\": {\"sources\": [\"" + publisherOf(subscription) + "\"]}}, \"channel\": {\"type\": \"webhook\", "
                + "\"url\": \"http://127.0.0.1:" + receiver.port + "/hook\"}}").get("id").asText();
        try {
            // When the receiver goes down a second into the articles and comes back a minute later
            survives("webhook receiver down for 60 s", () -> {
                receiver.stop();
                Thread.sleep(60_000);
                receiver.start();
            });

            // Then it gets every article, in the order of its feed, once per webhook-id
            List<String> feedOrder = feedUris(hook);
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> receiver.uris().containsAll(feedOrder));
            System.out.printf("[faults] webhook receiver down for 60 s: %d webhooks expected, %d received, %d repeated%n",
                    feedOrder.size(), receiver.uris().size(), receiver.repeatedIds());
            assertThat(receiver.repeatedIds()).as("webhook-ids received twice").isZero();
            assertThat(receiver.uris()).containsExactlyElementsOf(feedOrder);
        } finally {
            HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(pipeline.publish.url("/v1/subscriptions/" + hook)))
                    .header("Authorization", "Bearer " + consumerKey).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            receiver.stop();
        }
    }

    /** A webhook receiver on a fixed port that can go down and come back. */
    private static final class WebhookReceiver {

        final int port;
        private final List<String> uris = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicInteger repeated = new java.util.concurrent.atomic.AtomicInteger();
        private com.sun.net.httpserver.HttpServer server;

        WebhookReceiver() throws IOException {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            start();
        }

        void start() throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", port), 16);
            server.createContext("/hook", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    String uri = JSON.readTree(in.readAllBytes()).at("/data/article/uri").asText();
                    if (ids.add(exchange.getRequestHeaders().getFirst("webhook-id"))) {
                        uris.add(uri);
                    } else {
                        repeated.incrementAndGet();
                    }
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        void stop() {
            if (server != null) {
                // a receiver that goes down gracefully: an exchange it already recorded is answered, or the sender
                // would rightly send it again (webhooks are at least once; the webhook-id is there to drop repeats)
                server.stop(2);
                server = null;
            }
        }

        List<String> uris() {
            synchronized (uris) {
                return List.copyOf(uris);
            }
        }

        int repeatedIds() {
            return repeated.get();
        }
    }

    private interface Fault {
        void strike() throws Exception;
    }

    /**
     * Pushes {@link #ARTICLES} articles, about 25 a second, retrying what is not answered; a second in, strikes the
     * fault; then checks that every article reached articles.published (a repeat must be the same event) and the
     * feed consumer exactly once.
     */
    private void survives(String fault, Fault strike) throws Exception {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            uris.add("urn:newsroom:crash-courier:" + UUID.randomUUID());
        }
        try (TopicReader published = TopicReader.atEnd(Topics.ARTICLES_PUBLISHED)) {
            ExecutorService publisher = Executors.newSingleThreadExecutor();
            Future<Integer> retries = publisher.submit(() -> pushAll(uris));
            Thread.sleep(1_000);
            strike.strike();
            int retried = retries.get();
            publisher.shutdown();
            // Then every article is published, and a record read twice is the same event
            java.util.Set<String> expected = new java.util.HashSet<>(uris);
            published.readUntil(seen -> seen.stream().map(ConsumerRecord::key).collect(java.util.stream.Collectors.toSet())
                    .containsAll(expected), WAIT);
            List<ConsumerRecord<String, String>> records = published.readFor(Duration.ofSeconds(3)).stream() // late repeats
                    .filter(r -> expected.contains(r.key())).toList();
            Map<String, List<String>> eventIdsByUri = new HashMap<>();
            records.forEach(r -> eventIdsByUri.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(TopicReader.header(r, CloudEventHeaders.ID)));
            long lost = uris.stream().filter(uri -> !eventIdsByUri.containsKey(uri)).count();
            long duplicated = records.size() - eventIdsByUri.size();
            System.out.printf("[faults] %s: pushed %d (%d pushes retried), published %d, lost %d, duplicated %d%n",
                    fault, ARTICLES, retried, eventIdsByUri.size(), lost, duplicated);

            // and the feed consumer got each article exactly once
            Map<String, Integer> inFeed = new HashMap<>();
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
                inFeed.clear();
                inFeed.putAll(feedCounts(expected));
                return inFeed.size() == expected.size();
            });
            System.out.printf("[faults] %s: the feed consumer read %d articles, %d of them more than once%n",
                    fault, inFeed.size(), inFeed.values().stream().filter(n -> n > 1).count());

            assertThat(lost).as("articles lost").isZero();
            eventIdsByUri.forEach((uri, ids) -> assertThat(ids.stream().distinct()).as("event ids of " + uri).hasSize(1));
            assertThat(inFeed.values()).as("feed items per article").containsOnly(1);
        }
    }

    /** The publisher whose articles a subscription takes (its only source). */
    private static String publisherOf(String subscriptionId) throws Exception {
        return JSON.readTree(HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                pipeline.publish.url("/v1/subscriptions/" + subscriptionId))).header("Authorization", "Bearer " + consumerKey)
                .build(), HttpResponse.BodyHandlers.ofString()).body()).at("/filter/all/sources/0").asText();
    }

    /** The article uris of a subscription's feed (new versions), in feed order. */
    private static List<String> feedUris(String subscriptionId) throws Exception {
        List<String> uris = new ArrayList<>();
        String cursor = null;
        while (true) {
            String url = pipeline.publish.url("/v1/subscriptions/" + subscriptionId + "/feed?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            com.fasterxml.jackson.databind.JsonNode page = JSON.readTree(HTTP.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url)).header("Authorization", "Bearer " + consumerKey).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            page.path("items").forEach(item -> uris.add(item.at("/article/uri").asText()));
            if (!page.path("more").asBoolean(false)) {
                return uris;
            }
            cursor = page.get("next").asText();
        }
    }

    /** How often each of {@code uris} appears in the consumer's feed, read from its start page by page. */
    private static Map<String, Integer> feedCounts(java.util.Set<String> uris) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        feedUris(subscription).stream().filter(uris::contains).forEach(uri -> counts.merge(uri, 1, Integer::sum));
        return counts;
    }

    private static com.fasterxml.jackson.databind.JsonNode post(String url, String bearer, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** Pushes every article once accepted; the number of pushes that had to be repeated. */
    private static int pushAll(List<String> uris) throws Exception {
        int retried = 0;
        for (String uri : uris) {
            ObjectNode article = article(uri);
            while (true) {
                try {
                    HttpResponse<String> answer = pipeline.push(apiKey, article);
                    if (answer.statusCode() == 202 || answer.statusCode() == 200) {
                        break;
                    }
                    // a fault is told as one (503 + Retry-After), never as an internal error
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                } catch (IOException refused) {
                    // ingest is down: try again, as a publisher's client would
                }
                retried++;
                Thread.sleep(200);
            }
            Thread.sleep(40);
        }
        return retried;
    }

    private static ObjectNode article(String uri) throws IOException {
        try (InputStream in = ServiceCrashIT.class.getResourceAsStream("/stadtbibliothek.json")) {
            return ((ObjectNode) JSON.readTree(in)).put("uri", uri);
        }
    }
}
