package org.newsflow.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.newsflow.contract.Topics;
import org.newsflow.testing.TestKafka;
import org.newsflow.testing.TestPostgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The three packaged services, each in its own JVM with its own freshly created PostgreSQL database, on the
 * shared test broker; and what a publisher does with them.
 */
final class E2ePipeline implements AutoCloseable {

    static final String ADMIN_TOKEN = "e2e-admin-token-7Hq2mZ9xK4wB";
    static final String INGEST_SECRETS_KEY = "e2e-ingest-secrets-key-0123456789abcdef";
    static final String PUBLISH_SECRETS_KEY = "e2e-publish-secrets-key-0123456789abcdef";
    private static final Duration READY = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<ServiceProcess> services = new ArrayList<>();
    final ServiceProcess ingest;
    final ServiceProcess enrich;
    final ServiceProcess publish;

    private E2ePipeline(String databasePrefix, Map<String, String> extraEnv) throws IOException {
        Path root = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("e2e-tests/target/e2e-logs/" + databasePrefix);
        String kafka = TestKafka.bootstrapServers();
        TestKafka.ensureTopics(Topics.ARTICLES_INBOUND, Topics.deadLetterOf(Topics.ARTICLES_INBOUND),
                Topics.ARTICLES_SUBMITTED, Topics.ARTICLES_ENRICHED, Topics.ARTICLES_PUBLISHED, Topics.SUBMISSION_PROGRESS,
                Topics.deadLetterOf(Topics.ARTICLES_SUBMITTED), Topics.deadLetterOf(Topics.ARTICLES_ENRICHED));
        for (String module : List.of("ingest-service", "enrich-service", "publish-service")) {
            String database = databasePrefix + "_" + module.replace("-service", "");
            Map<String, String> console = !module.equals("publish-service") ? Map.of() : Map.of( // its pipeline page
                    "NEWSFLOW_CONSOLE_SERVICES_INGEST_SERVICE", services.get(0).url("/q/health/ready"),
                    "NEWSFLOW_CONSOLE_SERVICES_ENRICH_SERVICE", services.get(1).url("/q/health/ready"));
            services.add(ServiceProcess.start(root, module, with(console, with(extraEnv, Map.ofEntries(
                    Map.entry("NEWSFLOW_ADMIN_TOKEN", ADMIN_TOKEN),
                    // webhooks to a receiver the test runs on this machine, retried every few seconds
                    Map.entry("NEWSFLOW_PUBLISH_WEBHOOKS_ALLOW_PRIVATE", "true"),
                    Map.entry("NEWSFLOW_PUBLISH_WEBHOOKS_BACKOFF", "1s,2s,5s"),
                    Map.entry("NEWSFLOW_PUBLISH_WEBHOOKS_MAX_ATTEMPTS", "60"),
                    Map.entry("NEWSFLOW_PUBLISH_CURSOR_SECRET", "e2e-cursor-secret-0123456789"),
                    Map.entry("NEWSFLOW_INGEST_SECRETS_KEY", INGEST_SECRETS_KEY),
                    Map.entry("NEWSFLOW_PUBLISH_SECRETS_KEY", PUBLISH_SECRETS_KEY),
                    Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka),
                    Map.entry("QUARKUS_DATASOURCE_JDBC_URL", TestPostgres.recreateDatabase(database)),
                    Map.entry("QUARKUS_DATASOURCE_USERNAME", TestPostgres.user()),
                    Map.entry("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.password())))), logs));
        }
        ingest = services.get(0);
        enrich = services.get(1);
        publish = services.get(2);
        for (ServiceProcess service : services) {
            awaitReady(service);
        }
    }

    private static Map<String, String> with(Map<String, String> extra, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(extra);
        return all;
    }

    /** Starts the pipeline on databases named {@code <databasePrefix>_ingest}, … (recreated empty). */
    static E2ePipeline start(String databasePrefix) throws IOException {
        return new E2ePipeline(databasePrefix, Map.of());
    }

    /** The same, each service with {@code extraEnv} in its environment too. */
    static E2ePipeline start(String databasePrefix, Map<String, String> extraEnv) throws IOException {
        return new E2ePipeline(databasePrefix, extraEnv);
    }

    static void awaitReady(ServiceProcess service) throws IOException {
        service.awaitReady(READY);
        System.out.printf("[e2e] %s ready after %.2f s (log: %s)%n", service.name,
                (service.readyNanos - service.startNanos) / 1e9, service.log);
    }

    /** Waits until {@code members} members of the consumer group each hold at least one partition. */
    static void awaitPartitionsShared(String bootstrapServers, String group, int members) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            org.awaitility.Awaitility.await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> {
                var description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
                return description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty())
                        .count() >= members;
            });
        }
    }

    /** Registers a publisher through ingest's admin API, as an operator would; its API key. */
    String registerPublisher(String id, String name) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url("/v1/admin/publishers")))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + id + "\", \"name\": \"" + name + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("registering " + id + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get("apiKey").asText();
    }

    /** Pushes one article over HTTP. */
    HttpResponse<String> push(String apiKey, JsonNode article) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url("/v1/articles")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(article.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
    }
}
