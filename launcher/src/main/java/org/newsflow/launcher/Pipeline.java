package org.newsflow.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts and stops the whole local pipeline: broker first, then the three services; stopping goes backwards. */
final class Pipeline {

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Pipeline(Settings settings) {
        this.settings = settings;
    }

    boolean isRunning() {
        return names().stream().anyMatch(name -> Processes.running(settings, name).isPresent());
    }

    void up() {
        long start = System.nanoTime();
        if (isRunning()) {
            throw Console.fail("Newsflow is already running; stop it with ./newsflow down (status: ./newsflow status)");
        }
        checkPortsFree();
        new Builder(settings).ensureBuilt();
        if (settings.db() == Settings.Database.POSTGRES) {
            ensurePostgresDatabases();
        }
        settings.recordTopology();
        new Broker(settings).start();
        Publishers publishers = new Publishers(settings);
        publishers.adminToken();
        publishers.publishAdminToken();
        startServices();
        String demoKey = publishers.keyOf(Publishers.DEMO, "Demo publisher");
        Publishers.DemoConsumer consumer = publishers.demoConsumer();
        Console.info("");
        Console.info("Newsflow is running (" + (System.nanoTime() - start) / 100_000_000 / 10.0 + " s, "
                + (settings.db() == Settings.Database.H2 ? "embedded H2 in " + settings.home().relativize(settings.data())
                        : "PostgreSQL at " + settings.pgUrl()) + "):");
        Console.info("  push articles    POST " + Service.INGEST.url(settings) + "/v1/articles"
                + "  with Authorization: Bearer <key>");
        Console.info("  demo publisher   key " + demoKey + "  (also in "
                + settings.home().relativize(publishers.keyFile(Publishers.DEMO)) + ")");
        Console.info("  admin token      in " + settings.home().relativize(settings.state().resolve("admin-token"))
                + "  (for ingest's /v1/admin/publishers); publish's (for /v1/admin/consumers) in "
                + settings.home().relativize(settings.state().resolve("publish-admin-token")));
        Console.info("  read articles    GET  " + Service.PUBLISH.url(settings) + "/v1/articles/{articleId}");
        Console.info("  demo consumer    key " + consumer.key() + "  (also in "
                + settings.home().relativize(publishers.keyFile(Publishers.DEMO_CONSUMER)) + ")");
        Console.info("  its feed         GET  " + Service.PUBLISH.url(settings) + "/v1/subscriptions/"
                + consumer.subscriptionId() + "/feed  with Authorization: Bearer <consumer key>");
        Console.info("  web console      " + Service.PUBLISH.url(settings) + "/console/  (consumer key and admin token above)");
        Console.info("  API docs         " + Service.INGEST.url(settings) + "/q/swagger-ui  (and :"
                + settings.enrichPort() + ", :" + settings.publishPort() + ")");
        Console.info("  Kafka            " + settings.bootstrapServers() + "  (topic articles.published)");
        if (settings.replicas() > 1) {
            for (Service service : Service.values()) {
                Console.info(String.format("  %-16s %s", service.module, String.join("  ", service.instances(settings).stream()
                        .map(instance -> instance.url(settings)).toList())));
            }
        }
        Console.info("  logs             " + settings.home().relativize(settings.logs()) + "/");
        Console.info("  sample articles  ./newsflow demo");
    }

    /** Stops everything this launcher started, newest first; safe to call when nothing runs. */
    void down(boolean quiet) {
        if (!quiet) {
            Console.step("stopping Newsflow");
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Service.Instance instance : instances()) {
            stopping.add(CompletableFuture.runAsync(() -> Processes.stop(settings, instance.name(), 20)));
        }
        stopping.forEach(CompletableFuture::join);
        List<CompletableFuture<Void>> brokers = new ArrayList<>();
        for (String broker : Broker.names(settings)) {
            brokers.add(CompletableFuture.runAsync(() -> Processes.stop(settings, broker, 30)));
        }
        brokers.forEach(CompletableFuture::join);
        try {
            java.nio.file.Files.deleteIfExists(Settings.topologyFile(settings.home()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!quiet) {
            Console.done("stopped");
        }
    }

    void status() {
        for (int n = 1; n <= settings.brokers(); n++) {
            report(Broker.name(n), Processes.running(settings, Broker.name(n)).isPresent(), "127.0.0.1:" + settings.kafkaPort(n)
                    + (settings.brokers() > 1 ? "  (controller :" + settings.controllerPort(n) + ")" : ""));
        }
        for (Service.Instance instance : instances()) {
            boolean alive = Processes.running(settings, instance.name()).isPresent();
            report(instance.name(), alive, instance.url(settings) + (alive && ready(instance) ? "  ready" : "  not ready"));
        }
    }

    /** Every instance of every service in this run, the services in start order. */
    List<Service.Instance> instances() {
        List<Service.Instance> instances = new ArrayList<>();
        for (Service service : Service.values()) {
            instances.addAll(service.instances(settings));
        }
        return instances;
    }

    /** Keeps the foreground run alive until Ctrl-C or until a process dies. */
    void waitForShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Console.info("");
            down(false);
        }, "newsflow-down"));
        Console.info("Press Ctrl-C to stop everything.");
        while (true) {
            Broker.sleep(1000);
            for (String name : names()) {
                if (Processes.running(settings, name).isEmpty()) {
                    Console.info("✘ " + name + " stopped unexpectedly; see " + settings.home().relativize(
                            settings.logs().resolve(name + ".log")) + ". Stopping the rest.");
                    System.exit(1);
                }
            }
        }
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(Broker.names(settings));
        instances().forEach(instance -> names.add(instance.name()));
        return names;
    }

    private void report(String name, boolean alive, String where) {
        Console.info(String.format("  %-18s %-8s %s", name, alive ? "running" : "stopped", alive ? where : ""));
    }

    private void checkPortsFree() {
        Map<Integer, String> ports = new java.util.LinkedHashMap<>();
        for (int n = 1; n <= settings.brokers(); n++) {
            ports.put(settings.kafkaPort(n), "Kafka broker " + n + " (--kafka-port + " + 2 * (n - 1) + ")");
            ports.put(settings.controllerPort(n), "the Kafka controller " + n + " (--kafka-port + " + (2 * n - 1) + ")");
        }
        for (Service.Instance instance : instances()) {
            ports.put(instance.port(settings), instance.name() + " (--" + instance.service().module.replace("-service", "")
                    + "-port" + (instance.number() > 1 ? " + " + Settings.INSTANCE_PORT_STEP * (instance.number() - 1) : "")
                    + ")");
        }
        ports.forEach((port, user) -> {
            if (Processes.portInUse(port)) {
                throw Console.fail("port " + port + " for " + user + " is taken by another program; free it or choose "
                        + "another port");
            }
        });
    }

    private void ensurePostgresDatabases() {
        Console.step("preparing PostgreSQL databases at " + settings.pgUrl());
        String admin = settings.pgUrl().replaceAll("/+$", "") + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, settings.pgUser(), settings.pgPassword());
                Statement statement = connection.createStatement()) {
            boolean fresh = "true".equals(System.getenv("NEWSFLOW_PG_FRESH")); // benchmarks start from empty databases
            for (Service service : Service.values()) {
                if (fresh) {
                    statement.execute("DROP DATABASE IF EXISTS " + service.database + " WITH (FORCE)");
                }
                var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + service.database + "'");
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + service.database);
                }
            }
        } catch (SQLException e) {
            throw Console.fail("cannot reach PostgreSQL at " + admin + " as " + settings.pgUser() + " (" + e.getMessage()
                    + "); set NEWSFLOW_PG_URL / NEWSFLOW_PG_USER / NEWSFLOW_PG_PASSWORD");
        }
        Console.done("databases " + String.join(", ", List.of(Service.values()).stream().map(s -> s.database).toList()));
    }

    private void startServices() {
        Console.step("starting ingest-service, enrich-service and publish-service"
                + (settings.replicas() > 1 ? ", " + settings.replicas() + " instances of each" : ""));
        Map<Service.Instance, ProcessHandle> processes = new HashMap<>();
        Map<Service.Instance, Long> started = new HashMap<>();
        for (Service.Instance instance : instances()) {
            started.put(instance, System.nanoTime());
            processes.put(instance, startProcess(instance));
        }
        for (Service.Instance instance : instances()) {
            waitUntilReady(instance, processes.get(instance));
            Console.done(String.format("%-18s ready on %s (%.1f s)", instance.name(), instance.url(settings),
                    (System.nanoTime() - started.get(instance)) / 1e9));
        }
    }

    /** Starts one instance of a service (its log appended to .newsflow/logs/<name>.log). */
    ProcessHandle startProcess(Service.Instance instance) {
        List<String> command = new ArrayList<>();
        command.add(Broker.java());
        command.addAll(List.of(settings.javaOpts().trim().split("\\s+")));
        command.addAll(List.of("-jar", instance.service().runner(settings).toString()));
        return Processes.start(settings, instance.name(), command, environment(instance),
                settings.logs().resolve(instance.name() + ".log"));
    }

    private Map<String, String> environment(Service.Instance instance) {
        Service service = instance.service();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(instance.port(settings)));
        // this machine only (the local run allows webhooks to private addresses and keeps its keys in files):
        // NEWSFLOW_HTTP_HOST=0.0.0.0 opens it to the network
        env.put("QUARKUS_HTTP_HOST", settings.httpHost());
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.bootstrapServers());
        if (service == Service.INGEST) {
            env.put("NEWSFLOW_ADMIN_TOKEN", new Publishers(settings).adminToken());
        }
        if (service == Service.PUBLISH) {
            env.put("NEWSFLOW_ADMIN_TOKEN", new Publishers(settings).publishAdminToken());
        }
        if (service == Service.ENRICH) { // its operator endpoint, the enrichment explanations
            env.put("NEWSFLOW_ADMIN_TOKEN", new Publishers(settings).secret("enrich-admin-token"));
        }
        if (service == Service.INGEST) {
            env.put("NEWSFLOW_INGEST_SECRETS_KEY", new Publishers(settings).secret("ingest-secrets-key"));
        }
        if (service == Service.PUBLISH) {
            env.put("NEWSFLOW_PUBLISH_CURSOR_SECRET", new Publishers(settings).secret("cursor-secret"));
            env.put("NEWSFLOW_PUBLISH_SECRETS_KEY", new Publishers(settings).secret("publish-secrets-key"));
            env.put("NEWSFLOW_PUBLISH_WEBHOOKS_ALLOW_PRIVATE", "true"); // a local run's receivers are local too
            // the console's pipeline page checks the other two on the ports this run gave them
            env.put("NEWSFLOW_CONSOLE_SERVICES_INGEST_SERVICE", Service.INGEST.url(settings) + "/q/health/ready");
            env.put("NEWSFLOW_CONSOLE_SERVICES_ENRICH_SERVICE", Service.ENRICH.url(settings) + "/q/health/ready");
        }
        if (settings.db() == Settings.Database.H2) {
            env.put("QUARKUS_PROFILE", "local");
            Path file = settings.data().resolve("h2").resolve(service.module.replace("-service", "")).toAbsolutePath();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        } else {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", settings.pgUrl().replaceAll("/+$", "") + "/" + service.database);
            env.put("QUARKUS_DATASOURCE_USERNAME", settings.pgUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", settings.pgPassword());
        }
        return env;
    }

    void waitUntilReady(Service.Instance instance, ProcessHandle process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.startupTimeoutSeconds());
        String log = settings.home().relativize(settings.logs().resolve(instance.name() + ".log")).toString();
        while (!ready(instance)) {
            if (!process.isAlive()) {
                throw Console.fail(instance.name() + " stopped while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw Console.fail(instance.name() + " was not ready within " + settings.startupTimeoutSeconds()
                        + " s; see " + log);
            }
            Broker.sleep(250);
        }
    }

    boolean ready(Service.Instance instance) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                    URI.create(instance.url(settings) + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
