package org.newsflow.enrich.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.newsflow.contract.StableIds;
import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.config.StandaloneConfig;
import org.newsflow.enrich.entities.NameFinder;
import org.newsflow.enrich.reprint.AttributionParser;
import org.newsflow.enrich.reprint.InMemoryFingerprintIndex;
import org.newsflow.enrich.reprint.NearDuplicateFinder;
import org.newsflow.enrich.story.InMemoryStoryIndex;
import org.newsflow.enrich.story.StoryClusterer;
import org.newsflow.enrich.text.ArticleContext;
import org.newsflow.enrich.subjects.SubjectClassifier;
import org.newsflow.enrich.keywords.KeywordExtractor;
import org.newsflow.enrich.language.LanguageDetector;
import org.newsflow.enrich.places.Gazetteer;
import org.newsflow.enrich.places.PlaceFinder;
import org.newsflow.enrich.pipeline.Enricher;
import org.newsflow.enrich.pipeline.StepTimes;
import org.newsflow.enrich.summary.LeadSummarizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The enrichment of the service, without Kafka, database or server:
 * <pre>
 *   ./newsflow enrich [--envelope] &lt;file-or-folder&gt;   one enriched ninjs article per line, inputs in file-name
 *                                                   order; --envelope prints {"article", "enrichment"} instead
 *   ./newsflow eval [--details] [--part=tune|held] &lt;folder&gt;  scores against gold labels (the eval-dev format),
 *                                                   per task and per language; ends with a JSON line; --part scores
 *                                                   one of two fixed parts that never split a story
 * </pre>
 * Inputs are ninjs items, or articles of the evaluation format ({@code headline}, {@code body}, {@code gold}).
 * One run remembers the articles it has enriched, in memory, so reprints and stories among them are found.
 */
public final class EnrichCommand {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Enricher enricher;

    EnrichCommand(EnrichConfig config) {
        Gazetteer gazetteer = new Gazetteer();
        this.enricher = new Enricher(new LanguageDetector(config), new LeadSummarizer(config), new KeywordExtractor(config),
                new PlaceFinder(gazetteer), new NameFinder(gazetteer), new SubjectClassifier(),
                new AttributionParser(), new NearDuplicateFinder(config, new InMemoryFingerprintIndex()),
                new StoryClusterer(config, new InMemoryStoryIndex()));
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err));
    }

    /** Runs a command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        List<String> options = args.length < 2 ? List.of() : List.of(args).subList(1, args.length - 1);
        boolean envelope = args.length > 0 && args[0].equals("enrich") && options.equals(List.of("--envelope"));
        boolean details = options.contains("--details");
        Evaluation.Part part = options.contains("--part=tune") ? Evaluation.Part.TUNE
                : options.contains("--part=held") ? Evaluation.Part.HELD : Evaluation.Part.ALL;
        boolean evalOptions = options.stream().allMatch(o -> o.equals("--details") || o.equals("--part=tune")
                || o.equals("--part=held"));
        if (args.length < 2 || !(args[0].equals("enrich") && (options.isEmpty() || envelope)
                || args[0].equals("eval") && evalOptions)) {
            err.println("usage: ./newsflow enrich [--envelope] <file-or-folder>"
                    + " | ./newsflow eval [--details] [--part=tune|--part=held] <folder>");
            return 2;
        }
        Path input = Path.of(args[args.length - 1]);
        if (!Files.exists(input)) {
            err.println("✘ " + input + " does not exist");
            return 1;
        }
        EnrichCommand command = new EnrichCommand(StandaloneConfig.load());
        List<Path> files = files(input);
        if (args[0].equals("enrich")) {
            command.enrich(files, envelope, out);
        } else {
            new Evaluation(command, command.json, details, part).run(files, out);
        }
        return 0;
    }

    private void enrich(List<Path> files, boolean envelope, PrintStream out) throws IOException {
        for (Path file : files) {
            Enricher.Result result = enrich(read(file));
            if (envelope) {
                ObjectNode line = json.createObjectNode();
                line.set("article", result.article());
                line.set("enrichment", json.valueToTree(result.enrichment()));
                out.println(json.writeValueAsString(line));
            } else {
                out.println(json.writeValueAsString(result.article()));
            }
        }
    }

    /** Enriches one article; its source is the host of its uri, its time its firstCreated if it has one. */
    Enricher.Result enrich(ObjectNode article) {
        return enrich(article, StepTimes.OFF);
    }

    Enricher.Result enrich(ObjectNode article, StepTimes times) {
        String uri = article.path("uri").asText();
        return enricher.enrich(article, ArticleContext.of(article, StableIds.articleId("cli", uri), host(uri), null), times);
    }

    private static String host(String uri) {
        try {
            String host = java.net.URI.create(uri).getHost();
            return host == null ? uri : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    /** A ninjs item as it is; an evaluation article turned into one (uri from its url, else its id). */
    ObjectNode read(Path file) throws IOException {
        JsonNode node = json.readTree(file.toFile());
        if (!(node instanceof ObjectNode item)) {
            throw new IOException(file + " is not a JSON object");
        }
        if (!item.has("body") && !item.has("headline")) {
            return item;
        }
        ObjectNode article = json.createObjectNode();
        article.put("uri", item.path("url").asText(item.path("id").asText(file.getFileName().toString())));
        article.put("type", "text");
        if (item.path("published").isTextual()) {
            article.put("firstCreated", item.get("published").asText() + "T00:00:00Z");
        }
        article.putArray("headlines").addObject().put("role", "main").put("value", item.path("headline").asText(""));
        article.putArray("bodies").addObject().put("role", "main").put("contentType", "text/plain")
                .put("value", item.path("body").asText(""));
        return article;
    }

    static List<Path> files(Path input) throws IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        try (Stream<Path> listing = Files.list(input)) {
            return new ArrayList<>(listing.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList());
        }
    }
}
