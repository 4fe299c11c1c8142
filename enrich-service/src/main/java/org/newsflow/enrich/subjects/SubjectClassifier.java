package org.newsflow.enrich.subjects;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.enrich.text.ArticleText;

/**
 * IPTC Media Topics by votes: every Media Topic label (of any level) and every cue word found in the text votes
 * for its concept and so for the concept's top-level topic; headline words count double. The best top-level
 * topic is kept, and up to two more that have half its votes, or a quarter when at least two of their concepts
 * are named twice or more; under each, the narrower topics (of any level) that the article names at least twice. English reads the Media Topic labels and English cue words; other languages read
 * their own cue words (subjects/cue-words-multilingual.tsv), where a cue may be a word stem, and Chinese and
 * Japanese cues are found inside the text.
 */
@ApplicationScoped
public class SubjectClassifier {

    public static final String SOURCE = "mediatopic-votes-v1";
    public static final String URI = "http://cv.iptc.org/newscodes/mediatopic/";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final int MIN_VOTES = 2;
    /** Words of compound labels too common to point at their concept ("research and development"). */
    private static final Set<String> GENERIC_LABEL_PARTS = Set.of("development", "language", "service", "services",
            "information", "people", "products", "general", "other", "system", "systems", "policy");
    /** Most top-level topics per article; one kept needs a third of the best one's votes. */
    private static final int MAX_TOP_LEVELS = 3;
    /** Most narrower topics under each top-level topic. */
    private static final int MAX_NARROWER = 2;

    /** A topic with its votes: relevance 0..100 (share of the best), confidence 0..100 (share of all votes). */
    public record Subject(String code, String label, int level, int votes, int relevance, int confidence) {
    }

    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, String> label = new HashMap<>();
    private final Map<String, List<String>> cues = new HashMap<>(); // phrase → concept codes
    private int longestCue = 1;
    private final Set<String> cueFirstWords = new java.util.HashSet<>();
    private final Map<String, Language> languages = new HashMap<>();

    /**
     * The cues of one language other than English: phrases of one or more words, each word whole or a stem
     * ("powodzi*"), indexed by their first word; or, in languages written without spaces between words (or with
     * particles attached to them, as Korean), strings found inside the text.
     */
    private static final class Language {
        final Map<String, List<Cue>> byFirstWord = new HashMap<>();
        final Map<String, List<Cue>> byFirstStem = new HashMap<>();
        /** Cues found inside the text, by their first character, so that the text is read once. */
        final Map<Character, Map<String, String>> inText = new HashMap<>();
        /** Attached conjunctions, prepositions and articles taken off a word before it is looked up (Arabic). */
        final List<String> proclitics;

        Language(String code) {
            this.proclitics = code.equals("ar") ? ARABIC_PROCLITICS : List.of();
        }

        void add(String cue, String code) {
            String[] words = cue.split(" +");
            Cue entry = new Cue(words, code);
            String first = words[0];
            if (first.endsWith("*")) {
                byFirstStem.computeIfAbsent(first.substring(0, first.length() - 1), k -> new ArrayList<>()).add(entry);
            } else {
                byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(entry);
            }
        }
    }

    /** A cue phrase: words that are matched whole, or as a stem when they end in "*". */
    private record Cue(String[] words, String code) {
        boolean matches(String word, int at) {
            String cue = words[at];
            return cue.endsWith("*") ? word.startsWith(cue.substring(0, cue.length() - 1)) : word.equals(cue);
        }
    }

    /** Longest first, so that "وال" is taken off before "و". */
    private static final List<String> ARABIC_PROCLITICS = List.of("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب",
            "ل", "ف");
    /** Languages whose cues are found inside the text rather than word by word. */
    private static final Set<String> UNSPACED = Set.of("ja", "zh", "ko");
    /** Conjunctions that join the parts of a Media Topic label ("Umwelt und Natur"), per language. */
    private static final Pattern LABEL_PARTS = Pattern.compile(",|、|،| and | und | et | y | e | و");

    public SubjectClassifier() {
        for (org.newsflow.contract.MediaTopics.Topic topic : org.newsflow.contract.MediaTopics.vocabulary().all()) {
            String[] f = { topic.code(), topic.broader(), topic.label() };
            parent.put(f[0], f[1]);
            label.put(f[0], f[2]);
            // labels like "diplomacy" or "renewable energy" are cues; long compound labels rarely occur verbatim
            for (String part : f[2].split(", | and ")) {
                if (!GENERIC_LABEL_PARTS.contains(part)) {
                    addCue(part, f[0]);
                }
            }
        }
        // a curated English cue says what a word means in news, over the labels it is part of ("party" is a political
        // party before a celebration, "court" a court of law)
        Map<String, List<String>> curated = new HashMap<>();
        read("cue-words.tsv", f -> curated.computeIfAbsent(f[0].toLowerCase(Locale.ROOT).strip(), k -> new ArrayList<>()).add(f[1]));
        curated.forEach((phrase, codes) -> {
            cues.remove(phrase);
            codes.forEach(code -> addCue(phrase, code));
        });
        read("cue-words-multilingual.tsv", f -> {
            for (String cue : f[2].split(",")) {
                addCue(f[0], cue, f[1]);
            }
        });
        // the vocabulary's own labels in the languages IPTC translated it into, each part of a label a cue
        read("mediatopic-labels.tsv", f -> {
            if (label.containsKey(f[0])) {
                for (String part : LABEL_PARTS.split(f[2])) {
                    // a short label word is too often something else ("vol": flight or theft)
                    if (part.strip().length() >= (UNSPACED.contains(f[1]) ? 2 : 4)) {
                        addCue(f[1], part, f[0]);
                    }
                }
            }
        });
    }

    private void addCue(String languageCode, String cue, String code) {
        String c = fold(cue.strip());
        if (c.isEmpty() || c.length() < (UNSPACED.contains(languageCode) ? 2 : 3)) {
            return;
        }
        Language language = languages.computeIfAbsent(languageCode, Language::new);
        if (UNSPACED.contains(languageCode)) {
            language.inText.computeIfAbsent(c.charAt(0), k -> new HashMap<>()).putIfAbsent(c, code);
        } else {
            List<String> words = new ArrayList<>();
            for (String word : c.split(" +")) {
                words.add(withoutProclitic(language, word));
            }
            language.add(String.join(" ", words), code);
        }
    }

    /** Lower case, without the dot that lower-casing Turkish "İ" leaves behind. */
    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\u0307", "");
    }

    public List<Subject> classify(ArticleText text, String language) {
        String primary = language == null ? "en" : language.split("-")[0].toLowerCase(Locale.ROOT);
        Map<String, Integer> votes = new HashMap<>();
        if (primary.equals("en") || primary.equals("und")) {
            count(text.headline(), 2, votes);
            count(text.body(), 1, votes);
        } else if (languages.containsKey(primary)) {
            countIn(languages.get(primary), text.headline(), 2, votes);
            countIn(languages.get(primary), text.body(), 1, votes);
        } else {
            return List.of();
        }
        Map<String, Integer> topLevel = new HashMap<>();
        votes.forEach((code, n) -> topLevel.merge(top(code), n, Integer::sum));
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(topLevel.entrySet());
        ranked.sort(Map.Entry.<String, Integer> comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Subject> subjects = new ArrayList<>();
        if (ranked.isEmpty() || ranked.get(0).getValue() < MIN_VOTES) {
            return subjects;
        }
        int best = ranked.get(0).getValue();
        int total = topLevel.values().stream().mapToInt(Integer::intValue).sum();
        for (Map.Entry<String, Integer> candidate : ranked.subList(0, Math.min(MAX_TOP_LEVELS, ranked.size()))) {
            String code = candidate.getKey();
            long namedConcepts = votes.entrySet().stream()
                    .filter(v -> code.equals(top(v.getKey())) && v.getValue() >= MIN_VOTES).count();
            boolean strong = candidate.getValue() * 2 >= best;
            boolean broad = candidate.getValue() * 4 >= best && namedConcepts >= 2; // several of its concepts named
            if (candidate.getValue() < MIN_VOTES || !(strong || broad)) {
                continue;
            }
            subjects.add(new Subject(code, label.get(code), 1, candidate.getValue(), 100 * candidate.getValue() / best,
                    100 * candidate.getValue() / total));
            // the narrower topics under it that the article names at least twice, most named first
            votes.entrySet().stream()
                    .filter(v -> !v.getKey().equals(code) && code.equals(top(v.getKey())) && v.getValue() >= MIN_VOTES)
                    .sorted(Map.Entry.<String, Integer> comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_NARROWER)
                    .forEach(narrower -> subjects.add(new Subject(narrower.getKey(), label.get(narrower.getKey()),
                            level(narrower.getKey()), narrower.getValue(), 100 * narrower.getValue() / best,
                            100 * narrower.getValue() / total)));
        }
        return subjects;
    }

    private int level(String code) {
        int level = 1;
        for (String current = code; parent.getOrDefault(current, "").length() > 0; current = parent.get(current)) {
            level++;
        }
        return level;
    }

    public String label(String code) {
        return label.get(code);
    }

    private void count(String text, int weight, Map<String, Integer> votes) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        for (int i = 0; i < words.size(); i++) {
            if (!cueFirstWords.contains(words.get(i))) {
                continue;
            }
            for (int length = Math.min(longestCue, words.size() - i); length >= 1; length--) {
                List<String> concepts = cues.get(String.join(" ", words.subList(i, i + length)));
                if (concepts != null) {
                    // one vote per top-level topic: "court" is both a concept and a word of crime's own label
                    if (concepts.size() == 1) {
                        votes.merge(concepts.get(0), weight, Integer::sum);
                    } else {
                        Set<String> tops = new java.util.HashSet<>();
                        concepts.stream().filter(code -> tops.add(top(code)))
                                .forEach(code -> votes.merge(code, weight, Integer::sum));
                    }
                    i += length - 1;
                    break;
                }
            }
        }
    }

    private static void countIn(Language language, String text, int weight, Map<String, Integer> votes) {
        String lower = fold(text);
        if (!language.inText.isEmpty()) {
            for (int at = 0; at < lower.length(); at++) {
                Map<String, String> starting = language.inText.get(lower.charAt(at));
                if (starting != null) {
                    for (Map.Entry<String, String> cue : starting.entrySet()) {
                        if (lower.startsWith(cue.getKey(), at)) {
                            votes.merge(cue.getValue(), weight, Integer::sum);
                        }
                    }
                }
            }
        }
        if (language.byFirstWord.isEmpty() && language.byFirstStem.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(lower);
        while (matcher.find()) {
            words.add(withoutProclitic(language, matcher.group()));
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            Cue best = longest(language.byFirstWord.get(word), words, i, null);
            for (int end = word.length(); end >= 2; end--) {
                best = longest(language.byFirstStem.get(word.substring(0, end)), words, i, best);
            }
            if (best != null) {
                votes.merge(best.code(), weight, Integer::sum);
                i += best.words().length - 1;
            }
        }
    }

    /** The longest of {@code cues} (or {@code best} so far) that matches the words from {@code at}. */
    private static Cue longest(List<Cue> cues, List<String> words, int at, Cue best) {
        if (cues != null) {
            for (Cue cue : cues) {
                if ((best == null || cue.words().length > best.words().length) && matchesAt(cue, words, at)) {
                    best = cue;
                }
            }
        }
        return best;
    }

    private static boolean matchesAt(Cue cue, List<String> words, int at) {
        if (at + cue.words().length > words.size()) {
            return false;
        }
        for (int k = 0; k < cue.words().length; k++) {
            if (!cue.matches(words.get(at + k), k)) {
                return false;
            }
        }
        return true;
    }

    /** Taken off twice at most ("والوزير" → "وزير" → "زير"), the same for cues and text, so both meet. */
    private static String withoutProclitic(Language language, String word) {
        String rest = word;
        for (int round = 0; round < 2; round++) {
            for (String proclitic : language.proclitics) {
                if (rest.length() > proclitic.length() + 2 && rest.startsWith(proclitic)) {
                    rest = rest.substring(proclitic.length());
                    break;
                }
            }
        }
        return rest;
    }

    private String top(String code) {
        String current = code;
        while (parent.getOrDefault(current, "").length() > 0) {
            current = parent.get(current);
        }
        return current;
    }

    private void addCue(String phrase, String code) {
        String cue = phrase.toLowerCase(Locale.ROOT).strip();
        if (cue.length() < 4) {
            return;
        }
        cues.computeIfAbsent(cue, k -> new ArrayList<>()).add(code);
        cueFirstWords.add(cue.split(" ")[0]);
        longestCue = Math.max(longestCue, cue.split(" ").length);
    }

    private static void read(String file, Consumer<String[]> row) {
        try (InputStream in = SubjectClassifier.class.getResourceAsStream(file);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    row.accept(line.split("\t", -1));
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the subject file " + file + " is missing from the build", e);
        }
    }
}
