package org.newsflow.bench;

import static org.newsflow.bench.PipelineBenchmark.pct;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Live streams under load, against the running pipeline (./newsflow up): K clients hold {@code /v1/stream} open
 * (every other one with a filter, the rest unfiltered like the console's live page) while articles are pushed at a
 * steady rate. Run once with one stream and once with K, it prints publish-service's CPU per article both times —
 * the difference is what the other streams cost — and push-to-stream latency, and checks that every stream got
 * every article exactly once.
 * <pre>
 *   ./newsflow bench-streams [--streams K] [--articles N] [--rate R] [--warmup W]
 *       defaults: 100 streams, 200 articles, 10/s, 300 articles first (with one stream) to warm the services up
 * </pre>
 */
public final class StreamBenchmark {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String ingest = "http://localhost:" + System.getenv().getOrDefault("NEWSFLOW_INGEST_PORT", "8081");
    private final String publish = "http://localhost:" + System.getenv().getOrDefault("NEWSFLOW_PUBLISH_PORT", "8083");
    private final Path home = Path.of(System.getProperty("newsflow.home", "."));
    private final String admin;
    private final String publishAdmin;
    private final IngestClient intake;

    private StreamBenchmark(String admin, String publishAdmin) {
        this.admin = admin;
        this.publishAdmin = publishAdmin;
        this.intake = new IngestClient(ingest, admin);
    }

    /** What one phase measured. */
    private record Phase(int streams, int articles, double publishCpuSeconds, long expected, long received,
            long duplicates, long[] latenciesNanos) {
    }

    public static void main(String[] args) throws Exception {
        int streams = IntakeBenchmark.option(args, "--streams", 100);
        int articles = IntakeBenchmark.option(args, "--articles", 200);
        int rate = IntakeBenchmark.option(args, "--rate", 10);
        int warmup = IntakeBenchmark.option(args, "--warmup", 300);
        Path home = Path.of(System.getProperty("newsflow.home", "."));
        new StreamBenchmark(IngestClient.localToken(home, "admin-token"), IngestClient.localToken(home, "publish-admin-token"))
                .run(streams, articles, rate, warmup);
    }

    private void run(int streams, int articles, int rate, int warmup) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String publisher = "streams-" + run;
        String key = AdminCalls.create(http, ingest + "/v1/admin/publishers", admin,
                "{\"id\": \"" + publisher + "\", \"name\": \"Stream benchmark\"}").get("apiKey").asText();
        String consumerKey = AdminCalls.create(http, publish + "/v1/admin/consumers", publishAdmin,
                "{\"id\": \"" + publisher + "\"}").get("apiKey").asText();
        System.out.printf("Stream benchmark: %d articles at %d/s, first with one stream open, then with %d streams%n",
                articles, rate, streams);

        ArticleGenerator generator = new ArticleGenerator(11);
        if (warmup > 0) { // a freshly started service runs several times slower until the JIT has compiled it
            System.out.printf("  warming up: %d articles, one stream%n", warmup);
            phase(key, consumerKey, publisher, generator, 1, warmup, rate);
        }
        Phase alone = phase(key, consumerKey, publisher, generator, 1, articles, rate);
        Phase loaded = phase(key, consumerKey, publisher, generator, streams, articles, rate);

        for (Phase phase : List.of(alone, loaded)) {
            long[] sorted = phase.latenciesNanos();
            System.out.printf("  %3d streams: publish-service %.2f ms CPU per article; %d of %d stream events received"
                    + " (%d twice); push → stream p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n", phase.streams(),
                    phase.publishCpuSeconds() * 1000 / phase.articles(), phase.received(), phase.expected(),
                    phase.duplicates(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
        }
        double extra = (loaded.publishCpuSeconds() - alone.publishCpuSeconds()) * 1000 / articles;
        System.out.printf("  %d more streams cost publish-service %.2f ms CPU per article, %.3f ms per article and stream%n",
                streams - 1, extra, streams <= 1 ? 0 : extra / (streams - 1));
        System.out.printf("{\"streams\": %d, \"articles\": %d, \"rate\": %d, \"cpuMsPerArticleOneStream\": %.2f, "
                + "\"cpuMsPerArticleWithStreams\": %.2f, \"expected\": %d, \"received\": %d, \"duplicates\": %d, "
                + "\"p50Ms\": %.0f, \"p99Ms\": %.0f}%n", streams, articles, rate,
                alone.publishCpuSeconds() * 1000 / articles, loaded.publishCpuSeconds() * 1000 / articles,
                loaded.expected(), loaded.received(), loaded.duplicates(), pct(loaded.latenciesNanos(), 50),
                pct(loaded.latenciesNanos(), 99));
        if (loaded.received() < loaded.expected() || loaded.duplicates() > 0) {
            System.exit(1);
        }
    }

    private Phase phase(String key, String consumerKey, String publisher, ArticleGenerator generator, int streams,
            int articles, int rate) throws Exception {
        Map<String, Long> pushedAt = new ConcurrentHashMap<>();
        List<Map<String, Long>> receivedAt = new ArrayList<>();
        AtomicInteger duplicates = new AtomicInteger();
        List<InputStream> open = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(streams);
        String filter = URLEncoder.encode("{\"all\": {\"sources\": [\"" + publisher + "\"]}}", StandardCharsets.UTF_8);
        for (int s = 0; s < streams; s++) {
            Map<String, Long> got = new ConcurrentHashMap<>();
            receivedAt.add(got);
            String path = s % 2 == 0 ? "/v1/stream" : "/v1/stream?filter=" + filter;
            open.add(listen(path, consumerKey, got, duplicates, connected));
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not all streams opened within 60 s");
        }
        Thread.sleep(1_000);
        double cpuBefore = publishCpu();
        List<String> uris = push(key, generator, articles, rate, pushedAt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !receivedAt.stream().allMatch(got -> got.keySet().containsAll(uris))) {
            Thread.sleep(100);
        }
        waitUntilPublishIsQuiet();
        double cpu = publishCpu() - cpuBefore;
        open.forEach(stream -> {
            try {
                stream.close();
            } catch (Exception e) {
                // gone already
            }
        });
        List<Long> latencies = new ArrayList<>();
        long received = 0;
        for (Map<String, Long> got : receivedAt) {
            for (String uri : uris) {
                Long at = got.get(uri);
                if (at != null) {
                    received++;
                    latencies.add(at - pushedAt.get(uri));
                }
            }
        }
        return new Phase(streams, articles, cpu, (long) streams * articles, received, duplicates.get(),
                latencies.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /** Without streams nothing tells when publish is done: wait until its CPU use falls to (nearly) nothing. */
    private void waitUntilPublishIsQuiet() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        double before = publishCpu();
        int quietSeconds = 0;
        while (quietSeconds < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            double now = publishCpu();
            quietSeconds = now - before < 0.05 ? quietSeconds + 1 : 0;
            before = now;
        }
    }

    private InputStream listen(String path, String consumerKey, Map<String, Long> got, AtomicInteger duplicates,
            CountDownLatch connected) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(publish + path))
                .header("Authorization", "Bearer " + consumerKey).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        connected.countDown();
        InputStream body = response.body();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        String uri = json.readTree(line.substring(5)).at("/article/uri").asText();
                        if (got.putIfAbsent(uri, now) != null) {
                            duplicates.incrementAndGet();
                        }
                    }
                }
            } catch (Exception e) {
                // hung up
            }
        }, "stream-reader");
        reader.setDaemon(true);
        reader.start();
        return body;
    }

    /** Pushes {@code count} articles at {@code rate} per second, noting when each was pushed. */
    private List<String> push(String key, ArticleGenerator generator, int count, int rate, Map<String, Long> pushedAt)
            throws Exception {
        List<String> uris = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            ObjectNode article = generator.next(400);
            String uri = article.get("uri").asText();
            pushedAt.put(uri, System.nanoTime());
            int status = intake.push(key, "application/json", article.toString());
            if (status != 202) {
                throw new IllegalStateException("push of " + uri + " refused with HTTP " + status);
            }
            uris.add(uri);
        }
        return uris;
    }

    private double publishCpu() {
        ProcessUsage.Sample sample = new ProcessUsage(home).sample().get("publish-service");
        if (sample == null) {
            throw new IllegalStateException("publish-service was not started by ./newsflow up: no pid file in "
                    + ".newsflow/run");
        }
        return sample.cpuSeconds();
    }

}
