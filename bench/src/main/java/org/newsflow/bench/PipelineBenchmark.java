package org.newsflow.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole pipeline measured against the limit of its broker ({@code ./newsflow bench}): after a warm-up, a plain
 * three-hop relay of records of the sizes Newsflow writes on each hop is measured as the physical limit; then a
 * burst of N articles is pushed through ingest as fast as it takes them (the highest rate, and the seconds until all
 * are published), then fixed fractions of that rate. Reads {@code articles.published} and reports throughput,
 * push → published latency (both instants from this JVM's clock), CPU seconds and milliseconds per article of every
 * process counted from after the warm-up and the limit run to the end, and peak memory. Prints a table, writes JSON
 * and an SVG chart under .newsflow/bench/. Asserts nothing.
 * <pre>
 *   ./newsflow bench [--articles N (6000)] [--warm-up W (500)] [--concurrency C] [--publishers P]
 *                    [--loads 25,50,75|none] [--seconds S]
 *                    [--enrich-instances K]      K enrich-service instances sharing its consumer group (scale-out)
 *   ./newsflow bench --limit-only [--articles N] [--bytes B]     the relay alone
 * </pre>
 */
public final class PipelineBenchmark {

    private static final String PUBLISHED = "articles.published";

    /** What one phase measured. */
    record Phase(String name, double offered, int pushed, int accepted, int published, int duplicates, double perSecond,
            double seconds, double p50, double p95, double p99) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final IngestClient ingest;
    private final String bootstrap;
    private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();

    private PipelineBenchmark(IngestClient ingest, String bootstrap) {
        this.ingest = ingest;
        this.bootstrap = bootstrap;
    }

    public static void main(String[] args) throws Exception {
        int articles = IntakeBenchmark.option(args, "--articles", 6000);
        int warmUpArticles = IntakeBenchmark.option(args, "--warm-up", 500);
        int concurrency = IntakeBenchmark.option(args, "--concurrency", 8);
        int publishers = IntakeBenchmark.option(args, "--publishers", 16);
        int seconds = IntakeBenchmark.option(args, "--seconds", 30);
        List<Integer> loads = loads(args);
        Path home = Path.of(System.getProperty("newsflow.home", "."));
        String bootstrap = "127.0.0.1:" + System.getenv().getOrDefault("NEWSFLOW_KAFKA_PORT", "9092");
        if (java.util.List.of(args).contains("--limit-only")) {
            int bytes = IntakeBenchmark.option(args, "--bytes", 6000);
            System.out.printf("▸ the limit: %d records of %d bytes relayed over three hops%n", articles, bytes);
            System.out.printf("  %.0f records/s%n", new RelayLimit(bootstrap).measure(articles, bytes, 3));
            return;
        }
        PipelineBenchmark bench = new PipelineBenchmark(IngestClient.ofLocalRun(home), bootstrap);
        ProcessUsage usage = new ProcessUsage(home);
        String run = Long.toString(System.currentTimeMillis(), 36);
        ArticleMix mix = new ArticleMix(42, run);
        List<String> keys = bench.ingest.register("pipeline", publishers);

        System.out.printf("▸ Pipeline benchmark: %d articles (300–1,500 words; en, de, es, fr; ~10%% reprints, ~5%% "
                + "updates, ~2%% kills), %d clients, %d publishers%n", articles, concurrency, publishers);
        List<ArticleMix.Push> warmUp = bench.generate(mix, warmUpArticles, publishers);
        List<ArticleMix.Push> full = bench.generate(mix, articles, publishers);
        double averageBytes = full.stream().mapToInt(p -> p.article().toString().length()).average().orElse(4000);

        int enrichInstances = IntakeBenchmark.option(args, "--enrich-instances", 1);
        ExtraInstances extra = null;
        if (enrichInstances > 1) {
            System.out.printf("▸ starting %d more enrich-service instances in its consumer group%n", enrichInstances - 1);
            extra = new ExtraInstances(home, "enrich-service", enrichInstances - 1);
        }
        AtomicBoolean listening = new AtomicBoolean(true);
        Thread listener = bench.listen(listening);

        System.out.printf("▸ warming up with %d articles%n", warmUp.size());
        bench.phase("warm-up", warmUp, keys, concurrency, 0);

        int relayed = Math.max(articles, 20_000);
        TopicSizes sizes = new TopicSizes(bootstrap);
        int[] hopBytes = { sizes.averageBytes("articles.submitted", 300), sizes.averageBytes("articles.submitted", 300),
                sizes.averageBytes("articles.enriched", 300), sizes.averageBytes(PUBLISHED, 300) };
        for (int i = 0; i < hopBytes.length; i++) {
            hopBytes[i] = hopBytes[i] == 0 ? (int) averageBytes : hopBytes[i];
        }
        System.out.printf("▸ the limit: %d records relayed over three hops on the same broker, of the bytes Newsflow "
                + "writes on each (submitted %d, enriched %d, published %d)%n", relayed, hopBytes[1], hopBytes[2], hopBytes[3]);
        double limit = new RelayLimit(bootstrap).measure(relayed, hopBytes, 3);
        System.out.printf("  %.0f records/s%n", limit);
        Map<String, ProcessUsage.Sample> before = usage.sample(); // CPU from here: after the warm-up and the limit

        Map<String, List<Integer>> sharing = ExtraInstances.assignments(bootstrap, "enrich-service");
        System.out.printf("▸ enrich-service instances and their partitions of articles.submitted: %s%n", sharing);

        System.out.printf("▸ a burst of %d articles at the highest rate ingest takes%n", full.size());
        Phase max = bench.phase("maximum", full, keys, concurrency, 0);
        System.out.printf("  %.0f articles/s end to end, all published in %.1f s, p50 %.0f ms, p99 %.0f ms%n",
                max.perSecond(), max.seconds(), max.p50(), max.p99());

        List<Phase> phases = new ArrayList<>(List.of(max));
        for (int load : loads) {
            double rate = max.perSecond() * load / 100.0;
            int count = (int) Math.max(100, rate * seconds);
            System.out.printf("▸ offered %.0f articles/s (%d%% of the maximum) for %d articles%n", rate, load, count);
            Phase phase = bench.phase(load + "%", bench.generate(mix, count, publishers), keys, concurrency * 4, rate);
            System.out.printf("  %.0f articles/s, p50 %.0f ms, p99 %.0f ms%n", phase.perSecond(), phase.p50(), phase.p99());
            phases.add(phase);
        }
        listening.set(false);
        listener.join();
        Map<String, ProcessUsage.Sample> after = usage.sample();
        if (extra != null) {
            extra.close();
        }

        Path out = home.resolve(".newsflow/bench");
        Files.createDirectories(out);
        String stamp = Instant.now().toString().replace(":", "").replaceAll("\\..*", "");
        ObjectNode report = bench.report(limit, phases, before, after, averageBytes);
        report.putArray("limitHopBytes").add(hopBytes[1]).add(hopBytes[2]).add(hopBytes[3]);
        report.put("warmUpArticles", warmUp.size());
        report.put("enrichInstances", enrichInstances).set("enrichPartitions", bench.json.valueToTree(sharing));
        Path jsonFile = out.resolve("pipeline-" + stamp + ".json");
        Path chartFile = out.resolve("pipeline-" + stamp + ".svg");
        Files.writeString(jsonFile, bench.json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        Files.writeString(chartFile, Chart.svg(phases), StandardCharsets.UTF_8);
        printTable(limit, phases, before, after);
        System.out.printf("%nJSON: %s%nchart: %s%n", jsonFile, chartFile);
        System.out.println(bench.json.writeValueAsString(report));
    }

    private List<ArticleMix.Push> generate(ArticleMix mix, int count, int publishers) {
        List<ArticleMix.Push> pushes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pushes.add(mix.next(publishers));
        }
        return pushes;
    }

    /**
     * Pushes one phase's articles, with {@code clients} clients as fast as they are answered ({@code rate} 0) or on
     * a fixed schedule of {@code rate} articles per second, and waits until every accepted one is published.
     */
    private Phase phase(String name, List<ArticleMix.Push> pushes, List<String> keys, int clients, double rate)
            throws Exception {
        Map<String, Long> pushedAt = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < pushes.size(); i = next.getAndIncrement()) {
                    if (rate > 0) {
                        long due = start + (long) (i * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                    ArticleMix.Push push = pushes.get(i);
                    pushedAt.put(push.key(), System.nanoTime());
                    int status = ingest.push(keys.get(push.publisher() % keys.size()), "application/json",
                            push.article().toString());
                    if (status == 202) {
                        accepted.incrementAndGet();
                    } else {
                        pushedAt.remove(push.key());
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : work) {
            w.get();
        }
        pool.shutdown();
        long lastProgress = System.nanoTime();
        int seen = -1;
        while (true) { // until every accepted version is published, or nothing new for a minute
            int published = (int) pushedAt.keySet().stream().filter(publishedAt::containsKey).count();
            if (published == pushedAt.size()) {
                break;
            }
            if (published != seen) {
                seen = published;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > Duration.ofMinutes(1).toNanos()) {
                System.out.printf("  ✘ %d accepted versions were not published within a minute of the last one%n",
                        pushedAt.size() - published);
                break;
            }
            Thread.sleep(50);
        }
        long[] latencies = pushedAt.entrySet().stream().filter(e -> publishedAt.containsKey(e.getKey()))
                .mapToLong(e -> publishedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
        long last = pushedAt.keySet().stream().map(publishedAt::get).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(start);
        double seconds = Math.max(1e-9, (last - start) / 1e9);
        return new Phase(name, rate, pushes.size(), accepted.get(), latencies.length, duplicates.get(),
                latencies.length / seconds, seconds, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99));
    }

    /** Reads articles.published from its end, noting when each uri#version arrived; a repeat is a duplicate. */
    private Thread listen(AtomicBoolean listening) throws InterruptedException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(PUBLISHED).stream()
                .map(p -> new TopicPartition(PUBLISHED, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the starting point before the first push
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (listening.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        try {
                            JsonNode article = json.readTree(record.value()).path("article");
                            String key = article.path("uri").asText() + "#" + article.path("version").asText("1");
                            if (publishedAt.putIfAbsent(key, now) != null) {
                                duplicates.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            // not an article event: not ours
                        }
                    }
                }
            }
        }, "published-listener");
        thread.start();
        return thread;
    }

    private ObjectNode report(double limit, List<Phase> phases, Map<String, ProcessUsage.Sample> before,
            Map<String, ProcessUsage.Sample> after, double averageBytes) {
        ObjectNode report = json.createObjectNode();
        report.put("measuredAt", Instant.now().toString()).put("cores", Runtime.getRuntime().availableProcessors())
                .put("averageArticleBytes", Math.round(averageBytes)).put("limitRecordsPerSecond", Math.round(limit));
        Phase max = phases.get(0);
        report.put("newsflowArticlesPerSecond", Math.round(max.perSecond()))
                .put("ratioToLimit", Math.round(1000 * max.perSecond() / limit) / 1000.0)
                .put("burstArticles", max.published())
                .put("burstSeconds", Math.round(10 * max.seconds()) / 10.0);
        phases.stream().filter(p -> p.name().equals("50%")).findFirst()
                .ifPresent(half -> report.put("p99AtHalfMaxMs", Math.round(half.p99())));
        int measured = measuredArticles(phases);
        report.put("measuredArticles", measured);
        var perArticle = report.putObject("cpuMsPerArticle");
        double total = 0;
        for (var entry : after.entrySet()) {
            double ms = cpuMs(entry.getKey(), before, after) / Math.max(1, measured);
            total += ms;
            perArticle.put(entry.getKey(), Math.round(10 * ms) / 10.0);
        }
        perArticle.put("all", Math.round(10 * total) / 10.0);
        var list = report.putArray("phases");
        for (Phase phase : phases) {
            list.add(json.valueToTree(phase));
        }
        var processes = report.putObject("processes");
        after.forEach((name, sample) -> processes.putObject(name)
                .put("cpuSeconds", Math.round(10 * (sample.cpuSeconds() - before.getOrDefault(name, new ProcessUsage.Sample(0, 0)).cpuSeconds())) / 10.0)
                .put("peakRssMb", sample.peakRssKb() / 1024));
        return report;
    }

    private static void printTable(double limit, List<Phase> phases, Map<String, ProcessUsage.Sample> before,
            Map<String, ProcessUsage.Sample> after) {
        Phase max = phases.get(0);
        System.out.println();
        System.out.printf("limit (3-hop relay, no work)   %8.0f records/s%n", limit);
        System.out.printf("Newsflow (highest rate)        %8.0f articles/s   = %.1f %% of the limit%n", max.perSecond(),
                100 * max.perSecond() / limit);
        System.out.println();
        System.out.printf("%-10s %10s %8s %8s %10s %11s %8s %8s %8s%n", "phase", "offered/s", "pushed", "accepted",
                "published", "achieved/s", "p50 ms", "p95 ms", "p99 ms");
        for (Phase p : phases) {
            System.out.printf("%-10s %10s %8d %8d %10d %11.0f %8.0f %8.0f %8.0f%n", p.name(),
                    p.offered() == 0 ? "max" : String.format("%.0f", p.offered()), p.pushed(), p.accepted(), p.published(),
                    p.perSecond(), p.p50(), p.p95(), p.p99());
        }
        System.out.printf("duplicates seen on %s: %d%n%n", PUBLISHED, phases.get(phases.size() - 1).duplicates());
        int measured = measuredArticles(phases);
        System.out.printf("CPU counted after the warm-up and the limit run, over the %d articles published since%n", measured);
        System.out.printf("%-18s %12s %14s %14s%n", "process", "CPU seconds", "CPU ms/article", "peak RSS (MB)"); // postgresql: PSS at the end
        double total = 0;
        for (var entry : after.entrySet()) {
            double ms = cpuMs(entry.getKey(), before, after);
            total += ms;
            System.out.printf("%-18s %12.1f %14.1f %14d%n", entry.getKey(), ms / 1000, ms / Math.max(1, measured),
                    entry.getValue().peakRssKb() / 1024);
        }
        System.out.printf("%-18s %12.1f %14.1f%n", "all", total / 1000, total / Math.max(1, measured));
    }

    private static int measuredArticles(List<Phase> phases) {
        return phases.stream().mapToInt(Phase::published).sum();
    }

    private static double cpuMs(String name, Map<String, ProcessUsage.Sample> before, Map<String, ProcessUsage.Sample> after) {
        return 1000 * (after.get(name).cpuSeconds() - before.getOrDefault(name, new ProcessUsage.Sample(0, 0)).cpuSeconds());
    }

    private static List<Integer> loads(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--loads") && args[i + 1].equals("none")) {
                return List.of();
            }
            if (args[i].equals("--loads")) {
                return Arrays.stream(args[i + 1].split(",")).map(String::strip).map(Integer::parseInt).toList();
            }
        }
        return List.of(25, 50, 75);
    }

    static double pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
