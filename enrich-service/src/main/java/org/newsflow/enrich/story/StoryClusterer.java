package org.newsflow.enrich.story;

import java.text.Normalizer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.text.ArticleContext;

/**
 * Gives articles about the same event the same story id. An article joins the story of the earlier article
 * (within the date window) whose names it shares most, weighted by kind — people count most, countries least,
 * because two reports of one event name the same people while unrelated stories share only countries.
 * A copy joins its original's story; an update keeps its story.
 */
@ApplicationScoped
public class StoryClusterer {

    public static final String METHOD = "shared-names";

    /**
     * The weights of the kinds of names an article is clustered by. Cities and countries (by code), specific
     * numbers (a death toll, a vote count) and the top-level subject read the same in every language and script.
     */
    public enum Kind {
        PERSON(3), ORGANISATION(2), CITY(2), COUNTRY(1), NUMBER(2), SUBJECT(1),
        /** A single word repeated as a name, most often a surname: it meets a person's surname. */
        SURNAME(3),
        /** The article's language: no weight, it says which names can meet. */
        LANGUAGE(0);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** A name the article mentions. */
    public record Name(String name, Kind kind) {
    }

    /** The story and how strongly the article matched it (1 for a new story or a copy). */
    public record Assignment(String storyId, double similarity, String joinedArticleId) {
    }

    private final EnrichConfig.Stories config;
    private final StoryIndex index;
    /** Features in more than stories.common-feature-articles recent articles find candidates through rarer ones only. */
    private final org.newsflow.enrich.index.HotKeys common;

    public StoryClusterer(EnrichConfig config, StoryIndex index) {
        this.config = config.stories();
        this.index = index;
        this.common = new org.newsflow.enrich.index.HotKeys(this.config.commonFeatureArticles(), 1_000_000);
    }

    /**
     * Assigns the article to a story and remembers it. {@code originalArticleId} is the article it copies, or
     * null.
     */
    public Assignment assign(ArticleContext article, List<Name> names, String originalArticleId) {
        Map<String, Integer> features = features(names);
        StoryIndex.Member previous = index.get(article.articleId());
        StoryIndex.Member original = originalArticleId == null ? null : index.get(originalArticleId);
        Assignment assignment;
        if (previous != null) {
            assignment = new Assignment(previous.storyId(), 1.0, null);
        } else if (original != null) {
            assignment = new Assignment(original.storyId(), 1.0, original.articleId());
        } else {
            assignment = closest(article, features);
        }
        index.add(new StoryIndex.Member(article.articleId(), assignment.storyId(), features, article.seenAt()));
        return assignment;
    }

    private Assignment closest(ArticleContext article, Map<String, Integer> features) {
        Instant seen = article.seenAt();
        Instant from = seen == null ? null : seen.minus(config.window());
        Instant to = seen == null ? null : seen.plus(config.window());
        StoryIndex.Member best = null;
        double bestSimilarity = 0;
        // looked up by the names that tell stories apart (people, organisations, cities), not by countries alone
        List<String> keys = features.entrySet().stream().filter(f -> f.getValue() >= Kind.CITY.weight)
                .map(Map.Entry::getKey).filter(key -> !common.addAndCheck(org.newsflow.enrich.index.HotKeys.hash(key)))
                .toList();
        for (StoryIndex.Member candidate : index.sharing(keys, from, to, article.articleId(), config.maxCandidates())) {
            // names in different languages rarely meet ("安倍晋三", "Abe") and when they do it is mostly a news agency's
            // credit, so between languages only what reads the same in all of them counts, on both sides
            boolean sameLanguage = language(features).equals(language(candidate.features()));
            // weaker evidence between languages is taken only inside a known time window
            boolean dated = seen != null && candidate.seenAt() != null;
            int shared = 0;
            for (Map.Entry<String, Integer> feature : features.entrySet()) {
                if (counts(feature.getKey(), sameLanguage, dated)) {
                    shared += Math.min(feature.getValue(), candidate.features().getOrDefault(feature.getKey(), 0));
                }
            }
            double similarity = (double) shared / Math.max(1, Math.min(total(features, sameLanguage, dated),
                    total(candidate.features(), sameLanguage, dated)));
            int enough = sameLanguage || !dated ? config.minSharedWeight() : config.minSharedWeightAcrossLanguages();
            if (shared >= enough && similarity >= config.minSimilarity() && similarity > bestSimilarity) {
                best = candidate;
                bestSimilarity = similarity;
            }
        }
        if (best == null) {
            return new Assignment(newStoryId(article.articleId()), 1.0, null);
        }
        return new Assignment(best.storyId(), Math.round(bestSimilarity * 1000) / 1000.0, best.articleId());
    }

    /** A story is named after the article that opened it, so the same input gives the same story ids. */
    static String newStoryId(String articleId) {
        return "story-" + UUID.nameUUIDFromBytes(("story:" + articleId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Folded names with their weights; a person also counts by surname, which reports use after the first mention. */
    static Map<String, Integer> features(List<Name> names) {
        Map<String, Integer> features = new LinkedHashMap<>();
        for (Name name : names) {
            String key = fold(name.name());
            if (key.isEmpty()) {
                continue;
            }
            if (name.kind() == Kind.SURNAME) {
                features.merge("~" + key, name.kind().weight, Math::max);
                continue;
            }
            features.merge(key, name.kind().weight, Math::max);
            if (name.kind() == Kind.ORGANISATION) {
                String initials = initials(name.name());
                if (initials != null) {
                    features.merge(initials, name.kind().weight, Math::max); // "GDL" for its full name
                }
            }
            int space = key.lastIndexOf(' ');
            if (name.kind() == Kind.PERSON && space > 0) {
                features.merge("~" + key.substring(space + 1), name.kind().weight, Math::max);
                String latin = latinSurname(key.substring(space + 1));
                if (latin != null && !latin.equals(key.substring(space + 1))) {
                    features.merge("~" + latin, name.kind().weight, Math::max); // "~месси" also as "~messi"
                }
            }
        }
        return features;
    }

    /**
     * The initials of an organisation's name of two to six capitalised words ("Gewerkschaft Deutscher
     * Lokomotivführer" → "gdl"), under which another report may name it; null for a shorter or longer name.
     */
    static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("[ \\-]+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.codePointAt(0))) {
                initials.appendCodePoint(Character.toLowerCase(word.codePointAt(0)));
            }
        }
        return initials.length() >= 2 && initials.length() <= 6 && name.contains(" ") ? fold(initials.toString()) : null;
    }

    /** Words the article repeats as names, for {@link Kind#SURNAME}. */
    public static java.util.Set<String> repeatedNames(String text, String language) {
        return RepeatedNames.in(text, language);
    }

    private static int total(Map<String, Integer> features, boolean sameLanguage, boolean dated) {
        int total = 0;
        for (Map.Entry<String, Integer> feature : features.entrySet()) {
            if (counts(feature.getKey(), sameLanguage, dated)) {
                total += feature.getValue();
            }
        }
        return total;
    }

    /**
     * Within one language every feature counts; between languages what reads alike, and a surname ("~messi", also
     * transliterated from Cyrillic) only between dated articles (a famous one is in many stories; days apart in one).
     */
    private static boolean counts(String key, boolean sameLanguage, boolean dated) {
        if (key.startsWith("~")) {
            return sameLanguage || dated;
        }
        return sameLanguage || anyScript(key);
    }

    /** Keys of features that read the same in every script (see {@link #features}). */
    private static final List<String> ANY_SCRIPT = List.of("country ", "city ", "number ", "subject ", "language ");

    /**
     * The folded surname in Latin letters, Cyrillic transliterated ("месси" → "messi"), or null when it is in another
     * script (or too short to tell people apart).
     */
    static String latinSurname(String surname) {
        String latin = org.newsflow.enrich.text.Cyrillic.toLatin(surname);
        return latin != null && latin.length() >= 4 ? latin : null;
    }

    private static boolean anyScript(String key) {
        return ANY_SCRIPT.stream().anyMatch(key::startsWith);
    }

    /** The article's language feature ("language en"), or "" for an article stored before it was kept. */
    private static String language(Map<String, Integer> features) {
        return features.keySet().stream().filter(k -> k.startsWith("language ")).findFirst().orElse("");
    }

    static String fold(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String folded = plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return folded.length() > 200 ? folded.substring(0, 200) : folded;
    }
}
