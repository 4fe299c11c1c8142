package org.newsflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.newsflow.testing.FreePorts;

/** One packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own JVM, as in production. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path log;
    private final Path runner;
    private final Map<String, String> env;
    private Process process;
    long startNanos = System.nanoTime();
    long readyNanos;

    private ServiceProcess(String name, int port, Path log, Path runner, Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.runner = runner;
        this.env = env;
    }

    static ServiceProcess start(Path root, String module, Map<String, String> env, Path logs) {
        Path runner = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(runner)) {
            throw new IllegalStateException(runner + " is missing: run the end-to-end tests through ./mvnw verify");
        }
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess service = new ServiceProcess(module, FreePorts.next(), logs.resolve(module + ".log"), runner, Map.copyOf(env));
        service.launch();
        return service;
    }

    private void launch() {
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                    runner.toString())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // only the settings this test chose: a variable exported in the caller's shell must not reach the service
            builder.environment().keySet().removeIf(ServiceProcess::isServiceSetting);
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            startNanos = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isServiceSetting(String variable) {
        return variable.startsWith("NEWSFLOW_") || variable.startsWith("QUARKUS_") || variable.startsWith("KAFKA_");
    }

    /** A second instance of this service: same configuration (database, consumer group), its own port and log. */
    ServiceProcess another(String instance) {
        ServiceProcess twin = new ServiceProcess(name + "-" + instance, FreePorts.next(),
                log.resolveSibling(name + "-" + instance + ".log"), runner, env);
        twin.launch();
        return twin;
    }

    /** The versions this publish-service instance published: its newsflow_articles_published_total. */
    double publishedVersions() throws IOException, InterruptedException {
        return counter("newsflow_articles_published_total");
    }

    /** Events this (ingest) instance's outbox relay sent. */
    double relayedEvents() throws IOException, InterruptedException {
        return counter("newsflow_outbox_relayed_total");
    }

    private double counter(String name) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith(name))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** kill -9: no shutdown hook, no flush, no goodbye to the broker. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the service again, same configuration and port, after {@link #kill}. */
    void restart() {
        launch();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the end of the service's log otherwise. */
    void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    readyNanos = System.nanoTime();
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
