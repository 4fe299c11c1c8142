package org.newsflow.enrich.pipeline;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.Attribution;
import org.newsflow.contract.Enrichment;
import org.newsflow.contract.EntityMention;
import org.newsflow.contract.PlaceMention;
import org.newsflow.enrich.entities.NameFinder;
import org.newsflow.enrich.keywords.KeywordExtractor;
import org.newsflow.enrich.language.LanguageDetector;
import org.newsflow.enrich.language.LanguageGuess;
import org.newsflow.enrich.places.PlaceFinder;
import org.newsflow.enrich.reprint.AttributionParser;
import org.newsflow.enrich.subjects.SubjectClassifier;
import org.newsflow.enrich.summary.LeadSummarizer;
import org.newsflow.enrich.text.ArticleText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Computes the enrichment of one article. Pure: no I/O, the same input gives the same output (apart from the
 * timestamp), so the service and the command line share it. What fits ninjs goes into its standard fields;
 * the rest goes into {@link Enrichment}.
 */
@ApplicationScoped
public class Enricher {

    /** Bump when the rules change, so stored enrichments show which rules made them. */
    public static final String VERSION = "0.6.0";
    /** IPTC's vocabulary of ISO 3166-1 alpha-2 country codes. */
    public static final String COUNTRY_URI = "http://cv.iptc.org/newscodes/iso3166-1a2/";

    private final LanguageDetector languages;
    private final LeadSummarizer summarizer;
    private final KeywordExtractor keywords;
    private final PlaceFinder places;
    private final NameFinder names;
    private final SubjectClassifier subjects;
    private final AttributionParser attributions;

    public Enricher(LanguageDetector languages, LeadSummarizer summarizer, KeywordExtractor keywords,
            PlaceFinder places, NameFinder names, SubjectClassifier subjects, AttributionParser attributions) {
        this.languages = languages;
        this.summarizer = summarizer;
        this.keywords = keywords;
        this.places = places;
        this.names = names;
        this.subjects = subjects;
        this.attributions = attributions;
    }

    public record Result(ObjectNode article, Enrichment enrichment, String summary) {
    }

    public Result enrich(ObjectNode submitted) {
        ObjectNode article = submitted.deepCopy();
        ArticleText text = ArticleText.of(article);
        LanguageGuess language = languages.decide(article.path("language").asText(null), text);
        int wordCount = ArticleText.countWords(text.body());
        String summary = summarizer.summarize(text, language.language());
        List<String> keyPhrases = keywords.extract(text, language.language());
        List<PlaceFinder.Found> foundPlaces = places.find(text);
        writePlaces(article, foundPlaces);
        List<NameFinder.Found> foundNames = names.find(text);
        writeNames(article, "people", foundNames, NameFinder.Kind.PERSON);
        writeNames(article, "organisations", foundNames, NameFinder.Kind.ORGANISATION);
        writeSubjects(article, subjects.classify(text, language.language()));
        Attribution attribution = attributions.find(text).orElse(null);
        writeOriginator(article, attribution);

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
        }
        List<PlaceMention> placeMentions = foundPlaces.stream().map(p -> new PlaceMention(p.name(),
                p.country() ? "country" : "city", p.countryCode(), p.mentions(), p.relevance(), p.about(),
                PlaceFinder.SOURCE)).toList();
        List<EntityMention> entityMentions = foundNames.stream().map(n -> new EntityMention(n.name(),
                n.kind() == NameFinder.Kind.PERSON ? "person" : "organisation", n.mentions(), n.relevance(),
                NameFinder.SOURCE)).toList();
        Enrichment enrichment = new Enrichment(VERSION, language.language(), language.source(), language.confidence(),
                wordCount, keyPhrases, entityMentions, placeMentions, attribution, Instant.now());
        return new Result(article, enrichment, summary);
    }

    /** Adds the places found, unless the publisher named them already; countries carry ISO 3166-1 uris. */
    private static void writePlaces(ObjectNode article, List<PlaceFinder.Found> found) {
        if (found.isEmpty() || (article.has("places") && !article.get("places").isEmpty())) {
            return;
        }
        ArrayNode places = article.putArray("places");
        for (PlaceFinder.Found place : found) {
            ObjectNode entry = places.addObject().put("name", place.name()).put("rel", place.about() ? "about" : "mentioned");
            entry.put("uri", place.country() ? COUNTRY_URI + place.countryCode()
                    : "https://sws.geonames.org/" + place.geonamesId() + "/");
        }
    }

    /** Names the original source as an infoSource with role originator (once). */
    private static void writeOriginator(ObjectNode article, Attribution attribution) {
        if (attribution == null || attribution.originator() == null) {
            return;
        }
        ArrayNode sources = arrayOf(article, "infoSources");
        for (JsonNode source : sources) {
            if ("originator".equals(source.path("role").asText())) {
                return;
            }
        }
        sources.addObject().put("name", attribution.originator()).put("role", "originator");
    }

    /** Adds the Media Topics found beside the publisher's own subjects (a topic already there is not repeated). */
    private static void writeSubjects(ObjectNode article, List<SubjectClassifier.Subject> found) {
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
            }
        }
    }

    /** Adds the people or organisations found, unless the publisher named them already. */
    private static void writeNames(ObjectNode article, String field, List<NameFinder.Found> found, NameFinder.Kind kind) {
        List<NameFinder.Found> ofKind = found.stream().filter(n -> n.kind() == kind).toList();
        if (ofKind.isEmpty() || (article.has(field) && !article.get(field).isEmpty())) {
            return;
        }
        ArrayNode entries = article.putArray(field);
        ofKind.forEach(n -> entries.addObject().put("name", n.name()).put("rel", "mentioned"));
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
