package org.newsflow.enrich.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.Attribution;
import org.newsflow.contract.Enrichment;
import org.newsflow.contract.EntityMention;
import org.newsflow.contract.Explanation;
import org.newsflow.contract.PlaceMention;
import org.newsflow.contract.Reprint;
import org.newsflow.enrich.entities.NameFinder;
import org.newsflow.enrich.keywords.KeywordExtractor;
import org.newsflow.enrich.language.LanguageDetector;
import org.newsflow.enrich.language.LanguageGuess;
import org.newsflow.enrich.places.PlaceFinder;
import org.newsflow.enrich.reprint.AttributionParser;
import org.newsflow.enrich.reprint.NearDuplicateFinder;
import org.newsflow.enrich.story.SpecificNumbers;
import org.newsflow.enrich.story.StoryClusterer;
import org.newsflow.enrich.subjects.SubjectClassifier;
import org.newsflow.enrich.summary.LeadSummarizer;
import org.newsflow.enrich.text.ArticleContext;
import org.newsflow.enrich.text.ArticleText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Computes the enrichment of one article; the service and the command line share it. Its only state is what
 * it remembers of earlier articles for reprints and stories, kept in the indexes it is given (enrich's database
 * in the service, memory on the command line), so the same inputs in the same order give the same output
 * (apart from the timestamp). What fits ninjs goes into its standard fields; the rest goes into
 * {@link Enrichment}, with an explanation of every value.
 */
@ApplicationScoped
public class Enricher {

    /** Bump when the rules change, so stored enrichments show which rules made them. */
    public static final String VERSION = "0.10.0";
    /** IPTC's vocabulary of ISO 3166-1 alpha-2 country codes. */
    public static final String COUNTRY_URI = "http://cv.iptc.org/newscodes/iso3166-1a2/";

    private final LanguageDetector languages;
    private final LeadSummarizer summarizer;
    private final KeywordExtractor keywords;
    private final PlaceFinder places;
    private final NameFinder names;
    private final SubjectClassifier subjects;
    private final AttributionParser attributions;
    private final NearDuplicateFinder duplicates;
    private final StoryClusterer stories;

    public Enricher(LanguageDetector languages, LeadSummarizer summarizer, KeywordExtractor keywords,
            PlaceFinder places, NameFinder names, SubjectClassifier subjects, AttributionParser attributions,
            NearDuplicateFinder duplicates, StoryClusterer stories) {
        this.languages = languages;
        this.summarizer = summarizer;
        this.keywords = keywords;
        this.places = places;
        this.names = names;
        this.subjects = subjects;
        this.attributions = attributions;
        this.duplicates = duplicates;
        this.stories = stories;
    }

    public record Result(ObjectNode article, Enrichment enrichment, String summary) {
    }

    public Result enrich(ObjectNode submitted, ArticleContext context) {
        return enrich(submitted, context, StepTimes.OFF);
    }

    /** Enriches one article, adding the time of each step to {@code times}. */
    public Result enrich(ObjectNode submitted, ArticleContext context, StepTimes times) {
        ObjectNode article = submitted.deepCopy();
        if ("canceled".equals(article.path("pubStatus").asText())) {
            return passKill(article);
        }
        ArticleText text = times.time("text", () -> ArticleText.of(article));
        List<Explanation> why = new ArrayList<>();
        LanguageGuess language = times.time("language", () -> languages.decide(article.path("language").asText(null), text));
        why.add(new Explanation("language", language.language(), language.source(), language.confidence()));
        int wordCount = ArticleText.countWords(text.body());
        String summary = times.time("summary", () -> summarizer.summarize(text, language.language()));
        List<KeywordExtractor.Keyword> keyPhrases = times.time("keywords", () -> keywords.extract(text, language.language()));
        keyPhrases.forEach(k -> why.add(new Explanation("keywords", k.phrase(), KeywordExtractor.SOURCE, k.score())));
        List<NameFinder.Found> foundNames = times.time("names", () -> names.find(text, language.language()));
        List<PlaceFinder.Found> foundPlaces = withoutNamesOfOthers(times.time("places",
                () -> places.find(text, language.language())), foundNames);
        writePlaces(article, foundPlaces, why);
        writeNames(article, "people", foundNames, NameFinder.Kind.PERSON, why);
        writeNames(article, "organisations", foundNames, NameFinder.Kind.ORGANISATION, why);
        List<SubjectClassifier.Subject> foundSubjects = times.time("subjects", () -> subjects.classify(text, language.language()));
        writeSubjects(article, foundSubjects, why);
        Attribution attribution = times.time("attribution", () -> attributions.find(text).orElse(null));
        Optional<Reprint> reprint = times.time("reprints",
                () -> duplicates.findAndRemember(context, text.body().isEmpty() ? text.all() : text.body()));
        reprint.ifPresent(r -> {
            writeOriginal(article, r);
            why.add(new Explanation("associations", r.originalUri(), NearDuplicateFinder.METHOD, r.containment()));
        });
        String originator = attribution != null && attribution.originator() != null ? attribution.originator()
                : reprint.map(Reprint::originalSource).orElse(null);
        if (writeOriginator(article, originator)) {
            why.add(new Explanation("infoSources", originator,
                    attribution != null && attribution.originator() != null ? AttributionParser.SOURCE + ":" + attribution.rule()
                            : NearDuplicateFinder.METHOD, 1.0));
        }
        StoryClusterer.Assignment story = times.time("stories", () -> stories.assign(context,
                storyNames(foundNames, foundPlaces, foundSubjects, text, language.language()), reprint.map(Reprint::originalArticleId).orElse(null)));
        why.add(new Explanation("storyId", story.storyId(), StoryClusterer.METHOD, story.similarity()));

        if (!LanguageGuess.UNDETERMINED.equals(language.language())) {
            article.put("language", language.language());
        }
        JsonNode mainBody = ArticleText.preferMain(article.get("bodies"));
        if (mainBody instanceof ObjectNode body) {
            body.put("wordCount", wordCount);
            body.put("charCount", text.body().length());
        }
        if (!summary.isBlank() && !hasSummary(article)) {
            arrayOf(article, "descriptions").addObject().put("role", "summary").put("contentType", "text/plain").put("value", summary);
            why.add(new Explanation("descriptions", "summary", LeadSummarizer.SOURCE, 1.0));
        }
        List<PlaceMention> placeMentions = foundPlaces.stream().map(p -> new PlaceMention(p.name(),
                p.country() ? "country" : p.geonamesId() != null ? "city" : "region", p.countryCode(), p.mentions(), p.relevance(), p.about(),
                PlaceFinder.SOURCE)).toList();
        List<EntityMention> entityMentions = foundNames.stream().map(n -> new EntityMention(n.name(),
                n.kind() == NameFinder.Kind.PERSON ? "person" : "organisation", n.mentions(), n.relevance(),
                NameFinder.SOURCE)).toList();
        Enrichment enrichment = new Enrichment(VERSION, language.language(), language.source(), language.confidence(),
                wordCount, keyPhrases.stream().map(KeywordExtractor.Keyword::phrase).toList(), entityMentions,
                placeMentions, attribution, reprint.orElse(null), story.storyId(), why, Instant.now());
        return new Result(article, enrichment, summary);
    }

    /**
     * A town named like a person of the article ("Merrick" and "Garland" in "Merrick Garland") is that person; a place that
     * the article names only as the end of an organisation's name ("Serum Institute of India", "Guardian
     * Australia") is not a place it mentions.
     */
    private static List<PlaceFinder.Found> withoutNamesOfOthers(List<PlaceFinder.Found> places, List<NameFinder.Found> names) {
        java.util.Set<String> surnames = new java.util.HashSet<>(); // and given names: "Merrick" is a town too
        names.stream().filter(n -> n.kind() == NameFinder.Kind.PERSON && n.name().contains(" "))
                .forEach(n -> surnames.addAll(List.of(n.name().split(" "))));
        return places.stream().filter(p -> p.country() || !surnames.contains(p.name()))
                .filter(p -> p.mentions() > names.stream()
                        .filter(n -> n.kind() == NameFinder.Kind.ORGANISATION && n.name().endsWith(" " + p.name()))
                        .mapToInt(NameFinder.Found::mentions).sum())
                .toList();
    }

    /** A kill is passed on as it came: there is nothing left to enrich, only consumers to tell. */
    private static Result passKill(ObjectNode article) {
        String language = article.path("language").asText(LanguageGuess.UNDETERMINED);
        Enrichment enrichment = new Enrichment(VERSION, language, "publisher", 1.0, 0, List.of(), List.of(), List.of(),
                null, null, null, List.of(new Explanation("pubStatus", "canceled", "kill-passes-through", 1.0)),
                Instant.now());
        return new Result(article, enrichment, "");
    }

    private static List<StoryClusterer.Name> storyNames(List<NameFinder.Found> names, List<PlaceFinder.Found> places,
            List<SubjectClassifier.Subject> subjects, ArticleText text, String language) {
        List<StoryClusterer.Name> all = new ArrayList<>();
        names.forEach(n -> all.add(new StoryClusterer.Name(n.canonical(),
                n.kind() == NameFinder.Kind.PERSON ? StoryClusterer.Kind.PERSON : StoryClusterer.Kind.ORGANISATION)));
        // places by code, so that "Keenia" and "Kenya" or "Москва" and "Moscow" are the same place in any language
        places.forEach(p -> all.add(new StoryClusterer.Name(p.country() ? "country:" + p.countryCode()
                : p.geonamesId() != null ? "city:" + p.geonamesId() : p.name(),
                p.country() ? StoryClusterer.Kind.COUNTRY : StoryClusterer.Kind.CITY)));
        subjects.stream().filter(s -> s.level() == 1).findFirst()
                .ifPresent(s -> all.add(new StoryClusterer.Name("subject:" + s.code(), StoryClusterer.Kind.SUBJECT)));
        SpecificNumbers.in(text.all()).forEach(n -> all.add(new StoryClusterer.Name("number:" + n, StoryClusterer.Kind.NUMBER)));
        // words of the names and places found count already; the others are mostly surnames written alone
        java.util.Set<String> named = new java.util.HashSet<>();
        names.forEach(n -> named.addAll(List.of(n.name().split(" "))));
        places.forEach(p -> named.addAll(List.of(p.name().split(" "))));
        StoryClusterer.repeatedNames(text.all(), language).stream().filter(word -> !named.contains(word))
                .forEach(n -> all.add(new StoryClusterer.Name(n, StoryClusterer.Kind.SURNAME)));
        all.add(new StoryClusterer.Name("language:" + language, StoryClusterer.Kind.LANGUAGE));
        return all;
    }

    /** Links the original this article copies, as a ninjs association with {@code rel: original}. */
    private static void writeOriginal(ObjectNode article, Reprint reprint) {
        ArrayNode associations = arrayOf(article, "associations");
        for (JsonNode existing : associations) {
            if (reprint.originalUri().equals(existing.path("uri").asText())) {
                return;
            }
        }
        associations.addObject().put("name", reprint.originalSource() == null ? "original" : reprint.originalSource())
                .put("uri", reprint.originalUri()).put("rel", "original");
    }

    /** Adds the places found, unless the publisher named them already; countries carry ISO 3166-1 uris. */
    private static void writePlaces(ObjectNode article, List<PlaceFinder.Found> found, List<Explanation> why) {
        if (found.isEmpty() || (article.has("places") && !article.get("places").isEmpty())) {
            return;
        }
        ArrayNode places = article.putArray("places");
        for (PlaceFinder.Found place : found) {
            ObjectNode entry = places.addObject().put("name", place.name()).put("rel", place.about() ? "about" : "mentioned");
            if (place.country()) {
                entry.put("uri", COUNTRY_URI + place.countryCode());
            } else if (place.geonamesId() != null) {
                entry.put("uri", "https://sws.geonames.org/" + place.geonamesId() + "/");
            }
            why.add(new Explanation("places", place.name() + (place.countryCode() == null ? "" : " (" + place.countryCode() + ")"),
                    PlaceFinder.SOURCE, place.relevance()));
        }
    }

    /** Names the original source as an infoSource with role originator, unless the publisher named one. */
    private static boolean writeOriginator(ObjectNode article, String originator) {
        if (originator == null) {
            return false;
        }
        ArrayNode sources = arrayOf(article, "infoSources");
        for (JsonNode source : sources) {
            if ("originator".equals(source.path("role").asText())) {
                return false;
            }
        }
        sources.addObject().put("name", originator).put("role", "originator");
        return true;
    }

    /** Adds the Media Topics found beside the publisher's own subjects (a topic already there is not repeated). */
    private static void writeSubjects(ObjectNode article, List<SubjectClassifier.Subject> found, List<Explanation> why) {
        if (found.isEmpty()) {
            return;
        }
        ArrayNode subjects = arrayOf(article, "subjects");
        for (SubjectClassifier.Subject subject : found) {
            String uri = SubjectClassifier.URI + subject.code();
            boolean present = false;
            for (JsonNode existing : subjects) {
                present |= uri.equals(existing.path("uri").asText());
            }
            if (!present) {
                subjects.addObject().put("name", subject.label()).put("uri", uri).put("rel", "about")
                        .put("relevance", subject.relevance()).put("confidence", subject.confidence());
                why.add(new Explanation("subjects", subject.code() + " " + subject.label(), SubjectClassifier.SOURCE,
                        subject.confidence() / 100.0));
            }
        }
    }

    /** Adds the people or organisations found, unless the publisher named them already. */
    private static void writeNames(ObjectNode article, String field, List<NameFinder.Found> found, NameFinder.Kind kind,
            List<Explanation> why) {
        List<NameFinder.Found> ofKind = found.stream().filter(n -> n.kind() == kind).toList();
        if (ofKind.isEmpty() || (article.has(field) && !article.get(field).isEmpty())) {
            return;
        }
        ArrayNode entries = article.putArray(field);
        ofKind.forEach(n -> {
            entries.addObject().put("name", n.name()).put("rel", "mentioned");
            why.add(new Explanation(field, n.name(), NameFinder.SOURCE, n.relevance()));
        });
    }

    /** The article's array {@code field}, made when it is missing; the publisher's entries are kept. */
    private static ArrayNode arrayOf(ObjectNode article, String field) {
        return article.get(field) instanceof ArrayNode existing ? existing : article.putArray(field);
    }

    private static boolean hasSummary(ObjectNode article) {
        for (JsonNode description : article.path("descriptions")) {
            if ("summary".equals(description.path("role").asText())) {
                return true;
            }
        }
        return false;
    }
}
