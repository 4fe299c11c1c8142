package org.newsflow.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The command line enriches files without Kafka or a server, and scores itself against gold labels. */
class EnrichCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void enrichPrintsOneNinjsArticlePerInputInFileNameOrderKeepingTheUri() throws Exception {
        Files.writeString(folder.resolve("b.json"), """
                {"uri": "urn:test:b", "headlines": [{"value": "Second"}],
                 "bodies": [{"contentType": "text/plain", "value": "Die Brücke wird am Montag wieder für den Verkehr geöffnet, teilte die Stadt mit."}]}
                """);
        Files.writeString(folder.resolve("a.json"), """
                {"id": "own-1", "url": "https://example.org/a", "headline": "Ferry returns",
                 "body": "The night ferry returns to the harbour on Monday, the operator said.\\n\\nTickets go on sale on Friday."}
                """);

        List<String> lines = run("enrich", folder.toString()).lines().toList();

        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(first.get("uri").asText()).isEqualTo("https://example.org/a");
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(first.at("/descriptions/0/value").asText()).startsWith("The night ferry returns");
        assertThat(second.get("uri").asText()).isEqualTo("urn:test:b");
        assertThat(second.get("language").asText()).isEqualTo("de");
    }

    @Test
    void evalScoresEachTaskAndEndsWithAJsonLine() throws Exception {
        Files.writeString(folder.resolve("001.json"), """
                {"id": "own-1", "headline": "Ferry returns", "language": "en",
                 "body": "The night ferry returns to the harbour on Monday, the operator said.",
                 "gold": {"persons": ["Lena Okafor"], "organisations": [], "places": ["Harbour"], "countries": ["GB"],
                          "subjects": ["economy, business and finance"], "reprint_of": null, "story": "ferry"}}
                """);

        List<String> lines = run("eval", folder.toString()).lines().toList();

        JsonNode summary = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(summary.get("articles").asInt()).isEqualTo(1);
        assertThat(summary.at("/language/f1").asDouble()).isEqualTo(1.0);
        assertThat(summary.at("/people/recall").asDouble()).isEqualTo(0.0);
        assertThat(lines).anyMatch(line -> line.startsWith("countries"));
    }

    @Test
    void evalDetailsListWhatEachArticleGotWrongAndMissed() throws Exception {
        Files.writeString(folder.resolve("001.json"), """
                {"id": "own-2", "headline": "Vaccine approved", "language": "en",
                 "body": "Regulators approved a new vaccine made by the Serum Institute of India, its maker said.",
                 "gold": {"persons": ["Asha Rao"], "organisations": ["Serum Institute of India"], "places": [],
                          "countries": [], "subjects": [], "reprint_of": null, "story": "vaccine"}}
                """);

        String output = run("eval", "--details", folder.toString());

        // the missed person is listed; India, named only inside the institute's name, is not a place it mentions
        assertThat(output).contains("own-2 people").contains("missed: [asha rao]");
        assertThat(output).doesNotContain("own-2 places");
        assertThat(output).doesNotContain("own-2 organisations");
    }

    @Test
    void namesMatchAcrossCaseAccentsAndPartialForms() {
        assertThat(Evaluation.sameName(Evaluation.fold("Ilham Aliyev"), Evaluation.fold("aliyev"))).isTrue();
        assertThat(Evaluation.sameName(Evaluation.fold("Jürgen Müller"), Evaluation.fold("Jurgen Muller"))).isTrue();
        assertThat(Evaluation.sameName(Evaluation.fold("China"), Evaluation.fold("China Daily"))).isTrue();
        assertThat(Evaluation.sameName(Evaluation.fold("Chin"), Evaluation.fold("China Daily"))).isFalse();
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = EnrichCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
