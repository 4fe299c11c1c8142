package org.newsflow.enrich.keywords;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.language.FunctionWords;
import org.newsflow.enrich.text.ArticleText;

/**
 * First keywords: the content words an article repeats most, headline words counting three times. Function
 * words of the article's language are skipped, as are words of fewer than four letters.
 */
@ApplicationScoped
public class KeywordExtractor {

    private static final int HEADLINE_WEIGHT = 3;

    private final EnrichConfig config;

    public KeywordExtractor(EnrichConfig config) {
        this.config = config;
    }

    public List<String> extract(ArticleText text, String language) {
        Set<String> skip = FunctionWords.of(language);
        Map<String, Integer> weight = new HashMap<>();
        count(text.headline(), HEADLINE_WEIGHT, skip, weight);
        count(text.body(), 1, skip, weight);
        return weight.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<String, Integer> comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(config.keywords().max())
                .map(Map.Entry::getKey)
                .toList();
    }

    private static void count(String text, int by, Set<String> skip, Map<String, Integer> weight) {
        for (String word : ArticleText.words(text)) {
            String term = word.toLowerCase(Locale.ROOT);
            if (term.codePointCount(0, term.length()) >= 4 && !skip.contains(term) && !term.chars().allMatch(Character::isDigit)) {
                weight.merge(term, by, Integer::sum);
            }
        }
    }
}
