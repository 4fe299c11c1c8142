package org.newsflow.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code ./newsflow chaos run}: a known set of articles pushed through every ingest instance while the drill kills
 * and restarts, in turn, the leader of a partition of {@code articles.submitted}, the active controller, and one
 * instance of each service; then every accepted version is looked for on {@code articles.published}, in a feed
 * (read page by page from alternating publish instances) and at a webhook receiver that verifies every signature
 * with the Standard Webhooks library. Prints one row per fault and a JSON line; exits non-zero when anything was
 * lost or repeated.
 */
final class ChaosDrill {

    private static final Duration WAIT_FOR_PUBLICATION = Duration.ofMinutes(3);
    private static final String TOPIC = "articles.submitted";
    /** About as long as the fault schedule takes, restarts included: every fault sees pushes. */
    private static final Duration PUSHING = Duration.ofSeconds(90);

    private final Settings settings;
    private final Chaos chaos;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String publisher = "chaos-" + run;
    /** The fault in force while an article was pushed, by "articleId@version". */
    private final Map<String, String> phaseOf = new ConcurrentHashMap<>();
    private final List<String> phases = new ArrayList<>();
    private volatile String phase = "no fault";
    private final AtomicInteger retriedPushes = new AtomicInteger();
    /** What the webhook receiver got: webhook-id → times, version → webhook-ids. */
    private final Map<String, Integer> webhookIds = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> webhookIdsOf = new ConcurrentHashMap<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private volatile String webhookSecret;

    ChaosDrill(Settings settings, Chaos chaos) {
        this.settings = settings;
        this.chaos = chaos;
    }

    void run(List<String> arguments) {
        int articles = 300;
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--articles") && i + 1 < arguments.size()) {
                articles = Integer.parseInt(arguments.get(++i));
            }
        }
        if (settings.brokers() < 3 || settings.replicas() < 2 || settings.db() != Settings.Database.POSTGRES) {
            throw Console.fail("the drill needs 3 brokers and 2 instances of every service on PostgreSQL: "
                    + "./newsflow up -d --db postgres --brokers 3 --replicas 2");
        }
        if (!new Pipeline(settings).isRunning()) {
            throw Console.fail("Newsflow is not running: ./newsflow up -d --db postgres --brokers 3 --replicas 2");
        }
        Console.step("chaos drill " + run + ": " + articles + " articles of publisher " + publisher);
        HttpServer receiver = startReceiver();
        try {
            String publisherKey = new Publishers(settings).keyOf(publisher, "Chaos drill " + run);
            String consumerKey = consumer();
            String filter = "{\"all\": {\"sources\": [\"" + publisher + "\"]}}";
            String feed = subscribe(consumerKey, "{\"name\": \"chaos feed\", \"filter\": " + filter + "}").get("id").asText();
            webhookSecret = subscribe(consumerKey, "{\"name\": \"chaos webhook\", \"filter\": " + filter
                    + ", \"channel\": {\"type\": \"webhook\", \"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hook\"}}").at("/channel/secret").asText();

            List<String[]> versions = articlesToPush(articles);
            Thread pusher = new Thread(() -> pushAll(publisherKey, versions), "chaos-pusher");
            pusher.start();
            faults();
            join(pusher);
            Console.done("pushed " + phaseOf.size() + " versions (" + retriedPushes.get() + " pushes retried on another "
                    + "instance or later)");

            Map<String, Integer> feedSeen = awaitFeed(consumerKey, feed);
            awaitWebhooks();
            Map<String, Set<String>> publishedIds = readPublished();
            report(feedSeen, publishedIds);
        } finally {
            receiver.stop(0);
        }
    }

    /** The versions to push, in order: five sixths are new articles, the rest second versions of earlier ones. */
    private List<String[]> articlesToPush(int count) {
        List<String[]> versions = new ArrayList<>();
        int updates = count / 6;
        int news = count - updates;
        for (int i = 0; i < news; i++) {
            versions.add(new String[] { "urn:chaos:" + run + ":" + i, "1" });
            if (i % 5 == 4 && i / 5 < updates) {
                versions.add(new String[] { "urn:chaos:" + run + ":" + (i - 2), "2" });
            }
        }
        return versions;
    }

    /** The fault schedule, run while the pusher pushes (spread over about a minute, the schedule's length). */
    private void faults() {
        during("no fault", 4);
        int leader = new ClusterView(settings).leaderOf(TOPIC, 0);
        phase("leader of " + TOPIC + "/0 (broker " + leader + ") killed");
        chaos.killBroker(leader);
        during(null, 6);
        chaos.startBroker(leader);
        during("broker " + leader + " back", 4);
        int controller = new ClusterView(settings).activeController();
        phase("active controller (broker " + controller + ") killed");
        chaos.killBroker(controller);
        during(null, 6);
        chaos.startBroker(controller);
        during("broker " + controller + " back", 4);
        phase("ingest 2, enrich 2 and publish 2 killed");
        for (Service service : Service.values()) {
            chaos.kill(service.instance(2));
        }
        during(null, 6);
        for (Service service : Service.values()) {
            chaos.start(service.instance(2));
        }
        during("every instance back", 4);
    }

    private void phase(String name) {
        phase = name;
        phases.add(name);
        Console.step(name);
    }

    private void during(String name, int seconds) {
        if (name != null) {
            phase(name);
        }
        Broker.sleep(seconds * 1000L);
    }

    private void pushAll(String key, List<String[]> versions) {
        long start = System.nanoTime();
        long every = PUSHING.toNanos() / Math.max(1, versions.size());
        for (int i = 0; i < versions.size(); i++) {
            long due = start + i * every;
            long now = System.nanoTime();
            if (due > now) {
                Broker.sleep((due - now) / 1_000_000);
            }
            String[] version = versions.get(i);
            String pushedIn = phase;
            String articleId = push(key, i, version[0], version[1]);
            phaseOf.put(articleId + "@" + version[1], pushedIn);
        }
    }

    /** Pushes one version until an ingest instance accepts it, trying the next instance after a failure. */
    private String push(String key, int n, String uri, String version) {
        ObjectNode article = json.createObjectNode().put("uri", uri).put("type", "text").put("version", version)
                .put("pubStatus", "usable").put("language", "en");
        article.putArray("headlines").addObject().put("role", "main")
                .put("value", "Drill " + run + ": ferry timetable notice number " + uri.substring(uri.lastIndexOf(':') + 1));
        article.putArray("bodies").addObject().put("role", "main").put("contentType", "text/plain")
                .put("value", "The harbour office published timetable change " + n + " (version " + version
                        + ") for the island ferries; crossings keep their usual berths.");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            Service.Instance ingest = Service.INGEST.instance(1 + (n + attempt) % settings.replicas());
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ingest.url(settings) + "/v1/articles"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", run + "-" + n) // a retry after a lost answer is answered, not stored again
                        .POST(HttpRequest.BodyPublishers.ofString(article.toString())).timeout(Duration.ofSeconds(15)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202 || answer.statusCode() == 200) {
                    return json.readTree(answer.body()).get("articleId").asText();
                }
                if (answer.statusCode() < 500 && answer.statusCode() != 429) {
                    throw Console.fail("ingest refused a drill article (" + answer.statusCode() + "): " + answer.body());
                }
            } catch (IOException e) {
                // that instance is down: the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Console.fail("interrupted");
            }
            retriedPushes.incrementAndGet();
            Broker.sleep(200);
        }
        throw Console.fail("no ingest instance accepted " + uri + " v" + version + " within 2 minutes");
    }

    private String consumer() {
        String id = "chaos-" + run;
        HttpResponse<String> answer = call("POST", Service.PUBLISH.instance(1).url(settings) + "/v1/admin/consumers",
                new Publishers(settings).publishAdminToken(), "{\"id\": \"" + id + "\", \"name\": \"Chaos drill " + run + "\"}");
        if (answer == null || answer.statusCode() != 201) {
            throw Console.fail("cannot create the drill's consumer: " + (answer == null ? "publish-service unreachable"
                    : answer.statusCode() + " " + answer.body()));
        }
        return read(answer.body()).get("apiKey").asText();
    }

    private JsonNode subscribe(String consumerKey, String body) {
        HttpResponse<String> answer = call("POST", Service.PUBLISH.instance(1).url(settings) + "/v1/subscriptions",
                consumerKey, body);
        if (answer == null || answer.statusCode() != 201) {
            throw Console.fail("cannot subscribe: " + (answer == null ? "publish-service unreachable"
                    : answer.statusCode() + " " + answer.body()));
        }
        return read(answer.body());
    }

    /** Reads the feed from the start, a page at a time from alternating publish instances, until it holds every version. */
    private Map<String, Integer> awaitFeed(String consumerKey, String subscription) {
        Console.step("reading the feed until it holds all " + phaseOf.size() + " versions");
        long deadline = System.nanoTime() + WAIT_FOR_PUBLICATION.toNanos();
        Map<String, Integer> seen = new HashMap<>();
        String cursor = null;
        int page = 0;
        while (System.nanoTime() < deadline && !seen.keySet().containsAll(phaseOf.keySet())) {
            Service.Instance publish = Service.PUBLISH.instance(1 + page++ % settings.replicas());
            HttpResponse<String> answer = call("GET", publish.url(settings) + "/v1/subscriptions/" + subscription + "/feed?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), consumerKey, null);
            if (answer == null || answer.statusCode() != 200) {
                Broker.sleep(500);
                continue;
            }
            JsonNode body = read(answer.body());
            for (JsonNode item : body.path("items")) {
                seen.merge(item.path("articleId").asText() + "@" + item.path("version").asText(), 1, Integer::sum);
            }
            cursor = body.path("next").asText(cursor);
            if (!body.path("more").asBoolean()) {
                Broker.sleep(500);
            }
        }
        return seen;
    }

    private void awaitWebhooks() {
        long deadline = System.nanoTime() + WAIT_FOR_PUBLICATION.toNanos();
        while (System.nanoTime() < deadline && !webhookIdsOf.keySet().containsAll(phaseOf.keySet())) {
            Broker.sleep(500);
        }
        Broker.sleep(3000); // a late repeat would show now
    }

    /** Every drill version on articles.published: "articleId@version" → the event ids it was published under. */
    private Map<String, Set<String>> readPublished() {
        Map<String, Set<String>> published = new HashMap<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor("articles.published")) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode event = read(new String(record.value(), StandardCharsets.UTF_8));
                    if (publisher.equals(event.path("publisherId").asText())) {
                        Header id = record.headers().lastHeader("ce_id");
                        published.computeIfAbsent(event.path("articleId").asText() + "@"
                                + event.path("article").path("version").asText(), k -> new java.util.HashSet<>())
                                .add(id == null ? "?" : new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return published;
    }

    private void report(Map<String, Integer> feedSeen, Map<String, Set<String>> published) {
        Map<String, int[]> rows = new LinkedHashMap<>(); // pushed, published, lost, repeated, feed once, webhook once
        phases.forEach(p -> rows.put(p, new int[6]));
        phaseOf.forEach((version, pushedIn) -> {
            int[] row = rows.get(pushedIn);
            row[0]++;
            Set<String> ids = published.getOrDefault(version, Set.of());
            if (!ids.isEmpty()) {
                row[1]++;
            } else {
                row[2]++;
            }
            if (ids.size() > 1) {
                row[3]++;
            }
            if (feedSeen.getOrDefault(version, 0) == 1) {
                row[4]++;
            }
            if (webhookIdsOf.getOrDefault(version, Set.of()).size() == 1) {
                row[5]++;
            }
        });
        Console.info("");
        Console.info(String.format("%-44s %7s %9s %5s %8s %10s %13s", "fault while pushed", "pushed", "published", "lost",
                "repeated", "feed once", "webhook once"));
        int[] all = new int[6];
        rows.forEach((name, row) -> {
            Console.info(String.format("%-44s %7d %9d %5d %8d %10d %13d", name, row[0], row[1], row[2], row[3], row[4], row[5]));
            for (int i = 0; i < 6; i++) {
                all[i] += row[i];
            }
        });
        Console.info(String.format("%-44s %7d %9d %5d %8d %10d %13d", "all", all[0], all[1], all[2], all[3], all[4], all[5]));
        long sameIdAgain = webhookIds.values().stream().filter(times -> times > 1).count();
        Console.info("webhook-ids received more than once (at-least-once after a kill, same id): " + sameIdAgain
                + "; signatures that failed the Standard Webhooks check: " + badSignatures.get());
        Console.info("{\"run\":\"" + run + "\",\"brokers\":" + settings.brokers() + ",\"replicas\":" + settings.replicas()
                + ",\"pushed\":" + all[0] + ",\"published\":" + all[1] + ",\"lost\":" + all[2] + ",\"repeated\":" + all[3]
                + ",\"feedExactlyOnce\":" + all[4] + ",\"webhookExactlyOncePerId\":" + all[5] + ",\"webhookIdsRedelivered\":"
                + sameIdAgain + ",\"badSignatures\":" + badSignatures.get() + ",\"pushesRetried\":" + retriedPushes.get() + "}");
        if (all[2] > 0 || all[3] > 0 || all[4] < all[0] || all[5] < all[0] || badSignatures.get() > 0) {
            throw Console.fail("the drill found lost or repeated articles (table above)");
        }
        Console.done("every accepted version published once, read once from the feed, and delivered once per webhook-id");
    }

    private HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.createContext("/hook", exchange -> {
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                var headers = exchange.getRequestHeaders();
                String id = headers.getFirst("webhook-id");
                try {
                    new Webhook(webhookSecret).verify(body, Map.of("webhook-id", List.of(id),
                            "webhook-timestamp", List.of(headers.getFirst("webhook-timestamp")),
                            "webhook-signature", List.of(headers.getFirst("webhook-signature"))));
                    JsonNode data = read(body).path("data");
                    webhookIds.merge(id, 1, Integer::sum);
                    webhookIdsOf.computeIfAbsent(data.path("articleId").asText() + "@" + data.path("version").asText(),
                            k -> ConcurrentHashMap.newKeySet()).add(id);
                    exchange.sendResponseHeaders(204, -1);
                } catch (Exception e) {
                    badSignatures.incrementAndGet();
                    exchange.sendResponseHeaders(400, -1);
                }
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return server;
        } catch (IOException e) {
            throw Console.fail("cannot start the drill's webhook receiver: " + e.getMessage());
        }
    }

    private HttpResponse<String> call(String method, String url, String bearer, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Console.fail("interrupted");
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw Console.fail("not JSON: " + text);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Console.fail("interrupted");
        }
    }
}
