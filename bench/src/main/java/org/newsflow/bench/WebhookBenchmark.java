package org.newsflow.bench;

import static org.newsflow.bench.PipelineBenchmark.pct;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * End-to-end webhook delivery against the running pipeline (./newsflow up): pushes articles through ingest and
 * measures when a webhook receiver started here gets them — throughput and push-to-webhook latency, one clock.
 * <pre>
 *   ./newsflow bench-webhooks [--articles N] [--concurrency C]     defaults: 1,000 articles, 8 clients
 * </pre>
 */
public final class WebhookBenchmark {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int articles = IntakeBenchmark.option(args, "--articles", 1000);
        int concurrency = IntakeBenchmark.option(args, "--concurrency", 8);
        Path home = Path.of(System.getProperty("newsflow.home", "."));
        new WebhookBenchmark().run(IngestClient.localToken(home, "admin-token"),
                IngestClient.localToken(home, "publish-admin-token"), articles, concurrency);
    }

    private void run(String admin, String publishAdmin, int count, int concurrency) throws Exception {
        String ingest = "http://localhost:" + System.getenv().getOrDefault("NEWSFLOW_INGEST_PORT", "8081");
        String publish = "http://localhost:" + System.getenv().getOrDefault("NEWSFLOW_PUBLISH_PORT", "8083");
        String run = Long.toString(System.currentTimeMillis(), 36);

        Map<String, Long> received = new ConcurrentHashMap<>();
        Set<String> messageIds = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode body = json.readTree(in.readAllBytes());
                if (!messageIds.add(exchange.getRequestHeaders().getFirst("webhook-id"))) {
                    duplicates.incrementAndGet();
                }
                received.putIfAbsent(body.at("/data/article/uri").asText(), now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.start();

        String publisher = "hooks-" + run;
        String key = AdminCalls.create(http, ingest + "/v1/admin/publishers", admin,
                "{\"id\": \"" + publisher + "\", \"name\": \"Webhook benchmark\"}").get("apiKey").asText();
        String consumerKey = AdminCalls.create(http, publish + "/v1/admin/consumers", publishAdmin,
                "{\"id\": \"" + publisher + "\"}").get("apiKey").asText();
        AdminCalls.create(http, publish + "/v1/subscriptions", consumerKey,
                "{\"name\": \"bench\", \"filter\": {\"all\": {\"sources\": [\""
                + publisher + "\"]}}, \"channel\": {\"type\": \"webhook\", \"url\": \"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook\"}}");

        System.out.printf("Webhook benchmark: %d articles pushed by %d clients, one webhook subscription%n", count, concurrency);
        ArticleGenerator generator = new ArticleGenerator(7);
        List<ObjectNode> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(generator.next(400));
        }
        Map<String, Long> pushed = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            work.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    ObjectNode article = bodies.get(i);
                    pushed.put(article.get("uri").asText(), System.nanoTime());
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/articles"))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(article.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 202) {
                        throw new IllegalStateException("push refused: " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : work) {
            w.get();
        }
        clients.shutdown();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        receiver.stop(0);

        long last = received.values().stream().mapToLong(Long::longValue).max().orElse(start);
        long[] latencies = received.entrySet().stream().filter(e -> pushed.containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - pushed.get(e.getKey())).sorted().toArray();
        double seconds = (last - start) / 1e9;
        System.out.printf("  delivered %d of %d (%d duplicate webhook-ids) in %.1f s: %.0f webhooks/s end to end%n",
                received.size(), count, duplicates.get(), seconds, received.size() / seconds);
        System.out.printf("  push → webhook: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n", pct(latencies, 50), pct(latencies, 95),
                pct(latencies, 99));
        System.out.printf("{\"articles\": %d, \"delivered\": %d, \"duplicates\": %d, \"webhooksPerSecond\": %.1f, "
                + "\"p50Ms\": %.0f, \"p99Ms\": %.0f}%n", count, received.size(), duplicates.get(), received.size() / seconds,
                pct(latencies, 50), pct(latencies, 99));
    }

}
