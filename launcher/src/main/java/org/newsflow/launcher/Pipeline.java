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
        return Processes.running(settings, Broker.NAME).isPresent()
                || List.of(Service.values()).stream().anyMatch(s -> Processes.running(settings, s.module).isPresent());
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
        Console.info("  logs             " + settings.home().relativize(settings.logs()) + "/");
        Console.info("  sample articles  ./newsflow demo");
    }

    /** Stops everything this launcher started, newest first; safe to call when nothing runs. */
    void down(boolean quiet) {
        if (!quiet) {
            Console.step("stopping Newsflow");
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Service service : Service.values()) {
            stopping.add(CompletableFuture.runAsync(() -> Processes.stop(settings, service.module, 20)));
        }
        stopping.forEach(CompletableFuture::join);
        Processes.stop(settings, Broker.NAME, 30);
        if (!quiet) {
            Console.done("stopped");
        }
    }

    void status() {
        report(Broker.NAME, Processes.running(settings, Broker.NAME).isPresent(), settings.bootstrapServers());
        for (Service service : Service.values()) {
            boolean alive = Processes.running(settings, service.module).isPresent();
            report(service.module, alive, service.url(settings) + (alive && ready(service) ? "  ready" : "  not ready"));
        }
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
        List<String> names = new ArrayList<>(List.of(Broker.NAME));
        for (Service service : Service.values()) {
            names.add(service.module);
        }
        return names;
    }

    private void report(String name, boolean alive, String where) {
        Console.info(String.format("  %-16s %-8s %s", name, alive ? "running" : "stopped", alive ? where : ""));
    }

    private void checkPortsFree() {
        Map<Integer, String> ports = new java.util.LinkedHashMap<>();
        ports.put(settings.kafkaPort(), "Kafka (--kafka-port)");
        ports.put(settings.controllerPort(), "the Kafka controller (--kafka-port + 1)");
        for (Service service : Service.values()) {
            ports.put(service.port(settings), service.module + " (--" + service.module.replace("-service", "") + "-port)");
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
        Console.step("starting ingest-service, enrich-service and publish-service");
        Map<Service, ProcessHandle> processes = new HashMap<>();
        Map<Service, Long> started = new HashMap<>();
        for (Service service : Service.values()) {
            Path runner = service.runner(settings);
            List<String> command = new ArrayList<>();
            command.add(Broker.java());
            command.addAll(List.of(settings.javaOpts().trim().split("\\s+")));
            command.addAll(List.of("-jar", runner.toString()));
            started.put(service, System.nanoTime());
            processes.put(service, Processes.start(settings, service.module, command, environment(service),
                    settings.logs().resolve(service.module + ".log")));
        }
        for (Service service : Service.values()) {
            waitUntilReady(service, processes.get(service));
            Console.done(String.format("%-16s ready on %s (%.1f s)", service.module, service.url(settings),
                    (System.nanoTime() - started.get(service)) / 1e9));
        }
    }

    private Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port(settings)));
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

    private void waitUntilReady(Service service, ProcessHandle process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.startupTimeoutSeconds());
        String log = settings.home().relativize(settings.logs().resolve(service.module + ".log")).toString();
        while (!ready(service)) {
            if (!process.isAlive()) {
                throw Console.fail(service.module + " stopped while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw Console.fail(service.module + " was not ready within " + settings.startupTimeoutSeconds()
                        + " s; see " + log);
            }
            Broker.sleep(250);
        }
    }

    boolean ready(Service service) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                    URI.create(service.url(settings) + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
