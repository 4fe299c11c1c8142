package org.newsflow.publish.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Live streams read by a plain HTTP client as Server-Sent Events, and resumed after the last event id. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class StreamTest {

    private static final String ENERGY = "http://cv.iptc.org/newscodes/mediatopic/20000256";

    @TestHTTPResource("/")
    URI base;

    @Inject
    ObjectMapper json;

    @Inject
    javax.sql.DataSource database;

    String consumer;
    String consumerId;
    final String publisher = "stream-wire-" + UUID.randomUUID().toString().substring(0, 8);

    /** One server-sent event. */
    record Event(String id, String name, JsonNode data) {
    }

    @BeforeEach
    void consumer() {
        consumerId = "stream-" + UUID.randomUUID().toString().substring(0, 8);
        consumer = TestConsumers.register(consumerId);
    }

    @Test
    void aSubscriptionStreamSendsWhatArrivesAndResumesAfterTheLastEventId() throws Exception {
        String subscription = given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body("{\"name\": \"live\", \"filter\": {\"all\": {\"sources\": [\"" + publisher + "\"]}}}")
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
        String first = uniqueUri();
        String second = uniqueUri();

        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        var connection = listen("/v1/subscriptions/" + subscription + "/stream", null, events);
        publish(first, 1, "usable");
        Event received = events.poll(20, TimeUnit.SECONDS);
        connection.close();
        assertThat(received).isNotNull();
        assertThat(received.name()).isEqualTo("new");
        assertThat(received.data().at("/article/uri").asText()).isEqualTo(first);

        publish(second, 1, "usable"); // arrives while nobody listens
        BlockingQueue<Event> resumed = new LinkedBlockingQueue<>();
        var again = listen("/v1/subscriptions/" + subscription + "/stream", received.id(), resumed);
        Event next = resumed.poll(20, TimeUnit.SECONDS);
        again.close();
        assertThat(next).isNotNull();
        assertThat(next.data().at("/article/uri").asText()).isEqualTo(second);
    }

    @Test
    void anAdHocStreamFiltersLiveArticles() throws Exception {
        String filter = "{\"all\": {\"sources\": [\"" + publisher + "\"], \"languages\": [\"de\"]}}";
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        var connection = listen("/v1/stream?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), null, events);
        Thread.sleep(300);
        String english = uniqueUri();
        String german = uniqueUri();
        publish(english, 1, "usable");
        publishIn(german, "de");

        Event received = events.poll(20, TimeUnit.SECONDS);
        connection.close();
        assertThat(received).isNotNull();
        assertThat(received.data().at("/article/uri").asText()).isEqualTo(german);
        assertThat(received.data().at("/articleId").asText()).isEqualTo(StableIds.articleId(publisher, german));
    }

    @Test
    void anAdHocStreamResumedFromFarBehindGetsEveryVersionSinceOnceInOrderThenLiveOnes() throws Exception {
        // Given a stream of one publisher's articles that saw eight of them (more than the newest versions kept in
        // memory in tests, so resuming from the first reads the database), then hung up while two more arrived
        String filter = URLEncoder.encode("{\"all\": {\"sources\": [\"" + publisher + "\"]}}", StandardCharsets.UTF_8);
        BlockingQueue<Event> seen = new LinkedBlockingQueue<>();
        var first = listen("/v1/stream?filter=" + filter, null, seen);
        Thread.sleep(300);
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            uris.add(uniqueUri());
            publish(uris.get(i), 1, "usable");
        }
        List<Event> before = take(seen, 8);
        first.close();
        String update = uris.get(3);
        publish(update, 2, "usable");
        String killed = uris.get(5);
        publish(killed, 2, "canceled");

        // When it resumes after the first event it saw
        BlockingQueue<Event> resumed = new LinkedBlockingQueue<>();
        var again = listen("/v1/stream?filter=" + filter, before.get(0).id(), resumed);
        List<Event> caughtUp = take(resumed, 9);
        String live = uniqueUri();
        publish(live, 1, "usable");
        Event next = resumed.poll(20, TimeUnit.SECONDS);
        again.close();

        // Then it gets the seven it had not yet seen with the ids it first had, the update and the kill, each once,
        // in the order of their ids; then the live article
        assertThat(caughtUp.subList(0, 7)).extracting(Event::id)
                .containsExactlyElementsOf(before.subList(1, 8).stream().map(Event::id).toList());
        assertThat(caughtUp.subList(7, 9)).extracting(Event::name).containsExactlyInAnyOrder("update", "kill");
        assertThat(caughtUp.subList(7, 9)).extracting(e -> e.data().at("/article/uri").asText())
                .containsExactlyInAnyOrder(update, killed);
        assertThat(caughtUp).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates();
        assertThat(before).extracting(e -> e.data().at("/article/uri").asText()).containsExactlyInAnyOrderElementsOf(uris);
        assertThat(next).isNotNull();
        assertThat(next.data().at("/article/uri").asText()).isEqualTo(live);
        assertThat(next.name()).isEqualTo("new");
    }

    @Test
    void aVersionAnotherInstanceCommitsWhileThisOnePublishesIsStreamedFirstNotSkipped() throws Exception {
        // Given an open stream of one publisher's articles
        String filter = URLEncoder.encode("{\"all\": {\"sources\": [\"" + publisher + "\"]}}", StandardCharsets.UTF_8);
        BlockingQueue<Event> seen = new LinkedBlockingQueue<>();
        var stream = listen("/v1/stream?filter=" + filter, null, seen);
        Thread.sleep(300);
        String theirs = uniqueUri();
        String ours = uniqueUri();
        try (java.sql.Connection otherInstance = database.getConnection()) {
            // and another publish instance in the middle of publishing one of them (its turn taken, not yet committed)
            otherInstance.setAutoCommit(false);
            publishAsAnotherInstance(otherInstance, theirs);

            // When this instance publishes another article meanwhile, and only then the other instance commits
            publish(ours, 1, "usable");
            assertThat(seen.poll(1, TimeUnit.SECONDS)).as("nothing may be streamed before the earlier turn commits").isNull();
            otherInstance.commit();
        }

        // Then the stream has both, the other instance's first: a stream never passes a version still to come
        List<Event> events = take(seen, 2);
        stream.close();
        assertThat(events).extracting(e -> e.data().at("/article/uri").asText()).containsExactly(theirs, ours);
        assertThat(Long.parseLong(events.get(1).id())).isEqualTo(Long.parseLong(events.get(0).id()) + 1);
    }

    /** What a second publish instance writes when it publishes a version: its stream position, then the version. */
    private void publishAsAnotherInstance(java.sql.Connection connection, String uri) throws Exception {
        long position;
        try (var advance = connection.prepareStatement("update stream_counter set length = length + 1 where id = 1");
                var read = connection.prepareStatement("select length from stream_counter where id = 1")) {
            advance.executeUpdate();
            try (var row = read.executeQuery()) {
                row.next();
                position = row.getLong(1);
            }
        }
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/ferry-timetable.json")) {
            article = (ObjectNode) json.readTree(in);
        }
        article.put("uri", uri).put("version", "1").put("pubStatus", "usable");
        String articleId = StableIds.articleId(publisher, uri);
        Enrichment enrichment = new Enrichment("0.7.0", "en", "publisher", 1.0, 31, List.of("ferry"), List.of(), List.of(),
                null, null, "story-y", List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        String payload = json.writeValueAsString(new org.newsflow.contract.ArticlePublished(articleId,
                UUID.randomUUID().toString(), publisher, Instant.parse("2026-11-28T09:00:00Z"), Instant.now(), article,
                enrichment));
        try (var insert = connection.prepareStatement("insert into article_version (id, stream_position, event_id, "
                + "article_id, uri, version, pub_status, published_at, payload) values (?, ?, ?, ?, ?, 1, 'usable', ?, ?)")) {
            insert.setLong(1, 9_000_000_000L + (System.nanoTime() & 0xFFFFFF));
            insert.setLong(2, position);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, articleId);
            insert.setString(5, uri);
            insert.setTimestamp(6, java.sql.Timestamp.from(Instant.now()));
            insert.setString(7, payload);
            insert.executeUpdate();
        }
    }

    /** The next {@code count} events, failing if they do not come within 20 s. */
    private static List<Event> take(BlockingQueue<Event> events, int count) throws InterruptedException {
        List<Event> taken = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (taken.size() < count) {
            Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(event).as("event %d of %d", taken.size() + 1, count).isNotNull();
            taken.add(event);
        }
        return taken;
    }

    @Test
    void aRevokedKeyEndsItsOpenStreams() throws Exception {
        // Given a consumer following the live stream
        InputStream stream = listen("/v1/stream", null, new LinkedBlockingQueue<>());
        Thread reader = new Thread(() -> {
            try {
                stream.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // hung up
            }
        });
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(1_500);
        assertThat(reader.isAlive()).as("the stream is open before the key is revoked").isTrue();

        // When its key is revoked, then the stream ends within a heartbeat (1 s in tests)
        given().header("Authorization", "Bearer test-admin-token").queryParam("revokeOthers", true)
                .post("/v1/admin/consumers/{id}/keys", consumerId).then().statusCode(201);
        reader.join(10_000);
        assertThat(reader.isAlive()).as("the stream was closed").isFalse();
    }

    @Test
    void aConsumerOverItsStreamLimitIsToldToComeBackLater() throws Exception {
        // Given a consumer holding as many streams as it may (20 by default)
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                open.add(listen("/v1/stream", null, new LinkedBlockingQueue<>()));
            }

            // When it opens one more, then it gets 429 with Retry-After
            given().header("Authorization", consumer).header("Accept", "text/event-stream").get("/v1/stream").then()
                    .statusCode(429).contentType("application/problem+json").header("Retry-After", "5")
                    .body("errors[0].rule", org.hamcrest.Matchers.equalTo("consumer-connections"));
        } finally {
            for (InputStream stream : open) {
                stream.close();
            }
        }
    }

    @Test
    void aStreamWithABadFilterOrCursorIsRefusedBeforeItOpens() {
        given().header("Authorization", consumer).queryParam("filter", "{\"all\": {\"subjects\": [\"123\"]}}")
                .get("/v1/stream").then().statusCode(400).contentType("application/problem+json");
        given().get("/v1/stream").then().statusCode(401);
    }

    /** Reads the stream on a background thread into {@code events}; close the returned stream to hang up. */
    private InputStream listen(String path, String lastEventId, BlockingQueue<Event> events) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", consumer)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        InputStream body = response.body();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                List<String> data = new ArrayList<>();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        events.add(new Event(id, name, json.readTree(String.join("\n", data))));
                        data.clear();
                    }
                }
            } catch (IOException e) {
                // hung up
            }
        });
        reader.setDaemon(true);
        reader.start();
        return body;
    }

    private void publish(String uri, int version, String pubStatus) throws IOException {
        send(uri, version, pubStatus, "en");
    }

    private void publishIn(String uri, String language) throws IOException {
        send(uri, 1, "usable", language);
    }

    private void send(String uri, int version, String pubStatus, String language) throws IOException {
        ObjectNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/ferry-timetable.json")) {
            article = (ObjectNode) json.readTree(in);
        }
        article.put("uri", uri).put("version", Integer.toString(version)).put("pubStatus", pubStatus).put("language", language);
        article.putArray("subjects").addObject().put("name", "energy and resource").put("uri", ENERGY);
        Enrichment enrichment = new Enrichment("0.7.0", language, "publisher", 1.0, 31, List.of("ferry"), List.of(),
                List.of(), null, null, "story-x", List.of(), Instant.parse("2026-11-28T09:00:01Z"));
        ArticleEnriched event = new ArticleEnriched(StableIds.articleId(publisher, uri), UUID.randomUUID().toString(),
                publisher, Instant.parse("2026-11-28T09:00:00Z"), article, enrichment);
        TopicWriter.sendEvent(Topics.ARTICLES_ENRICHED, uri, UUID.randomUUID().toString(), EventTypes.ARTICLE_ENRICHED,
                json.writeValueAsString(event));
    }

    private static String uniqueUri() {
        return "urn:newsroom:stream:" + UUID.randomUUID();
    }
}
