package org.newsflow.enrich.keywords;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.language.FunctionWords;
import org.newsflow.enrich.text.ArticleText;

/**
 * Key phrases in the manner of RAKE: function words, numbers and punctuation split the text into candidate
 * phrases of one to four words (a longer run offers its two- and three-word parts); a word scores by how often it occurs and how long the phrases it occurs in are,
 * a phrase by the sum of its words, and a phrase in the headline counts double. Phrases are printed in the form
 * the article writes most often ("Ilham Aliyev", "green energy").
 */
@ApplicationScoped
public class KeywordExtractor {

    public static final String SOURCE = "rake-phrases";

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");
    private static final int MAX_WORDS = 4;
    private static final int MIN_KEYWORDS = 5;

    private final EnrichConfig config;

    public KeywordExtractor(EnrichConfig config) {
        this.config = config;
    }

    /** A key phrase and its score relative to the best one (0..1). */
    public record Keyword(String phrase, double score) {
    }

    public List<Keyword> extract(ArticleText text, String language) {
        Set<String> stop = StopWords.of(language);
        List<List<String>> phrases = new ArrayList<>();
        List<Boolean> inHeadline = new ArrayList<>();
        candidates(text.headline(), stop, phrases, inHeadline, true);
        text.paragraphs().forEach(p -> candidates(p, stop, phrases, inHeadline, false));

        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Integer> degree = new HashMap<>();
        for (List<String> phrase : phrases) {
            for (String word : phrase) {
                String key = word.toLowerCase(Locale.ROOT);
                frequency.merge(key, 1, Integer::sum);
                degree.merge(key, phrase.size(), Integer::sum);
            }
        }
        Map<String, Double> score = new HashMap<>();
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (int i = 0; i < phrases.size(); i++) {
            List<String> phrase = phrases.get(i);
            String key = String.join(" ", phrase).toLowerCase(Locale.ROOT);
            double phraseScore = 0;
            for (String word : phrase) {
                String w = word.toLowerCase(Locale.ROOT);
                phraseScore += (double) degree.get(w) / frequency.get(w);
            }
            phraseScore *= inHeadline.get(i) ? 2 : 1;
            score.merge(key, phraseScore, Math::max);
            occurrences.merge(key, inHeadline.get(i) ? 2 : 1, Integer::sum);
            forms.computeIfAbsent(key, k -> new HashMap<>()).merge(String.join(" ", phrase), 1, Integer::sum);
        }
        // a phrase said once scores by its words alone; repetition is what makes it key
        Map<String, Double> ranked = new LinkedHashMap<>();
        score.forEach((key, s) -> ranked.put(key, s * Math.log(1 + occurrences.get(key))));
        List<Map.Entry<String, Double>> order = new ArrayList<>(ranked.entrySet());
        order.sort(Map.Entry.<String, Double> comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));

        int max = Math.max(MIN_KEYWORDS, config.keywords().max());
        List<Keyword> chosen = new ArrayList<>();
        double best = order.isEmpty() ? 1 : order.get(0).getValue();
        for (Map.Entry<String, Double> entry : order) {
            if (chosen.size() >= max) {
                break;
            }
            if (chosen.size() >= MIN_KEYWORDS && occurrences.get(entry.getKey()) < 2) {
                continue;
            }
            String key = entry.getKey();
            boolean covered = chosen.stream().anyMatch(k -> (" " + k.phrase().toLowerCase(Locale.ROOT) + " ").contains(" " + key + " "));
            if (!covered) {
                chosen.add(new Keyword(mostFrequentForm(forms.get(key)), Math.round(entry.getValue() / best * 1000) / 1000.0));
            }
        }
        return chosen;
    }

    private static void candidates(String text, Set<String> stop, List<List<String>> phrases, List<Boolean> inHeadline,
            boolean headline) {
        List<String> run = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            String token = matcher.group();
            String lower = token.toLowerCase(Locale.ROOT);
            boolean word = Character.isLetter(token.codePointAt(0));
            if (!word || stop.contains(lower) || lower.codePointCount(0, lower.length()) < 3) {
                flush(run, phrases, inHeadline, headline);
            } else {
                run.add(token);
            }
        }
        flush(run, phrases, inHeadline, headline);
    }

    private static void flush(List<String> run, List<List<String>> phrases, List<Boolean> inHeadline, boolean headline) {
        if (!run.isEmpty() && run.size() <= MAX_WORDS) {
            phrases.add(List.copyOf(run));
            inHeadline.add(headline);
        } else if (run.size() > MAX_WORDS) {
            // a long run (a headline, a verb between nouns) offers its two- and three-word parts instead
            for (int width = 2; width <= 3; width++) {
                for (int i = 0; i + width <= run.size(); i++) {
                    phrases.add(List.copyOf(run.subList(i, i + width)));
                    inHeadline.add(headline);
                }
            }
        }
        run.clear();
    }

    private static String mostFrequentForm(Map<String, Integer> forms) {
        return forms.entrySet().stream()
                .max(Map.Entry.<String, Integer> comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }
}
