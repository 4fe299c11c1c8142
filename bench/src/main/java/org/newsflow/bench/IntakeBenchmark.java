package org.newsflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Intake throughput and latency of a running ingest-service ({@code ./newsflow up}): single pushes with C
 * concurrent clients, then NDJSON batches. Prints figures; asserts nothing.
 * <pre>
 *   ./newsflow bench-intake [--articles N] [--concurrency C] [--batch B] [--words W] [--publishers P]
 * </pre>
 */
public final class IntakeBenchmark {

    private final IngestClient ingest;

    private IntakeBenchmark(IngestClient ingest) {
        this.ingest = ingest;
    }

    public static void main(String[] args) throws Exception {
        int articles = option(args, "--articles", 5000);
        int concurrency = option(args, "--concurrency", 8);
        int batch = option(args, "--batch", 100);
        int words = option(args, "--words", 600);
        int publishers = option(args, "--publishers", 16);
        IntakeBenchmark bench = new IntakeBenchmark(IngestClient.ofLocalRun(Path.of(System.getProperty("newsflow.home", "."))));
        List<String> keys = bench.ingest.register("bench", publishers);

        System.out.printf("Intake benchmark: %d articles of ~%d words, %d clients, %d publishers, batches of %d%n",
                articles, words, concurrency, publishers, batch);
        bench.singles(keys, Math.min(500, articles), concurrency, words, 1); // warm-up, not reported
        Result singles = bench.singles(keys, articles, concurrency, words, 2);
        Result batches = bench.batches(keys, articles, batch, Math.max(1, concurrency / 2), words, 3);
        System.out.println();
        System.out.printf("%-28s %10s %10s %10s %10s %10s%n", "", "articles/s", "p50 ms", "p95 ms", "p99 ms", "errors");
        singles.print("single pushes (POST)");
        batches.print("NDJSON batches (per batch)");
        System.out.printf("{\"singlePushesPerSecond\": %.0f, \"singleP50Ms\": %.1f, \"singleP99Ms\": %.1f, "
                + "\"batchArticlesPerSecond\": %.0f, \"batchP99Ms\": %.1f, \"articles\": %d, \"concurrency\": %d, \"batch\": %d}%n",
                singles.perSecond(), singles.percentile(50), singles.percentile(99), batches.perSecond(),
                batches.percentile(99), articles, concurrency, batch);
    }

    private Result singles(List<String> keys, int count, int concurrency, int words, long seed) throws Exception {
        List<String> bodies = new ArrayList<>(count);
        ArticleGenerator generator = new ArticleGenerator(seed);
        for (int i = 0; i < count; i++) {
            bodies.add(generator.next(words).toString());
        }
        return run(count, count, concurrency, i -> ingest.push(keys.get(i % keys.size()), "application/json", bodies.get(i)));
    }

    private Result batches(List<String> keys, int count, int size, int concurrency, int words, long seed) throws Exception {
        List<String> bodies = new ArrayList<>();
        ArticleGenerator generator = new ArticleGenerator(seed);
        for (int start = 0; start < count; start += size) {
            StringBuilder ndjson = new StringBuilder();
            for (int i = start; i < Math.min(count, start + size); i++) {
                ObjectNode article = generator.next(words);
                ndjson.append(article).append('\n');
            }
            bodies.add(ndjson.toString());
        }
        return run(bodies.size(), count, concurrency,
                i -> ingest.push(keys.get(i % keys.size()), "application/x-ndjson", bodies.get(i)));
    }

    private interface Request {
        int send(int index) throws Exception;
    }

    private static Result run(int requests, int articles, int concurrency, Request request) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    int status = request.send(i);
                    latencies[i] = System.nanoTime() - t0;
                    if (status != 202 && status != 207) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        clients.shutdown();
        return new Result(articles, elapsed, latencies, errors.get());
    }

    private record Result(int articles, long elapsedNanos, long[] latencies, int errors) {

        double perSecond() {
            return articles / (elapsedNanos / 1e9);
        }

        double percentile(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }

        void print(String label) {
            System.out.printf("%-28s %10.0f %10.1f %10.1f %10.1f %10d%n", label, perSecond(), percentile(50),
                    percentile(95), percentile(99), errors);
        }
    }

    static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
