package org.newsflow.publish.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Webhooks against a real HTTP receiver started by the test, which answers as each test tells it: the signature
 * checks out with the Standard Webhooks reference library; 500, 429 and a trickling answer are retried, with the
 * same webhook-id; 410 disables the subscription; 400 is not retried, is listed as failed and can be re-sent;
 * a receiver that is down for a while gets everything afterwards, in order.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ENERGY = "http://cv.iptc.org/newscodes/mediatopic/20000256";

    @Inject
    ObjectMapper json;

    @Inject
    javax.sql.DataSource database;

    Receiver receiver;
    String consumer;

    /** What the receiver got. */
    record Received(String id, String timestamp, String signature, String body, JsonNode json) {
    }

    /** A receiver on 127.0.0.1 that answers with the queued statuses (then 204), sleeping first if told to. */
    static final class Receiver {
        final Deque<int[]> answers = new ConcurrentLinkedDeque<>(); // {status, delay ms}
        final List<Received> received = Collections.synchronizedList(new ArrayList<>());
        final ObjectMapper json = new ObjectMapper();
        final List<Instant> receivedAt = Collections.synchronizedList(new ArrayList<>());
        volatile String retryAfter = "0";
        HttpServer server;
        int port;

        void start(int onPort) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 16);
            server.createContext("/hook", exchange -> {
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                int[] answer = answers.poll();
                int status = answer == null ? 204 : answer[0];
                try {
                    if (answer != null && answer[1] > 0) {
                        Thread.sleep(answer[1]);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                var headers = exchange.getRequestHeaders();
                receivedAt.add(Instant.now());
                received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), body, json.readTree(body)));
                if (status == 429) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                if (status == 307) {
                    exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                }
                if (answer != null && answer.length > 2) { // headers at once, then the body a byte at a time
                    exchange.sendResponseHeaders(status, 0);
                    long until = System.currentTimeMillis() + answer[2];
                    try (var out = exchange.getResponseBody()) {
                        while (System.currentTimeMillis() < until) {
                            out.write('.');
                            out.flush();
                            Thread.sleep(200);
                        }
                    } catch (IOException | InterruptedException e) {
                        // the sender hung up
                    }
                    exchange.close();
                    return;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            port = server.getAddress().getPort();
        }

        void stop() {
            server.stop(1); // answers what it already took in: a cut exchange is rightly sent again
        }

        String url() {
            return "http://127.0.0.1:" + port + "/hook";
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new Receiver();
        receiver.start(0);
        consumer = TestConsumers.newConsumer("hooks");
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void aMatchingArticleIsPushedSignedAndTheSignatureChecksOutWithTheReferenceLibrary() throws Exception {
        JsonNode subscription = subscribe();
        String uri = uniqueUri();

        publish(uri, 1, "usable");
        Awaitility.await().atMost(WAIT).until(() -> receiver.received.size() >= 1);

        Received message = receiver.received.get(0);
        assertThat(message.json().at("/type").asText()).isEqualTo("article.published");
        assertThat(message.json().at("/data/article/uri").asText()).isEqualTo(uri);
        assertThat(message.json().at("/data/kind").asText()).isEqualTo("new");
        new Webhook(subscription.at("/channel/secret").asText()).verify(message.body(), Map.of(
                "webhook-id", List.of(message.id()), "webhook-timestamp", List.of(message.timestamp()),
                "webhook-signature", List.of(message.signature()))); // throws when the signature is wrong
        awaitStatus(subscription, "delivered", 1);
    }

    @Test
    void aRotatedSecretIsShownOnceAndBothSecretsVerifyDuringTheOverlap() throws Exception {
        // Given a webhook subscription whose secret the consumer rotates
        JsonNode subscription = subscribe();
        String old = subscription.at("/channel/secret").asText();
        JsonNode rotated = json.readTree(given().header("Authorization", consumer)
                .post("/v1/subscriptions/{id}/secret", subscription.get("id").asText()).then().statusCode(200)
                .extract().asString());
        String fresh = rotated.get("secret").asText();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(rotated.get("previousSecretValidUntil").asText()).isNotBlank();

        // When an article is delivered, then the receiver can verify it with the new secret and, for now, the old one
        publish(uniqueUri(), 1, "usable");
        Awaitility.await().atMost(WAIT).until(() -> receiver.received.size() >= 1);
        Received message = receiver.received.get(0);
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(message.id()),
                "webhook-timestamp", List.of(message.timestamp()), "webhook-signature", List.of(message.signature()));
        new Webhook(fresh).verify(message.body(), headers); // throws when no signature matches
        new Webhook(old).verify(message.body(), headers);
        assertThat(message.signature().split(" ")).hasSize(2);
        // and the secret is never shown again
        given().header("Authorization", consumer).get("/v1/subscriptions/{id}", subscription.get("id").asText()).then()
                .body("channel.secret", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aFeedTurnedIntoAWebhookIsGivenASecretShownOnceAndItsMessagesVerifyWithIt() throws Exception {
        // Given a feed subscription
        String filter = "{\"all\": {\"subjects\": [\"20000256\"], \"sources\": [\"" + publisher + "\"]}}";
        String id = given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body("{\"name\": \"pull first\", \"filter\": " + filter + "}")
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");

        // When its consumer changes it to a webhook, and later renames it
        String change = "{\"name\": \"%s\", \"filter\": " + filter + ", \"channel\": {\"type\": \"webhook\", \"url\": \""
                + receiver.url() + "\"}}";
        String secret = given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body(change.formatted("push now")).put("/v1/subscriptions/{id}", id).then().statusCode(200)
                .extract().path("channel.secret");
        String shownAgain = given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body(change.formatted("push, renamed")).put("/v1/subscriptions/{id}", id).then().statusCode(200)
                .extract().path("channel.secret");

        // Then the secret was shown with the change that made it, not again, and the messages verify with it
        assertThat(secret).startsWith("whsec_");
        assertThat(shownAgain).isNull();
        publish(uniqueUri(), 1, "usable");
        Awaitility.await().atMost(WAIT).until(() -> receiver.received.size() >= 1);
        Received message = receiver.received.get(0);
        new Webhook(secret).verify(message.body(), Map.of("webhook-id", List.of(message.id()),
                "webhook-timestamp", List.of(message.timestamp()), "webhook-signature", List.of(message.signature())));
    }

    @Test
    void failuresAreRetriedWithTheSameWebhookIdUntilDeliveredAndLogged() throws Exception {
        JsonNode subscription = subscribe();
        receiver.answers.add(new int[] { 500, 0 });
        receiver.answers.add(new int[] { 429, 0 });
        receiver.answers.add(new int[] { 204, 1500 }); // trickles past the 1 s timeout: a failure
        publish(uniqueUri(), 1, "usable");

        Awaitility.await().atMost(WAIT).until(() -> receiver.received.size() >= 4);
        JsonNode delivery = awaitStatus(subscription, "delivered", 1).get(0);

        assertThat(receiver.received).extracting(Received::id).containsOnly(delivery.get("messageId").asText());
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.get("log").findValuesAsText("statusCode")).as(delivery.get("log").toString()).startsWith("500", "429");
        assertThat(delivery.at("/log/2/error").asText()).contains("no complete answer");
    }

    @Test
    void aReceiverThatAnswersAtOnceButTricklesItsBodyIsCutOffAtTheDeadline() throws Exception {
        // Given a receiver that sends 200 and its headers at once, then a byte of body every 200 ms for 8 s
        JsonNode subscription = subscribe();
        receiver.answers.add(new int[] { 200, 0, 8_000 });
        long start = System.nanoTime();
        publish(uniqueUri(), 1, "usable");

        // When the 1 s deadline (tests) passes, then the attempt failed and the retry is delivered long before 8 s
        JsonNode delivery = awaitStatus(subscription, "delivered", 1).get(0);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.at("/log/0/error").asText()).contains("no complete answer");
    }

    @Test
    void aRedirectIsNotFollowedButCountsAsAFailedAttempt() throws Exception {
        JsonNode subscription = subscribe();
        receiver.answers.add(new int[] { 307, 0 });
        publish(uniqueUri(), 1, "usable");

        JsonNode delivery = awaitStatus(subscription, "delivered", 1).get(0);

        assertThat(receiver.received).hasSize(2); // the first answer's Location was never visited
        assertThat(delivery.get("log").findValuesAsText("statusCode")).containsExactly("307", "204");
    }

    @Test
    void goneDisablesTheSubscription() throws Exception {
        JsonNode subscription = subscribe();
        receiver.answers.add(new int[] { 410, 0 });
        publish(uniqueUri(), 1, "usable");

        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", consumer)
                .get("/v1/subscriptions/{id}", subscription.get("id").asText()).then().body("status", equalTo("disabled")));
        publish(uniqueUri(), 1, "usable");
        Thread.sleep(500);
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void aRefusedMessageIsNotRetriedIsListedAsFailedAndCanBeResent() throws Exception {
        JsonNode subscription = subscribe();
        receiver.answers.add(new int[] { 400, 0 });
        publish(uniqueUri(), 1, "usable");

        JsonNode failed = awaitStatus(subscription, "failed", 1).get(0);
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);

        given().header("Authorization", consumer).post("/v1/subscriptions/{id}/deliveries/{message}/resend",
                subscription.get("id").asText(), failed.get("messageId").asText()).then().statusCode(200);
        awaitStatus(subscription, "delivered", 1);
        assertThat(receiver.received).hasSize(2);
    }

    @Test
    void aReceiverDownForAWhileGetsEverythingAfterwardsInOrderOncePerWebhookId() throws Exception {
        JsonNode subscription = subscribe();
        int port = receiver.port;
        receiver.stop();
        List<String> uris = List.of(uniqueUri(), uniqueUri(), uniqueUri());
        publish(uris.get(0), 1, "usable");
        publish(uris.get(1), 1, "usable");
        publish(uris.get(0), 2, "usable");
        publish(uris.get(2), 1, "usable");
        Thread.sleep(400); // a retry or two fails while the receiver is down

        receiver.start(port);
        Awaitility.await().atMost(WAIT).until(() -> receiver.received.size() >= 4);
        Thread.sleep(300);

        assertThat(receiver.received).extracting(r -> r.json().at("/data/article/uri").asText() + "@"
                + r.json().at("/data/version").asInt())
                .containsExactly(uris.get(0) + "@1", uris.get(1) + "@1", uris.get(0) + "@2", uris.get(2) + "@1");
        assertThat(receiver.received).extracting(Received::id).doesNotHaveDuplicates();
        assertThat(receiver.received.get(2).json().at("/type").asText()).isEqualTo("article.updated");
    }

    @Test
    void aReceiverThatIsDownHoldsUpOnlyItsOwnSubscription() throws Exception {
        Receiver down = new Receiver();
        down.start(0);
        int port = down.port;
        down.stop(); // nobody listens there: its messages wait for retries
        String stuck = given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body("{\"name\": \"stuck\", \"filter\": {\"all\": {\"sources\": [\"" + publisher + "\"]}}, "
                        + "\"channel\": {\"type\": \"webhook\", \"url\": \"http://127.0.0.1:" + port + "/hook\"}}")
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
        subscribe();

        publish(uniqueUri(), 1, "usable");
        publish(uniqueUri(), 1, "usable");

        Awaitility.await().atMost(WAIT).until(() -> receiver.received.size() >= 2);
        assertThat(given().header("Authorization", consumer).queryParam("status", "pending")
                .get("/v1/subscriptions/{id}/deliveries", stuck).then().statusCode(200).extract().jsonPath().getList("$"))
                .hasSize(2);
    }

    @Test
    void aSlowReceiverHoldsUpOnlyItsOwnSubscription() throws Exception {
        // Given a subscription whose receiver takes 0.7 s over every message (the deadline is 1 s), with ten queued
        Receiver slow = new Receiver();
        slow.start(0);
        try {
            for (int i = 0; i < 20; i++) {
                slow.answers.add(new int[] { 204, 700 });
            }
            given().header("Authorization", consumer).contentType(ContentType.JSON)
                    .body("{\"name\": \"slow\", \"filter\": {\"all\": {\"sources\": [\"" + publisher + "\"]}}, "
                            + "\"channel\": {\"type\": \"webhook\", \"url\": \"" + slow.url() + "\"}}")
                    .post("/v1/subscriptions").then().statusCode(201);
            for (int i = 0; i < 10; i++) {
                publish(uniqueUri(), 1, "usable");
            }
            Awaitility.await().atMost(WAIT).until(() -> !slow.received.isEmpty());

            // When another subscription is made and an article arrives for both
            subscribe();
            publish(uniqueUri(), 1, "usable");

            // Then the other receiver has it at once, while the slow one is still working through its queue
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received.size() == 1);
            assertThat(slow.received.size()).isLessThan(11);
        } finally {
            slow.stop();
        }
    }

    @Test
    void aMessageHeldByAnotherInstanceIsNotSentUntilItsLeaseRunsOutThenOnceWithTheSameWebhookId() throws Exception {
        // Given a message whose first attempt was answered 429 "come back in 2 s"
        JsonNode subscription = subscribe();
        receiver.retryAfter = "2";
        receiver.answers.add(new int[] { 429, 0 });
        publish(uniqueUri(), 1, "usable");
        String messageId = awaitAttempts(subscription, 1).get("messageId").asText();

        // When another publish instance claims it for 4 s and is then killed (its claim is left behind)
        Instant leaseEnds = Instant.now().plusSeconds(4);
        try (var connection = database.getConnection();
                var claim = connection.prepareStatement("UPDATE webhook_delivery SET claimed_by = 'a-killed-instance', "
                        + "claimed_until = ? WHERE message_id = ?")) {
            claim.setTimestamp(1, java.sql.Timestamp.from(leaseEnds));
            claim.setString(2, messageId);
            assertThat(claim.executeUpdate()).isEqualTo(1);
        }

        // Then this instance leaves it alone while the lease runs, though it fell due after 2 s, and sends it once after
        JsonNode delivered = awaitStatus(subscription, "delivered", 1).get(0);
        assertThat(receiver.received).extracting(Received::id).containsExactly(messageId, messageId);
        assertThat(receiver.receivedAt.get(1)).isAfterOrEqualTo(leaseEnds);
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void webhookUrlsMustBeHttpAndAUrl() {
        given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"filter\": {\"any\": {\"subjects\": [\"20000256\"]}}, \"channel\": {\"type\": \"webhook\", "
                        + "\"url\": \"gopher://127.0.0.1/x\"}}")
                .post("/v1/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("channel.url"))
                .body("errors[0].rule", equalTo("http-or-https"));
        given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"filter\": {\"any\": {\"subjects\": [\"20000256\"]}}, \"channel\": {\"type\": \"webhook\"}}")
                .post("/v1/subscriptions").then().statusCode(400).body("errors[0].rule", equalTo("required"));
    }

    private JsonNode subscribe() throws IOException {
        String body = given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body("{\"name\": \"push\", \"filter\": {\"all\": {\"subjects\": [\"20000256\"], \"sources\": [\"" + publisher
                        + "\"]}}, \"channel\": {\"type\": \"webhook\", \"url\": \"" + receiver.url() + "\"}}")
                .post("/v1/subscriptions").then().statusCode(201).extract().asString();
        return json.readTree(body);
    }

    private JsonNode awaitAttempts(JsonNode subscription, int attempts) {
        JsonNode[] delivery = new JsonNode[1];
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode list = json.readTree(given().header("Authorization", consumer)
                    .get("/v1/subscriptions/{id}/deliveries", subscription.get("id").asText()).then().statusCode(200)
                    .extract().asString());
            delivery[0] = list.path(0);
            return delivery[0].path("attempts").asInt() >= attempts;
        });
        return delivery[0];
    }

    private JsonNode awaitStatus(JsonNode subscription, String status, int count) {
        JsonNode[] list = new JsonNode[1];
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            list[0] = json.readTree(given().header("Authorization", consumer).queryParam("status", status)
                    .get("/v1/subscriptions/{id}/deliveries", subscription.get("id").asText()).then().statusCode(200)
                    .extract().asString());
            return list[0].size() >= count;
        });
        return list[0];
    }

    /** Each test has its own publisher, so that its subscription gets only its own articles. */
    private final String publisher = "wire-" + UUID.randomUUID().toString().substring(0, 8);

    private void publish(String uri, int version, String pubStatus) throws IOException {
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/ferry-timetable.json")) {
            article = (ObjectNode) json.readTree(in);
        }
        article.put("uri", uri).put("version", Integer.toString(version)).put("pubStatus", pubStatus);
        article.putArray("subjects").addObject().put("name", "energy and resource").put("uri", ENERGY);
        Enrichment enrichment = new Enrichment("0.7.0", "en", "publisher", 1.0, 31, List.of("ferry"), List.of(), List.of(),
                null, null, "story-x", List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        ArticleEnriched event = new ArticleEnriched(StableIds.articleId(publisher, uri), UUID.randomUUID().toString(),
                publisher, Instant.parse("2026-11-28T09:00:00Z"), article, enrichment);
        TopicWriter.sendEvent(Topics.ARTICLES_ENRICHED, uri, UUID.randomUUID().toString(), EventTypes.ARTICLE_ENRICHED,
                json.writeValueAsString(event));
    }

    private static String uniqueUri() {
        return "urn:newsroom:hooks:" + UUID.randomUUID();
    }
}
