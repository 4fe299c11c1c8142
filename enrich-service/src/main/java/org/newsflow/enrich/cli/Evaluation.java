package org.newsflow.enrich.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.newsflow.enrich.pipeline.Enricher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scores enrichment against gold labels: micro-averaged precision, recall and F1 per task over the whole folder.
 * Entity names match when they are equal after folding case, accents and punctuation, or when one is a
 * whole-word part of the other ("Aliyev" ~ "Ilham Aliyev"). Countries are those the article is about (places with
 * an ISO 3166-1 uri and {@code rel: about}).
 */
final class Evaluation {

    private final EnrichCommand command;
    private final ObjectMapper json;
    private final Map<String, Score> scores = new LinkedHashMap<>();

    private final Map<String, Score> entitiesByLanguage = new java.util.TreeMap<>();
    private final Map<String, int[]> subjectsByLanguage = new java.util.TreeMap<>();

    private final boolean details;
    private final Part part;
    private PrintStream out;

    /**
     * Which articles are scored: all, or one of two fixed parts that never split a story — {@code tune} (about two
     * thirds) to work on, {@code held} (the rest) to judge a change on articles it was not tuned on.
     */
    enum Part {
        ALL, TUNE, HELD;

        boolean takes(String story, String id) {
            if (this == ALL) {
                return true;
            }
            String key = story.isEmpty() ? id : story;
            // String.hashCode is specified by the language, so the parts are the same on every machine and run
            boolean held = Math.floorMod(key.hashCode(), 3) == 0;
            return held == (this == HELD);
        }
    }

    Evaluation(EnrichCommand command, ObjectMapper json, boolean details, Part part) {
        this.command = command;
        this.json = json;
        this.details = details;
        this.part = part;
        for (String task : List.of("people", "organisations", "places", "countries", "language", "subjects", "reprints",
                "stories")) {
            scores.put(task, new Score());
        }
    }

    void run(List<Path> files, PrintStream out) throws IOException {
        this.out = out;
        List<String> ids = new ArrayList<>();
        Map<String, String> idByUri = new java.util.HashMap<>();
        List<String> goldStories = new ArrayList<>();
        List<String> predictedStories = new ArrayList<>();
        long nanos = 0;
        int evaluated = 0;
        int withSubjects = 0;
        int topAgrees = 0;
        for (Path file : files) {
            JsonNode item = json.readTree(file.toFile());
            JsonNode gold = item.get("gold");
            if (gold == null || !part.takes(gold.path("story").asText(""), item.path("id").asText())) {
                continue;
            }
            ObjectNode input = command.read(file);
            long start = System.nanoTime();
            Enricher.Result result = command.enrich(input);
            nanos += System.nanoTime() - start;
            evaluated++;
            ObjectNode article = result.article();
            String id = item.path("id").asText();
            Score entitiesHere = entitiesByLanguage.computeIfAbsent(item.path("language").asText("und"), l -> new Score());
            names(id + " people", entitiesHere, scores.get("people"), article.path("people"), gold.path("persons"));
            names(id + " organisations", entitiesHere, scores.get("organisations"), article.path("organisations"),
                    gold.path("organisations"));
            names(id + " places", entitiesHere, scores.get("places"), article.path("places"), gold.path("places"));
            exact(id + " countries", scores.get("countries"), countries(article.path("places")), strings(gold.path("countries")));
            exact(null, scores.get("language"), Set.of(article.path("language").asText("und")),
                    Set.of(item.path("language").asText()));
            Set<String> goldSubjects = lower(strings(gold.path("subjects")));
            exact(id + " subjects", scores.get("subjects"), subjectLabels(article.path("subjects")), goldSubjects);
            if (!goldSubjects.isEmpty()) {
                withSubjects++;
                String first = firstTopLevel(article.path("subjects"));
                int agrees = first != null && goldSubjects.contains(first) ? 1 : 0;
                topAgrees += agrees;
                int[] counts = subjectsByLanguage.computeIfAbsent(item.path("language").asText("und"), l -> new int[2]);
                counts[0] += agrees;
                counts[1]++;
            }
            ids.add(id);
            idByUri.put(input.path("uri").asText(), id);
            goldStories.add(gold.path("story").asText(""));
            predictedStories.add(result.enrichment().storyId());
            String goldOriginal = gold.path("reprint_of").isTextual() ? gold.get("reprint_of").asText() : null;
            var reprint = result.enrichment().reprintOf();
            String predictedOriginal = reprint == null ? null : idByUri.getOrDefault(reprint.originalUri(), reprint.originalUri());
            boolean hit = goldOriginal != null && goldOriginal.equals(predictedOriginal);
            scores.get("reprints").add(hit ? 1 : 0, predictedOriginal != null && !hit ? 1 : 0, goldOriginal != null && !hit ? 1 : 0);
        }
        pairs(scores.get("stories"), goldStories, predictedStories);
        Score entities = new Score(); // the brief's "entity F1": people, organisations and places together
        for (String task : List.of("people", "organisations", "places")) {
            Score part = scores.get(task);
            entities.add(part.tp, part.fp, part.fn);
        }
        scores.put("entities", entities);

        out.printf("%-14s %9s %9s %9s %7s %7s %7s%n", "task", "precision", "recall", "F1", "tp", "fp", "fn");
        for (Map.Entry<String, Score> task : scores.entrySet()) {
            Score s = task.getValue();
            out.printf("%-14s %9.3f %9.3f %9.3f %7d %7d %7d%n", task.getKey(), s.precision(), s.recall(), s.f1(), s.tp,
                    s.fp, s.fn);
        }
        double agreement = withSubjects == 0 ? 0 : (double) topAgrees / withSubjects;
        out.printf("top-level subject agreement (our first topic is one of the editors'): %.3f (%d of %d)%n", agreement,
                topAgrees, withSubjects);
        out.printf("%nper language  articles  entity P      R     F1   subject top-1%n");
        entitiesByLanguage.forEach((language, s) -> {
            int[] subjects = subjectsByLanguage.getOrDefault(language, new int[2]);
            out.printf("%-13s %8d  %8.3f %6.3f %6.3f   %s%n", language, subjects[1], s.precision(), s.recall(), s.f1(),
                    subjects[1] == 0 ? "-" : String.format(Locale.ROOT, "%.2f (%d of %d)", (double) subjects[0] / subjects[1],
                            subjects[0], subjects[1]));
        });
        out.printf("%s%d articles, %.2f ms enrichment per article%n", part == Part.ALL ? "" : "part " + part.name().toLowerCase(Locale.ROOT) + ": ", evaluated, evaluated == 0 ? 0 : nanos / 1e6 / evaluated);
        ObjectNode summary = json.createObjectNode().put("articles", evaluated)
                .put("part", part.name().toLowerCase(Locale.ROOT)).put("subjectAgreement", round(agreement));
        scores.forEach((task, s) -> summary.putObject(task).put("precision", round(s.precision()))
                .put("recall", round(s.recall())).put("f1", round(s.f1())));
        ObjectNode languages = summary.putObject("entitiesByLanguage");
        entitiesByLanguage.forEach((language, s) -> languages.putObject(language).put("precision", round(s.precision()))
                .put("recall", round(s.recall())).put("f1", round(s.f1())));
        out.println(json.writeValueAsString(summary));
    }

    private void names(String what, Score language, Score score, JsonNode predicted, JsonNode gold) {
        List<String> guesses = new ArrayList<>();
        predicted.forEach(p -> guesses.add(fold(p.path("name").asText(""))));
        List<String> truths = new ArrayList<>();
        gold.forEach(g -> truths.add(fold(g.asText())));
        Set<Integer> matchedTruths = new HashSet<>();
        int tp = 0;
        for (String guess : guesses) {
            for (int i = 0; i < truths.size(); i++) {
                if (!matchedTruths.contains(i) && sameName(guess, truths.get(i))) {
                    matchedTruths.add(i);
                    tp++;
                    break;
                }
            }
        }
        score.add(tp, guesses.size() - tp, truths.size() - matchedTruths.size());
        language.add(tp, guesses.size() - tp, truths.size() - matchedTruths.size());
        if (details) {
            List<String> extra = guesses.stream().filter(g -> truths.stream().noneMatch(t -> sameName(g, t))).toList();
            List<String> missed = new ArrayList<>();
            for (int i = 0; i < truths.size(); i++) {
                if (!matchedTruths.contains(i)) {
                    missed.add(truths.get(i));
                }
            }
            report(what, extra, missed);
        }
    }

    private void exact(String what, Score score, Set<String> predicted, Set<String> gold) {
        Set<String> hits = new HashSet<>(predicted);
        hits.retainAll(gold);
        score.add(hits.size(), predicted.size() - hits.size(), gold.size() - hits.size());
        if (details && what != null) {
            report(what, predicted.stream().filter(p -> !gold.contains(p)).toList(),
                    gold.stream().filter(g -> !predicted.contains(g)).toList());
        }
    }

    /** With --details: what one article got wrong in one task. */
    private void report(String what, List<String> extra, List<String> missed) {
        if (!extra.isEmpty() || !missed.isEmpty()) {
            out.printf("  %-26s wrong: %s   missed: %s%n", what, extra, missed);
        }
    }

    /** Pairwise clustering scores: a pair is positive when both articles share a story. */
    private static void pairs(Score score, List<String> gold, List<String> predicted) {
        for (int i = 0; i < gold.size(); i++) {
            for (int j = i + 1; j < gold.size(); j++) {
                boolean truth = !gold.get(i).isEmpty() && gold.get(i).equals(gold.get(j));
                boolean guess = predicted.get(i) != null && predicted.get(i).equals(predicted.get(j));
                score.add(truth && guess ? 1 : 0, guess && !truth ? 1 : 0, truth && !guess ? 1 : 0);
            }
        }
    }

    private static Set<String> countries(JsonNode places) {
        Set<String> codes = new HashSet<>();
        places.forEach(p -> {
            String uri = p.path("uri").asText("");
            int slash = uri.lastIndexOf('/');
            if (uri.contains("iso3166") && slash >= 0 && "about".equals(p.path("rel").asText())) {
                codes.add(uri.substring(slash + 1).toUpperCase(Locale.ROOT));
            }
        });
        return codes;
    }

    private static String firstTopLevel(JsonNode subjects) {
        for (JsonNode subject : subjects) {
            if (subject.path("uri").asText("").matches(".*/mediatopic/\\d{2}000000")) {
                return label(subject.path("name").asText(""));
            }
        }
        return null;
    }

    /** Top-level Media Topics only (uri ending in six zeros), as the gold labels are. */
    private static Set<String> subjectLabels(JsonNode subjects) {
        Set<String> labels = new HashSet<>();
        subjects.forEach(s -> {
            if (s.path("uri").asText("").matches(".*/mediatopic/\\d{2}000000")) {
                labels.add(label(s.path("name").asText("")));
            }
        });
        return labels;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> lowered = new HashSet<>();
        values.forEach(v -> lowered.add(label(v)));
        return lowered;
    }

    /**
     * A top-level label as the gold files write it: IPTC's 2019 vocabulary says "religion and belief" where the
     * evaluation format says "religion" (its README notes it).
     */
    private static String label(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("religion and belief") ? "religion" : lower;
    }

    static boolean sameName(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.equals(b) || (" " + a + " ").contains(" " + b + " ") || (" " + b + " ").contains(" " + a + " ");
    }

    static String fold(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static final class Score {
        int tp;
        int fp;
        int fn;

        void add(int truePositives, int falsePositives, int falseNegatives) {
            tp += truePositives;
            fp += falsePositives;
            fn += falseNegatives;
        }

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
