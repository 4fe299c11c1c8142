package org.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Topics;
import org.newsflow.testing.TestKafkaCluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The pipeline on a real three-broker cluster (replication factor 3, min.insync.replicas 2), with two ingest and
 * two publish instances on shared databases, delivering to one webhook receiver: the broker that leads the
 * partition in use is killed -9 mid-stream and started again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaClusterIT {

    private static final int NEW_ARTICLES = 45;
    private static final int UPDATES = 15;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path LOGS = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize()
            .resolve("e2e-tests/target/e2e-logs/newsflow_cluster");

    private static TestKafkaCluster cluster;
    private static E2ePipeline pipeline;
    private static ServiceProcess secondIngest;
    private static ServiceProcess secondPublish;

    @BeforeAll
    static void startTheClusterAndTwoInstancesOfIngestAndPublish() throws Exception {
        cluster = TestKafkaCluster.start(LOGS);
        // one partition of articles.submitted: every article goes through the leader the test kills; two of
        // articles.enriched, so that both publish instances publish (and append to the same feed)
        cluster.createTopics(1, Topics.ARTICLES_INBOUND, Topics.deadLetterOf(Topics.ARTICLES_INBOUND),
                Topics.ARTICLES_SUBMITTED, Topics.deadLetterOf(Topics.ARTICLES_SUBMITTED),
                Topics.deadLetterOf(Topics.ARTICLES_ENRICHED), Topics.ARTICLES_PUBLISHED, Topics.SUBMISSION_PROGRESS);
        cluster.createTopics(2, Topics.ARTICLES_ENRICHED);
        pipeline = E2ePipeline.start("newsflow_cluster", Map.of("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers(),
                // a killed instance's message is taken over within seconds, not the default minute
                "NEWSFLOW_PUBLISH_WEBHOOKS_TIMEOUT", "3s", "NEWSFLOW_PUBLISH_WEBHOOKS_LEASE", "6s"));
        secondIngest = pipeline.ingest.another("2");
        secondPublish = pipeline.publish.another("2");
        E2ePipeline.awaitReady(secondIngest);
        E2ePipeline.awaitReady(secondPublish);
        E2ePipeline.awaitPartitionsShared(cluster.bootstrapServers(), "publish-service", 2);
    }

    @AfterAll
    static void stopEverything() {
        if (secondIngest != null) {
            secondIngest.close();
        }
        if (secondPublish != null) {
            secondPublish.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theLeaderOfThePartitionInUseKilledMidStreamLosesNothingRepeatsNothingAndWebhooksKeepTheirOrder() throws Exception {
        // Given a publisher, and a consumer with a feed and a webhook to everything it sends
        String publisher = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        String apiKey = pipeline.registerPublisher(publisher, "Cluster Courier");
        String consumerKey = post(pipeline.publish.url("/v1/admin/consumers"), E2ePipeline.ADMIN_TOKEN,
                "{\"id\": \"" + publisher + "-reader\"}").get("apiKey").asText();
        String filter = "{\"all\": {\"sources\": [\"" + publisher + "\"]}}";
        String feed = post(pipeline.publish.url("/v1/subscriptions"), consumerKey, "{\"name\": \"feed\", \"filter\": "
                + filter + "}").get("id").asText();
        Receiver receiver = new Receiver();
        post(pipeline.publish.url("/v1/subscriptions"), consumerKey, "{\"name\": \"hook\", \"filter\": " + filter
                + ", \"channel\": {\"type\": \"webhook\", \"url\": \"http://127.0.0.1:" + receiver.port() + "/hook\"}}");
        try {
            // When it pushes new articles and updates through both ingest instances, and a third of the way in the
            // broker leading articles.submitted is killed -9, to come back a while later
            List<String[]> versions = versions();
            int leader = cluster.leaderOf(Topics.ARTICLES_SUBMITTED, 0);
            int retried = 0;
            for (int i = 0; i < versions.size(); i++) {
                if (i == versions.size() / 3) {
                    cluster.kill(leader);
                }
                if (i == 2 * versions.size() / 3) {
                    cluster.restart(leader, LOGS);
                }
                retried += push(i % 2 == 0 ? pipeline.ingest : secondIngest, apiKey, versions.get(i));
                Thread.sleep(100);
            }
            Set<String> expected = new java.util.HashSet<>();
            versions.forEach(v -> expected.add(v[0] + "@" + v[1]));

            // Then the feed holds every version once, and the receiver got each once, in the feed's order
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> receiver.received().containsAll(expected) && feedOf(feed, consumerKey).containsAll(expected));
            Thread.sleep(3_000); // a late repeat would show now
            List<String> feedOrder = feedOf(feed, consumerKey);
            double first = pipeline.publish.publishedVersions();
            double second = secondPublish.publishedVersions();
            double relayedFirst = pipeline.ingest.relayedEvents();
            double relayedSecond = secondIngest.relayedEvents();
            System.out.printf("[cluster] leader (broker %d of 3) of %s killed -9 mid-stream and restarted, 2 ingest "
                    + "instances (%.0f and %.0f events relayed) + 2 publish instances (%.0f and %.0f versions published): pushed %d versions (%d pushes retried), feed %d "
                    + "(%d distinct), webhooks %d, repeated webhook-ids %d%n", leader, Topics.ARTICLES_SUBMITTED, relayedFirst,
                    relayedSecond, first, second,
                    versions.size(), retried, feedOrder.size(), feedOrder.stream().distinct().count(),
                    receiver.received().size(), receiver.repeated());
            assertThat(relayedFirst).as("events relayed by the first ingest instance").isPositive();
            assertThat(relayedSecond).as("events relayed by the second ingest instance").isPositive();
            assertThat(first).as("versions published by the first publish instance").isPositive();
            assertThat(second).as("versions published by the second publish instance").isPositive();
            assertThat(feedOrder).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            assertThat(receiver.repeated()).as("webhook-ids received twice").isZero();
            assertThat(receiver.received()).containsExactlyElementsOf(feedOrder);
            for (String[] update : versions.stream().filter(v -> v[1].equals("2")).toList()) {
                assertThat(receiver.received().indexOf(update[0] + "@2"))
                        .as("v2 of %s after v1", update[0]).isGreaterThan(receiver.received().indexOf(update[0] + "@1"));
            }
        } finally {
            receiver.stop();
        }
    }

    @Test
    @Order(2)
    void aPublishInstanceKilledWhileTheReceiverHoldsAMessageMakesThatOneArriveTwiceWithTheSameWebhookId() throws Exception {
        // Given one publish instance, and a receiver that takes four seconds over the first message it gets
        secondPublish.close();
        secondPublish = null;
        String publisher = "held-" + UUID.randomUUID().toString().substring(0, 8);
        String apiKey = pipeline.registerPublisher(publisher, "Held Courier");
        String consumerKey = post(pipeline.publish.url("/v1/admin/consumers"), E2ePipeline.ADMIN_TOKEN,
                "{\"id\": \"" + publisher + "-reader\"}").get("apiKey").asText();
        Receiver receiver = new Receiver();
        receiver.holdFirst = true;
        post(pipeline.publish.url("/v1/subscriptions"), consumerKey, "{\"name\": \"hook\", \"filter\": {\"all\": "
                + "{\"sources\": [\"" + publisher + "\"]}}, \"channel\": {\"type\": \"webhook\", \"url\": "
                + "\"http://127.0.0.1:" + receiver.port() + "/hook\"}}");
        ServiceProcess replacement = null;
        try {
            List<String[]> versions = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                versions.add(new String[] { "urn:newsroom:held-courier:" + UUID.randomUUID(), "1" });
                push(pipeline.ingest, apiKey, versions.get(i));
            }
            Awaitility.await().atMost(WAIT).until(() -> receiver.arrivals() >= 1);

            // When the instance is killed -9 while the receiver holds the message (it has it, the sender never
            // hears so), and another publish instance starts
            pipeline.publish.kill();
            replacement = pipeline.publish.another("3");
            E2ePipeline.awaitReady(replacement);

            // Then, once the dead instance's lease has run out, that message arrives again with the same webhook-id,
            // and every other message once
            List<String> expected = versions.stream().map(v -> v[0] + "@1").toList();
            Awaitility.await().atMost(WAIT).until(() -> receiver.received().containsAll(expected) && receiver.repeated() >= 1);
            Thread.sleep(2_000);
            System.out.printf("[cluster] publish instance killed -9 while the receiver held a message: %d messages, %d "
                    + "received, %d webhook-id(s) repeated%n", expected.size(), receiver.received().size(), receiver.repeated());
            assertThat(receiver.received()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(receiver.repeated()).as("the held message, and only it, again").isEqualTo(1);
        } finally {
            receiver.stop();
            if (replacement != null) {
                replacement.close();
            }
        }
    }

    /** article uri and version, in push order: every third new article is updated two articles later. */
    private static List<String[]> versions() {
        List<String[]> versions = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < NEW_ARTICLES; i++) {
            uris.add("urn:newsroom:cluster-courier:" + UUID.randomUUID());
            versions.add(new String[] { uris.get(i), "1" });
            if (i % 3 == 2 && versions.size() < NEW_ARTICLES + UPDATES) {
                versions.add(new String[] { uris.get(i - 2), "2" });
            }
        }
        return versions;
    }

    /** Pushes one version until an ingest instance accepts it; how many pushes had to be repeated. */
    private static int push(ServiceProcess ingest, String apiKey, String[] version) throws Exception {
        ObjectNode article;
        try (InputStream in = KafkaClusterIT.class.getResourceAsStream("/stadtbibliothek.json")) {
            article = ((ObjectNode) JSON.readTree(in)).put("uri", version[0]).put("version", version[1]);
        }
        for (int retried = 0; retried < 300; retried++) {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url("/v1/articles")))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(article.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202 || answer.statusCode() == 200) {
                    return retried;
                }
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            } catch (IOException e) {
                // try again, as a publisher's client would
            }
            Thread.sleep(200);
        }
        throw new AssertionError(version[0] + " was never accepted");
    }

    /** The whole feed, read from the second publish instance page by page: "articleId@version" in feed order. */
    private static List<String> feedOf(String subscription, String consumerKey) throws Exception {
        List<String> items = new ArrayList<>();
        String cursor = null;
        while (true) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(secondPublish.url("/v1/subscriptions/"
                    + subscription + "/feed?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))))
                    .header("Authorization", "Bearer " + consumerKey).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode page = JSON.readTree(answer.body());
            for (JsonNode item : page.path("items")) {
                items.add(item.path("article").path("uri").asText() + "@" + item.path("version").asText());
            }
            if (!page.path("more").asBoolean()) {
                return items;
            }
            cursor = page.path("next").asText();
        }
    }

    private static JsonNode post(String url, String bearer, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** Records "uri@version" of each webhook in arrival order, once per webhook-id, and counts ids seen again. */
    private static final class Receiver {
        private final List<String> received = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> ids = ConcurrentHashMap.newKeySet();
        private final AtomicInteger repeated = new AtomicInteger();
        private final AtomicInteger arrivals = new AtomicInteger();
        /** Whether the first message is held for four seconds before the answer (after it has been recorded). */
        volatile boolean holdFirst;
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/hook", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    JsonNode data = JSON.readTree(in.readAllBytes()).path("data");
                    if (ids.add(exchange.getRequestHeaders().getFirst("webhook-id"))) {
                        received.add(data.at("/article/uri").asText() + "@" + data.path("version").asText());
                    } else {
                        repeated.incrementAndGet();
                    }
                }
                if (arrivals.incrementAndGet() == 1 && holdFirst) {
                    try {
                        Thread.sleep(4_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        List<String> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        int repeated() {
            return repeated.get();
        }

        int arrivals() {
            return arrivals.get();
        }

        void stop() {
            server.stop(1);
        }
    }
}
