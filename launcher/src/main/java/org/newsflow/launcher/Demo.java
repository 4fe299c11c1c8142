package org.newsflow.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Pushes the sample articles of samples/ to ingest-service and prints the first one as consumers receive it:
 * published and enriched, read back from publish-service.
 */
final class Demo {

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    Demo(Settings settings) {
        this.settings = settings;
    }

    void run() {
        Path folder = settings.arguments().isEmpty() ? settings.home().resolve("samples")
                : Path.of(settings.arguments().get(0));
        List<Path> samples = samples(folder);
        Console.step("pushing " + samples.size() + " sample articles from " + folder + " to " + Service.INGEST.url(settings));
        List<String> articleIds = new ArrayList<>();
        for (Path sample : samples) {
            JsonNode receipt = push(sample);
            articleIds.add(receipt.path("articleId").asText());
            Console.done(String.format("%-32s → %s, article %s", sample.getFileName(),
                    receipt.path("status").asText(), receipt.path("articleId").asText()));
        }
        Path featured = samples.get(0);
        Console.step("waiting for " + featured.getFileName() + " to come out of the pipeline");
        long pushed = System.nanoTime();
        JsonNode article = awaitPublished(articleIds.get(0));
        Console.done(String.format("published and enriched after %.2f s:", (System.nanoTime() - pushed) / 1e9));
        try {
            Console.info(json.writeValueAsString(article));
        } catch (IOException e) {
            Console.info(article.toString());
        }
        Console.info("");
        Console.info("Every published article: GET " + Service.PUBLISH.url(settings) + "/v1/articles/{articleId}"
                + "  (ids above); Kafka topic articles.published on " + settings.bootstrapServers());
    }

    private static List<Path> samples(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw Console.fail("no sample folder at " + folder);
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            if (samples.isEmpty()) {
                throw Console.fail("no .json articles in " + folder);
            }
            return samples;
        } catch (IOException e) {
            throw Console.fail("cannot read " + folder + ": " + e.getMessage());
        }
    }

    private JsonNode push(Path sample) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(Service.INGEST.url(settings) + "/v1/articles"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(sample)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                throw Console.fail(sample.getFileName() + " was refused with " + answer.statusCode() + ": " + answer.body());
            }
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw Console.fail("cannot reach ingest-service at " + Service.INGEST.url(settings) + " (" + e.getMessage()
                    + "); is Newsflow running? ./newsflow status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Console.fail("interrupted");
        }
    }

    private JsonNode awaitPublished(String articleId) {
        URI uri = URI.create(Service.PUBLISH.url(settings) + "/v1/articles/" + articleId);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return json.readTree(answer.body());
                }
            } catch (IOException e) {
                // not there yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Console.fail("interrupted");
            }
            Broker.sleep(100);
        }
        throw Console.fail("the article was not published within 60 s; see .newsflow/logs/*.log");
    }
}
