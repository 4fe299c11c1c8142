package org.newsflow.enrich.language;

import java.util.Map;
import java.util.Set;

/**
 * The most frequent function words of some news languages: words that carry no topic, left out of keywords.
 * Lists written for Newsflow from general knowledge of each language.
 */
public final class FunctionWords {

    private static final Map<String, Set<String>> WORDS = Map.ofEntries(
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

    /** The languages listed. */
    public static final java.util.Set<String> LANGUAGES = WORDS.keySet();

    /** The function words of {@code language} (BCP 47 primary tag); empty when none are listed. */
    public static Set<String> of(String language) {
        if (language == null) {
            return Set.of();
        }
        int dash = language.indexOf('-');
        return WORDS.getOrDefault((dash < 0 ? language : language.substring(0, dash)).toLowerCase(), Set.of());
    }

    private FunctionWords() {
    }
}
