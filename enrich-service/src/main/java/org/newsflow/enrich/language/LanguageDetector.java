package org.newsflow.enrich.language;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.enrich.text.ArticleText;

/**
 * A first, dependency-free language detector: the writing system decides for scripts used by one major news
 * language; for Latin script, the share of each language's most frequent function words decides.
 * Good enough to route and summarise; a statistical detector replaces it with the enrichment work.
 */
@ApplicationScoped
public class LanguageDetector {

    static final String NAME = "function-words-v1";

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.ofEntries(
            Map.entry("en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "are",
                    "by", "it", "as", "from", "has", "have", "this", "will", "said", "which", "be", "their")),
            Map.entry("de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "des",
                    "auf", "für", "ein", "eine", "dem", "auch", "wird", "zu", "im", "sie", "bei", "nach", "wurde")),
            Map.entry("fr", Set.of("le", "la", "les", "des", "et", "est", "une", "dans", "du", "pour", "qui", "que",
                    "sur", "au", "avec", "pas", "il", "sont", "par", "aux", "ont", "cette", "mais", "été")),
            Map.entry("es", Set.of("el", "los", "las", "del", "y", "que", "en", "por", "con", "una", "para", "es",
                    "se", "su", "al", "lo", "como", "más", "pero", "sus", "fue", "ha", "este", "según")),
            Map.entry("it", Set.of("il", "di", "che", "della", "per", "una", "del", "sono", "con", "non", "gli",
                    "nel", "alla", "delle", "anche", "più", "è", "dei", "ha", "come", "stato", "questo", "ma", "nella")),
            Map.entry("pt", Set.of("o", "os", "que", "do", "da", "em", "para", "com", "uma", "não", "dos", "das",
                    "no", "na", "por", "mais", "foi", "ao", "pelo", "pela", "como", "também", "são", "seu")),
            Map.entry("nl", Set.of("de", "het", "een", "van", "en", "is", "niet", "dat", "op", "te", "zijn", "voor",
                    "met", "ook", "aan", "worden", "werd", "bij", "naar", "heeft", "maar", "door", "deze", "wordt")),
            Map.entry("sv", Set.of("och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den",
                    "har", "inte", "om", "ett", "var", "vid", "från", "efter", "sade", "också", "men", "kommer")),
            Map.entry("pl", Set.of("i", "w", "nie", "na", "się", "z", "do", "że", "jest", "to", "jak", "po", "przez",
                    "od", "za", "oraz", "dla", "jego", "są", "być", "który", "która", "także", "został")),
            Map.entry("tr", Set.of("ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi",
                    "olan", "en", "ama", "sonra", "kadar", "değil", "ancak", "yılında", "üzerine", "tarafından")),
            Map.entry("az", Set.of("və", "bu", "ilə", "üçün", "bir", "da", "də", "olan", "olaraq", "isə", "həm",
                    "ki", "daha", "çox", "sonra", "tərəfindən", "edib", "olub", "deyib", "bildirib", "artıq")),
            Map.entry("id", Set.of("yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak",
                    "akan", "pada", "juga", "ke", "karena", "ada", "oleh", "sudah", "mereka", "kata", "bahwa")));

    /** The most frequent function words of {@code language}; empty when the detector does not know it. */
    public Set<String> functionWords(String language) {
        return FUNCTION_WORDS.getOrDefault(language, Set.of());
    }

    /** The language of the article: declared by the publisher if it says so, detected otherwise. */
    public LanguageGuess decide(String declared, ArticleText text) {
        if (declared != null && !declared.isBlank()) {
            return new LanguageGuess(declared, 1.0, "publisher");
        }
        return detect(text.all());
    }

    public LanguageGuess detect(String text) {
        LanguageGuess byScript = byScript(text);
        if (byScript != null) {
            return byScript;
        }
        List<String> words = ArticleText.words(text.toLowerCase(Locale.ROOT));
        Map<String, Integer> hits = new HashMap<>();
        for (String word : words) {
            FUNCTION_WORDS.forEach((language, list) -> {
                if (list.contains(word)) {
                    hits.merge(language, 1, Integer::sum);
                }
            });
        }
        int total = hits.values().stream().mapToInt(Integer::intValue).sum();
        if (total < 3) {
            return new LanguageGuess(LanguageGuess.UNDETERMINED, 0.0, NAME);
        }
        var best = hits.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        double confidence = Math.round(1000.0 * best.getValue() / total) / 1000.0;
        return new LanguageGuess(best.getKey(), confidence, NAME);
    }

    /** Decides from the writing system when most letters belong to a script used by one major language. */
    private static LanguageGuess byScript(String text) {
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        int letters = 0;
        for (int i = 0; i < text.length() && letters < 2000; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                scripts.merge(Character.UnicodeScript.of(c), 1, Integer::sum);
            }
        }
        if (letters == 0) {
            return null;
        }
        var dominant = scripts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        double share = (double) dominant.getValue() / letters;
        String language = switch (dominant.getKey()) {
            case CYRILLIC -> "ru";
            case ARABIC -> "ar";
            case HAN -> scripts.containsKey(Character.UnicodeScript.HIRAGANA) ? "ja" : "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case HANGUL -> "ko";
            case GREEK -> "el";
            case HEBREW -> "he";
            case DEVANAGARI -> "hi";
            case THAI -> "th";
            default -> null;
        };
        return language == null ? null : new LanguageGuess(language, Math.round(share * 1000) / 1000.0, "script-v1");
    }
}
