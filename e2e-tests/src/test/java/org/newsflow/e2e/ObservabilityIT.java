package org.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsflow.contract.Topics;
import org.newsflow.testing.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * What an operator gets with tracing and JSON logs switched on (as in deploy/k8s): one article's trace, started by
 * the publisher's own traceparent, goes through the three services in the records' headers and reaches the
 * OpenTelemetry collector from each of them; every service serves Prometheus metrics with Newsflow's own figures;
 * logs are JSON lines; and no secret appears in any log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CURSOR_SECRET = "e2e-cursor-secret-0123456789";

    private static HttpServer collector;
    private static final List<byte[]> exported = new CopyOnWriteArrayList<>();
    private static E2ePipeline pipeline;
    private static String apiKey;

    @BeforeAll
    static void startWithTracingAndJsonLogs() throws Exception {
        // an OTLP/HTTP collector that keeps what it is sent (protobuf: ids as raw bytes, names as UTF-8)
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        collector.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                exported.add(in.readAllBytes());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        pipeline = E2ePipeline.start("newsflow_observed", Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "none",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms",
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"));
        apiKey = pipeline.registerPublisher("observed-" + UUID.randomUUID().toString().substring(0, 8), "Observed Observer");
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    @Order(1)
    void onePushIsOneTraceThroughTheThreeServices() throws Exception {
        // Given a publisher that traces its own systems and sends its trace context with the push
        String traceId = UUID.randomUUID().toString().replace("-", ""); // 32 hex digits, as W3C trace ids are
        String uri = "urn:newsroom:observed:" + UUID.randomUUID();
        try (TopicReader submitted = TopicReader.atEnd(Topics.ARTICLES_SUBMITTED);
                TopicReader enriched = TopicReader.atEnd(Topics.ARTICLES_ENRICHED);
                TopicReader published = TopicReader.atEnd(Topics.ARTICLES_PUBLISHED)) {

            // When it pushes an article
            HttpResponse<String> answer = push(uri, "00-" + traceId + "-00f067aa0ba902b7-01");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);

            // Then every hop's record carries the same trace, each from the span of the service that sent it
            for (TopicReader topic : List.of(submitted, enriched, published)) {
                ConsumerRecord<String, String> record = topic.next(r -> uri.equals(r.key()), WAIT);
                assertThat(record).as("the article on the next topic").isNotNull();
                String traceParent = TopicReader.header(record, "traceparent");
                assertThat(traceParent).as("traceparent on " + record.topic()).isNotNull();
                assertThat(traceParent.split("-")[1]).as("trace id on " + record.topic()).isEqualTo(traceId);
            }
        }
        // and the collector heard of that trace from each of the three services
        byte[] rawTraceId = HexFormat.of().parseHex(traceId);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            for (String service : List.of("ingest-service", "enrich-service", "publish-service")) {
                assertThat(exported.stream().anyMatch(body -> contains(body, service.getBytes(StandardCharsets.UTF_8))
                        && contains(body, rawTraceId))).as("spans of the trace exported by " + service).isTrue();
            }
        });
    }

    @Test
    @Order(2)
    void everyServiceServesPrometheusMetricsWithItsOwnFigures() throws Exception {
        Map<ServiceProcess, List<String>> expected = Map.of(
                pipeline.ingest, List.of("newsflow_articles_accepted_total{repeat=\"false\"}", "newsflow_outbox_backlog"),
                pipeline.enrich, List.of("newsflow_articles_enriched_total", "newsflow_enrichment_step_seconds_count{step=\"places\"}",
                        "kafka_consumer_fetch_manager_records_lag"),
                pipeline.publish, List.of("newsflow_articles_published_total", "newsflow_webhooks_pending",
                        "kafka_consumer_fetch_manager_records_lag"));
        for (var service : expected.entrySet()) {
            Awaitility.await().atMost(WAIT).untilAsserted(() -> {
                String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service.getKey().url("/q/metrics"))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (String metric : service.getValue()) {
                    assertThat(metrics).as(service.getKey().name + " /q/metrics").contains(metric);
                }
            });
        }
        String ingest = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.ingest.url("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(ingest.lines().filter(l -> l.startsWith("newsflow_articles_accepted_total{repeat=\"false\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    @Order(3)
    void logsAreJsonLinesAndNoSecretIsEverLogged() throws Exception {
        for (ServiceProcess service : pipeline.services) {
            List<String> lines = Files.readAllLines(service.log);
            List<JsonNode> entries = lines.stream().filter(l -> l.startsWith("{")).map(ObservabilityIT::parse).toList();
            assertThat(entries).as(service.name + " JSON log lines").isNotEmpty()
                    .allSatisfy(entry -> assertThat(entry.has("message") && entry.has("level") && entry.has("loggerName")).isTrue());
            String log = String.join("\n", lines);
            assertThat(log).as(service.name + " log").doesNotContain(apiKey, E2ePipeline.ADMIN_TOKEN, CURSOR_SECRET,
                    E2ePipeline.INGEST_SECRETS_KEY, E2ePipeline.PUBLISH_SECRETS_KEY);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static HttpResponse<String> push(String uri, String traceParent) throws Exception {
        ObjectNode article;
        try (InputStream in = ObservabilityIT.class.getResourceAsStream("/tugboats.json")) {
            article = ((ObjectNode) JSON.readTree(in)).put("uri", uri);
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.ingest.url("/v1/articles")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .header("traceparent", traceParent).POST(HttpRequest.BodyPublishers.ofString(article.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
