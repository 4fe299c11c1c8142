package org.newsflow.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Pushes the sample articles to ingest-service — each folder of samples/ is a publisher, registered on first
 * use — and prints the first one as consumers receive it: published and enriched, read back from
 * publish-service.
 */
final class Demo {

    private final Settings settings;
    private final Publishers publishers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    Demo(Settings settings) {
        this.settings = settings;
        this.publishers = new Publishers(settings);
    }

    void run() {
        Path folder = settings.arguments().isEmpty() ? settings.home().resolve("samples")
                : Path.of(settings.arguments().get(0)).toAbsolutePath();
        List<Path> samples = samples(folder);
        Console.step("pushing " + samples.size() + " sample files from " + folder + " to " + Service.INGEST.url(settings));
        String featured = null;
        for (Path sample : samples) {
            String publisher = publisherOf(folder, sample);
            JsonNode answer = push(sample, publishers.keyOf(publisher, publisher));
            if (answer.has("items")) {
                Console.done(String.format("%-32s as %-18s → %d articles accepted, %d repeated, %d refused",
                        sample.getFileName(), publisher, answer.path("accepted").asInt(), answer.path("repeated").asInt(),
                        answer.path("rejected").asInt()));
            } else {
                Console.done(String.format("%-32s as %-18s → %s, article %s", sample.getFileName(), publisher,
                        answer.path("status").asText(), answer.path("articleId").asText()));
                featured = featured == null ? answer.path("articleId").asText() : featured;
            }
        }
        if (featured == null) {
            return;
        }
        Console.step("waiting for " + samples.get(0).getFileName() + " to come out of the pipeline");
        long pushed = System.nanoTime();
        JsonNode article = awaitPublished(featured);
        Console.done(String.format("published and enriched after %.2f s:", (System.nanoTime() - pushed) / 1e9));
        try {
            Console.info(json.writeValueAsString(article));
        } catch (IOException e) {
            Console.info(article.toString());
        }
        Console.info("");
        Console.info("Every published article: GET " + Service.PUBLISH.url(settings) + "/v1/articles/{articleId}"
                + "; Kafka topic articles.published on " + settings.bootstrapServers());
    }

    /** Files directly in the folder are pushed as the demo publisher; files in a sub-folder as that publisher. */
    private static String publisherOf(Path folder, Path sample) {
        Path parent = sample.getParent();
        return parent.equals(folder) ? Publishers.DEMO : parent.getFileName().toString();
    }

    private static List<Path> samples(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw Console.fail("no sample folder at " + folder);
        }
        try (Stream<Path> files = Files.walk(folder, 2)) {
            List<Path> samples = files.filter(Files::isRegularFile).filter(Demo::isArticleFile)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())).toList();
            if (samples.isEmpty()) {
                throw Console.fail("no .json, .ndjson, .rss or .atom files in " + folder);
            }
            return samples;
        } catch (IOException e) {
            throw Console.fail("cannot read " + folder + ": " + e.getMessage());
        }
    }

    private static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".rss") || name.endsWith(".atom");
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".ndjson")) {
            return "application/x-ndjson";
        }
        if (name.endsWith(".rss")) {
            return "application/rss+xml";
        }
        return name.endsWith(".atom") ? "application/atom+xml" : "application/json";
    }

    private JsonNode push(Path sample, String apiKey) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(Service.INGEST.url(settings) + "/v1/articles"))
                    .header("Content-Type", contentType(sample))
                    .header("Authorization", "Bearer " + apiKey)
                    .POST(HttpRequest.BodyPublishers.ofFile(sample)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202 && answer.statusCode() != 207) {
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
        throw Console.fail("the article was not published within 60 s: the pipeline may still be working through "
                + "earlier articles (a backlog on articles.submitted), or a service is failing; see .newsflow/logs/*.log");
    }
}
