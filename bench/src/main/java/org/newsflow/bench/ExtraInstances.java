package org.newsflow.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * More instances of a running service for the scale-out measurement: each a copy of the process that
 * {@code ./newsflow up} started (same command line and environment, so the same database and consumer group),
 * on its own HTTP port. Stopped again with {@link #close()}.
 */
final class ExtraInstances implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** Starts {@code count} more instances of {@code service} and waits until each is ready. */
    ExtraInstances(Path home, String service, int count) throws Exception {
        long pid = Long.parseLong(Files.readString(home.resolve(".newsflow/run/" + service + ".pid")).strip());
        List<String> command = split(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")));
        List<String> environment = split(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")));
        for (int i = 0; i < count; i++) {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(home.resolve(".newsflow/logs/" + service + "-" + (i + 2) + ".log").toFile());
            builder.environment().clear();
            for (String variable : environment) {
                int equals = variable.indexOf('=');
                if (equals > 0) {
                    builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
                }
            }
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            processes.add(builder.start());
            awaitReady(port);
        }
    }

    /** Which partitions each member of a consumer group holds now, by member (client id and host). */
    static Map<String, List<Integer>> assignments(String bootstrap, String group) throws Exception {
        Map<String, List<Integer>> byMember = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            for (MemberDescription member : description.members()) {
                byMember.put(member.consumerId(), member.assignment().topicPartitions().stream()
                        .map(p -> p.partition()).sorted().toList());
            }
        }
        return byMember;
    }

    private void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("an extra instance on port " + port + " was not ready within 90 s");
    }

    private static List<String> split(byte[] nulSeparated) {
        return Arrays.stream(new String(nulSeparated, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isEmpty()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
