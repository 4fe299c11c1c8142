package org.newsflow.enrich.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.config.StandaloneConfig;
import org.newsflow.enrich.entities.NameFinder;
import org.newsflow.enrich.reprint.AttributionParser;
import org.newsflow.enrich.subjects.SubjectClassifier;
import org.newsflow.enrich.keywords.KeywordExtractor;
import org.newsflow.enrich.language.LanguageDetector;
import org.newsflow.enrich.places.Gazetteer;
import org.newsflow.enrich.places.PlaceFinder;
import org.newsflow.enrich.pipeline.Enricher;
import org.newsflow.enrich.summary.LeadSummarizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The enrichment of the service, without Kafka, database or server:
 * <pre>
 *   ./newsflow enrich &lt;file-or-folder&gt;   one enriched ninjs article per line, inputs in file-name order
 *   ./newsflow eval &lt;folder&gt;             scores against gold labels (the eval-dev format), ends with a JSON line
 * </pre>
 * Inputs are ninjs items, or articles of the evaluation format ({@code headline}, {@code body}, {@code gold}).
 */
public final class EnrichCommand {

    private final ObjectMapper json = new ObjectMapper();
    private final Enricher enricher;

    EnrichCommand(EnrichConfig config) {
        Gazetteer gazetteer = new Gazetteer();
        this.enricher = new Enricher(new LanguageDetector(config), new LeadSummarizer(config), new KeywordExtractor(config),
                new PlaceFinder(gazetteer), new NameFinder(gazetteer), new SubjectClassifier(),
                new AttributionParser());
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err));
    }

    /** Runs a command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length != 2 || !(args[0].equals("enrich") || args[0].equals("eval"))) {
            err.println("usage: ./newsflow enrich <file-or-folder> | ./newsflow eval <folder>");
            return 2;
        }
        Path input = Path.of(args[1]);
        if (!Files.exists(input)) {
            err.println("✘ " + input + " does not exist");
            return 1;
        }
        EnrichCommand command = new EnrichCommand(StandaloneConfig.load());
        List<Path> files = files(input);
        if (args[0].equals("enrich")) {
            command.enrich(files, out);
        } else {
            new Evaluation(command, command.json).run(files, out);
        }
        return 0;
    }

    private void enrich(List<Path> files, PrintStream out) throws IOException {
        for (Path file : files) {
            out.println(json.writeValueAsString(enrich(read(file)).article()));
        }
    }

    Enricher.Result enrich(ObjectNode article) {
        return enricher.enrich(article);
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
