package org.newsflow.publish.subscription;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.newsflow.contract.MediaTopics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What filters can ask of one published article, folded for comparison: its subjects with every broader topic
 * (so that a subscription to a topic gets the narrower ones), names, country codes, sources, language, key
 * phrases, and its text.
 */
public final class ArticleFeatures {

    private static final String COUNTRY_URI = "http://cv.iptc.org/newscodes/iso3166-1a2/";

    private final Map<Field, Set<String>> values = new EnumMap<>(Field.class);
    private final String text;

    private ArticleFeatures(String text) {
        this.text = " " + text + " ";
    }

    /** The features of an article as publish-service stores it: the ninjs item, its enrichment, its publisher. */
    public static ArticleFeatures of(JsonNode article, JsonNode enrichment, String publisherId) {
        StringBuilder words = new StringBuilder();
        for (JsonNode headline : article.path("headlines")) {
            words.append(headline.path("value").asText("")).append(' ');
        }
        for (JsonNode body : article.path("bodies")) {
            words.append(body.path("value").asText("")).append(' ');
        }
        ArticleFeatures features = new ArticleFeatures(SubscriptionFilter.fold(words.toString().replaceAll("<[^>]*>", " ")));
        for (JsonNode subject : article.path("subjects")) {
            String uri = subject.path("uri").asText("");
            if (uri.startsWith(MediaTopics.URI)) {
                MediaTopics.vocabulary().selfAndBroader(uri.substring(MediaTopics.URI.length()))
                        .forEach(code -> features.add(Field.SUBJECTS, code));
            }
        }
        names(article.path("people"), Field.PEOPLE, features);
        names(article.path("organisations"), Field.ORGANISATIONS, features);
        names(article.path("places"), Field.PLACES, features);
        for (JsonNode place : article.path("places")) {
            String uri = place.path("uri").asText("");
            if (uri.startsWith(COUNTRY_URI)) {
                features.add(Field.COUNTRIES, uri.substring(COUNTRY_URI.length()).toUpperCase());
            }
        }
        if (publisherId != null) {
            features.add(Field.SOURCES, SubscriptionFilter.fold(publisherId));
        }
        for (JsonNode source : article.path("infoSources")) {
            features.add(Field.SOURCES, SubscriptionFilter.fold(source.path("name").asText("")));
        }
        String language = article.path("language").asText("").toLowerCase();
        if (!language.isEmpty()) {
            features.add(Field.LANGUAGES, language);
            features.add(Field.LANGUAGES, language.split("-")[0]);
        }
        if (enrichment != null) {
            for (JsonNode keyword : enrichment.path("keywords")) {
                features.add(Field.KEYWORDS, SubscriptionFilter.fold(keyword.asText("")));
            }
        }
        for (JsonNode headline : article.path("headlines")) {
            for (String word : SubscriptionFilter.fold(headline.path("value").asText("")).split(" ")) {
                features.add(Field.KEYWORDS, word);
            }
        }
        return features;
    }

    private static void names(JsonNode entries, Field field, ArticleFeatures features) {
        for (JsonNode entry : entries) {
            String name = SubscriptionFilter.fold(entry.path("name").asText(""));
            features.add(field, name);
        }
    }

    private void add(Field field, String value) {
        if (!value.isBlank()) {
            values.computeIfAbsent(field, f -> new HashSet<>()).add(value);
        }
    }

    /** The exact values of a field, for looking subscriptions up in the index. */
    public Set<String> values(Field field) {
        return values.getOrDefault(field, Set.of());
    }

    /** The distinct words of headline and body, folded. */
    public Set<String> textWords() {
        Set<String> words = new HashSet<>();
        for (String word : text.split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Whether the article has any of {@code wanted} in {@code field} (text: as whole words, in order). */
    public boolean has(Field field, Set<String> wanted) {
        if (field == Field.TEXT) {
            return wanted.stream().anyMatch(phrase -> text.contains(" " + phrase + " "));
        }
        Set<String> own = values(field);
        if (field == Field.KEYWORDS) {
            return wanted.stream().anyMatch(w -> own.contains(w)
                    || own.stream().anyMatch(k -> (" " + k + " ").contains(" " + w + " ")));
        }
        if (field == Field.PEOPLE) { // "Aliyev" finds "Ilham Aliyev"
            return wanted.stream().anyMatch(w -> own.contains(w)
                    || own.stream().anyMatch(name -> name.endsWith(" " + w)));
        }
        return wanted.stream().anyMatch(own::contains);
    }
}
