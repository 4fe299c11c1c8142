package org.newsflow.enrich.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.newsflow.enrich.config.StandaloneConfig;
import org.newsflow.enrich.pipeline.StepTimes;
import org.newsflow.enrich.text.ArticleText;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Enrichment speed on one thread, every step switched on (language, summary, key phrases, places, people and
 * organisations, subjects, attribution, reprints, stories — the indexes in memory):
 * <pre>
 *   ./newsflow bench-enrich [articles] [words]     defaults: 10,000 articles of ~700 words, after 10,000 to warm up
 * </pre>
 * Prints articles/s, per-article p50/p90/p99/max, the time per step and the heap in use after the run.
 */
public final class EnrichBenchmark {

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int words = args.length > 1 ? Integer.parseInt(args[1]) : 700;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        // a service enriches for hours: measure after the JIT has settled (3,000 articles are not enough for it)
        int warmUp = Integer.getInteger("warmUp", 10_000);
        List<ObjectNode> articles = BenchmarkArticles.generate(warmUp + count, words, json);
        double averageWords = articles.stream().mapToInt(a -> ArticleText.countWords(ArticleText.of(a).body()))
                .average().orElse(0);
        out.printf("▸ %d articles of %.0f words on average (%d more to warm up), one thread%n", count, averageWords, warmUp);

        long articlesOnly = heapAfterGc();
        long loadStart = System.nanoTime();
        EnrichCommand command = new EnrichCommand(StandaloneConfig.load());
        command.enrich(articles.get(0).deepCopy(), StepTimes.OFF);
        out.printf("  models and data loaded in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);
        long withModels = heapAfterGc();
        for (int i = 1; i < warmUp; i++) {
            command.enrich(articles.get(i), StepTimes.OFF);
        }

        StepTimes steps = new StepTimes();
        long[] nanos = new long[count];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedStart = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        long gcStart = gcMillis();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processCpuStart = os.getProcessCpuTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Map<String, Long> threadCpuStart = cpuByThread();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            command.enrich(articles.get(warmUp + i), steps);
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double processCpuMs = (os.getProcessCpuTime() - processCpuStart) / 1e6 / count;
        double allocatedKb = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedStart) / 1024.0 / count;
        long gcMillis = gcMillis() - gcStart;
        Arrays.sort(nanos);

        Runtime runtime = Runtime.getRuntime();
        long heapMb = (heapAfterGc() - articlesOnly) / (1024 * 1024); // without the benchmark's own articles
        Map<String, Long> threadCpu = cpuByThread();
        out.printf("  %.0f articles/s (CPU per article: %.2f ms on the enriching thread, %.2f ms for the whole JVM)%n",
                count / seconds, cpuSeconds * 1000 / count, processCpuMs);
        out.printf("  per article: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", ms(nanos, 0.50), ms(nanos, 0.90),
                ms(nanos, 0.99), nanos[count - 1] / 1e6);
        out.printf("  %.0f KB allocated per article; garbage collection took %d ms of the %.1f s%n", allocatedKb, gcMillis,
                seconds);
        long total = steps.nanos().values().stream().mapToLong(Long::longValue).sum();
        out.println("  time per step:");
        for (Map.Entry<String, Long> step : steps.nanos().entrySet()) {
            out.printf("    %-12s %6.3f ms  %5.1f %%%n", step.getKey(), step.getValue() / 1e6 / count,
                    100.0 * step.getValue() / total);
        }
        out.println("  CPU per article by thread (the JVM's own work included):");
        threadCpu.forEach((name, nanosUsed) -> {
            double ms = (nanosUsed - threadCpuStart.getOrDefault(name, 0L)) / 1e6 / count;
            if (ms >= 0.005) {
                out.printf("    %-24s %6.3f ms%n", name, ms);
            }
        });
        out.printf("  heap for enrichment: %d MB after the run (models, word lists and gazetteer %d MB; the rest is the "
                + "in-memory reprint and story indexes of %d articles); max heap %d MB%n", heapMb,
                (withModels - articlesOnly) / (1024 * 1024), warmUp + count, runtime.maxMemory() / (1024 * 1024));
        out.printf("{\"articles\":%d,\"words\":%.0f,\"articlesPerSecond\":%.1f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"heapMb\":%d}%n",
                count, averageWords, count / seconds, ms(nanos, 0.50), ms(nanos, 0.99), heapMb);
    }

    /** CPU time used so far by live threads, summed by name with numbers dropped ("C2 CompilerThread0" → …). */
    private static Map<String, Long> cpuByThread() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new java.util.TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long used = threads.getThreadCpuTime(info.getThreadId());
                if (used > 0) {
                    cpu.merge(info.getThreadName().replaceAll("\\d+", "#"), used, Long::sum);
                }
            }
        }
        return cpu;
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private EnrichBenchmark() {
    }
}
