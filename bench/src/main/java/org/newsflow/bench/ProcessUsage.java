package org.newsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds and peak resident memory of the pipeline's processes, read from /proc (Linux): the broker and the
 * services by the pid files of {@code ./newsflow up} (peak RSS), PostgreSQL as all its server processes together
 * (CPU summed; memory as their proportional set size at the end, so that shared buffers count once).
 */
final class ProcessUsage {

    /** One process (or group) at one moment. */
    record Sample(double cpuSeconds, long peakRssKb) {
    }

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private static final List<String> NAMED = List.of("kafka", "ingest-service", "enrich-service", "publish-service");

    private final Path runDirectory;

    ProcessUsage(Path home) {
        this.runDirectory = home.resolve(".newsflow/run");
    }

    /** Each process's CPU seconds so far and peak RSS, by name; PostgreSQL's processes summed. */
    Map<String, Sample> sample() {
        Map<String, Sample> samples = new LinkedHashMap<>();
        for (String name : NAMED) {
            try {
                long pid = Long.parseLong(Files.readString(runDirectory.resolve(name + ".pid")).strip());
                samples.put(name, read(pid));
            } catch (IOException | NumberFormatException e) {
                // not started by ./newsflow up: not reported
            }
        }
        double cpu = 0;
        long rss = 0;
        for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
            if (process.info().command().map(c -> c.endsWith("/postgres")).orElse(false)) {
                cpu += read(process.pid()).cpuSeconds();
                rss += proportionalKb(process.pid()); // shared buffers counted once, not in every backend
            }
        }
        if (rss > 0) {
            samples.put("postgresql", new Sample(cpu, rss));
        }
        return samples;
    }

    /** Proportional set size now: each shared page split among the processes that share it. */
    private static long proportionalKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not readable
        }
        return 0;
    }

    private static Sample read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
            return new Sample(cpu, peak);
        } catch (IOException | RuntimeException e) {
            return new Sample(0, 0); // the process ended in between
        }
    }
}
