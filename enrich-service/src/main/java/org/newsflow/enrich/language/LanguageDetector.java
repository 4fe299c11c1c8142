package org.newsflow.enrich.language;

import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.text.ArticleText;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import io.quarkus.runtime.StartupEvent;

/**
 * Detects the language of an article with Lingua (offline n-gram models shipped in its jar), limited to the
 * {@link #LANGUAGES} most used in news and run in low-accuracy mode on the first
 * {@code newsflow.enrich.language.max-chars} characters: about 50 MB of heap and 1–2 ms per article,
 * with full accuracy on article-length text (measured on the development corpus; short texts suffer first).
 */
@ApplicationScoped
public class LanguageDetector {

    static final String NAME = "lingua-1.2.2-low-accuracy";
    static final String FAST_PATH = "english-function-words";

    /** The languages Newsflow tells apart: the 30+ most used news languages and their close neighbours. */
    static final Language[] LANGUAGES = { Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH,
            Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.SWEDISH, Language.DANISH, Language.BOKMAL,
            Language.NYNORSK, Language.FINNISH, Language.ESTONIAN, Language.LATVIAN, Language.LITHUANIAN, Language.POLISH,
            Language.CZECH, Language.SLOVAK, Language.SLOVENE, Language.CROATIAN, Language.SERBIAN, Language.BOSNIAN,
            Language.BULGARIAN, Language.MACEDONIAN, Language.ROMANIAN, Language.HUNGARIAN, Language.ALBANIAN,
            Language.GREEK, Language.TURKISH, Language.AZERBAIJANI, Language.RUSSIAN, Language.UKRAINIAN,
            Language.BELARUSIAN, Language.KAZAKH, Language.GEORGIAN, Language.ARMENIAN, Language.ARABIC,
            Language.PERSIAN, Language.URDU, Language.HEBREW, Language.HINDI, Language.BENGALI, Language.MARATHI,
            Language.TAMIL, Language.TELUGU, Language.PUNJABI, Language.GUJARATI, Language.CHINESE, Language.JAPANESE,
            Language.KOREAN, Language.VIETNAMESE, Language.THAI, Language.INDONESIAN, Language.MALAY, Language.TAGALOG,
            Language.SWAHILI, Language.SOMALI, Language.AFRIKAANS, Language.CATALAN, Language.BASQUE, Language.IRISH,
            Language.WELSH, Language.ICELANDIC };

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua = LanguageDetectorBuilder
            .fromLanguages(LANGUAGES).withLowAccuracyMode().build();
    private final int maxChars;
    private final Map<String, com.github.pemistahl.lingua.api.LanguageDetector> families = families();

    public LanguageDetector(EnrichConfig config) {
        this.maxChars = config.language().maxChars();
    }

    /**
     * Narrows the languages Lingua compares when function words point clearly at one family: at least eight
     * function words of one listed language and three times as many as of any other. English is then decided at
     * once; any other language among itself and its close neighbours (Spanish among Spanish, Portuguese, Catalan,
     * Italian, ...), which is many times cheaper than comparing all of them and keeps Lingua as the judge.
     * Returns the language (English) or the detector to ask, or null when the function words are not clear.
     */
    private Object narrowed(String sample) {
        Map<String, Integer> hits = new java.util.HashMap<>();
        for (String word : org.newsflow.enrich.text.ArticleText.words(sample)) {
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            for (String language : FunctionWords.LANGUAGES) {
                if (FunctionWords.of(language).contains(lower)) {
                    hits.merge(language, 1, Integer::sum);
                }
            }
        }
        Map.Entry<String, Integer> best = hits.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        if (best == null || best.getValue() < 8) {
            return null;
        }
        int other = hits.entrySet().stream().filter(e -> !e.getKey().equals(best.getKey()))
                .mapToInt(Map.Entry::getValue).max().orElse(0);
        if (best.getValue() < 3 * other) {
            return null;
        }
        if (best.getKey().equals("en") && best.getValue() >= 10 && best.getValue() >= 4 * other) {
            return new LanguageGuess("en", 0.99, FAST_PATH);
        }
        return families.get(best.getKey());
    }

    private static Map<String, com.github.pemistahl.lingua.api.LanguageDetector> families() {
        Map<String, Language[]> families = Map.ofEntries(
                Map.entry("en", new Language[] { Language.ENGLISH, Language.WELSH, Language.IRISH }),
                Map.entry("de", new Language[] { Language.GERMAN, Language.DUTCH, Language.AFRIKAANS, Language.DANISH }),
                Map.entry("fr", new Language[] { Language.FRENCH, Language.CATALAN, Language.ITALIAN, Language.SPANISH,
                        Language.PORTUGUESE, Language.ROMANIAN }),
                Map.entry("es", new Language[] { Language.SPANISH, Language.CATALAN, Language.PORTUGUESE,
                        Language.ITALIAN, Language.BASQUE }),
                Map.entry("pt", new Language[] { Language.PORTUGUESE, Language.SPANISH, Language.CATALAN, Language.ITALIAN }),
                Map.entry("it", new Language[] { Language.ITALIAN, Language.SPANISH, Language.PORTUGUESE, Language.FRENCH,
                        Language.CATALAN, Language.ROMANIAN }),
                Map.entry("nl", new Language[] { Language.DUTCH, Language.AFRIKAANS, Language.GERMAN }),
                Map.entry("sv", new Language[] { Language.SWEDISH, Language.DANISH, Language.BOKMAL, Language.NYNORSK,
                        Language.ICELANDIC }),
                Map.entry("pl", new Language[] { Language.POLISH, Language.CZECH, Language.SLOVAK, Language.SLOVENE,
                        Language.CROATIAN }),
                Map.entry("tr", new Language[] { Language.TURKISH, Language.AZERBAIJANI }),
                Map.entry("az", new Language[] { Language.AZERBAIJANI, Language.TURKISH }),
                Map.entry("id", new Language[] { Language.INDONESIAN, Language.MALAY, Language.TAGALOG }));
        Map<String, com.github.pemistahl.lingua.api.LanguageDetector> detectors = new java.util.HashMap<>();
        families.forEach((language, members) -> detectors.put(language,
                LanguageDetectorBuilder.fromLanguages(members).withLowAccuracyMode().build()));
        return detectors;
    }

    /** Loads the models in the background at start, so the first article does not wait for them. */
    void warmUp(@Observes StartupEvent event) {
        CompletableFuture.runAsync(() -> detect("Models are loaded before the first article arrives."));
    }

    /** The language of the article: declared by the publisher if it says so, detected otherwise. */
    public LanguageGuess decide(String declared, ArticleText text) {
        if (declared != null && !declared.isBlank()) {
            return new LanguageGuess(declared, 1.0, "publisher");
        }
        return detect(text.all());
    }

    public LanguageGuess detect(String text) {
        String sample = text.length() <= maxChars ? text : text.substring(0, maxChars);
        Object narrowed = narrowed(sample);
        if (narrowed instanceof LanguageGuess obvious) {
            return obvious;
        }
        var detector = narrowed instanceof com.github.pemistahl.lingua.api.LanguageDetector family ? family : lingua;
        SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(sample);
        if (confidences.isEmpty()) {
            return new LanguageGuess(LanguageGuess.UNDETERMINED, 0.0, NAME);
        }
        Map.Entry<Language, Double> best = confidences.entrySet().iterator().next();
        for (Map.Entry<Language, Double> candidate : confidences.entrySet()) {
            if (candidate.getValue() > best.getValue()) {
                best = candidate;
            }
        }
        String code = best.getKey().getIsoCode639_1().toString().toLowerCase();
        return new LanguageGuess(code, Math.round(best.getValue() * 1000) / 1000.0, NAME);
    }
}
