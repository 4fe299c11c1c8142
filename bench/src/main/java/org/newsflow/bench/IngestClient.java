package org.newsflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What the benchmarks need of a running ingest-service: register publishers, push articles. */
final class IngestClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String ingest;
    private final String adminToken;

    IngestClient(String ingest, String adminToken) {
        this.ingest = ingest;
        this.adminToken = adminToken;
    }

    /** The client of the pipeline that {@code ./newsflow up} started under {@code home}; exits when there is none. */
    static IngestClient ofLocalRun(Path home) throws java.io.IOException {
        String port = System.getenv().getOrDefault("NEWSFLOW_INGEST_PORT", "8081");
        return new IngestClient("http://localhost:" + port, localToken(home, "admin-token"));
    }

    /**
     * An admin token that {@code ./newsflow up} made under {@code home}: {@code admin-token} (ingest's) or
     * {@code publish-admin-token}; exits when there is none.
     */
    static String localToken(Path home, String name) throws java.io.IOException {
        Path tokenFile = home.resolve(".newsflow").resolve(name);
        if (!Files.exists(tokenFile)) {
            System.err.println("✘ no .newsflow/" + name + ": start Newsflow first with ./newsflow up -d");
            System.exit(1);
        }
        return Files.readString(tokenFile).strip();
    }

    /** Registers {@code count} publishers named {@code prefix-<run>-<i>}; their API keys. */
    List<String> register(String prefix, int count) throws Exception {
        List<String> keys = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + run + "-" + i;
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/admin/publishers"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + id + "\", \"name\": \"Benchmark " + i + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("cannot register a benchmark publisher: " + answer.body());
            }
            keys.add(json.readTree(answer.body()).get("apiKey").asText());
        }
        return keys;
    }

    /** Pushes a body; the HTTP status. */
    int push(String key, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/articles"))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
