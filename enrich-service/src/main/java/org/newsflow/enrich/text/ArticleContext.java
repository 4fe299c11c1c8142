package org.newsflow.enrich.text;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What enrichment knows of an article besides its text.
 *
 * @param articleId Newsflow's id of the article (the same for all its versions)
 * @param source who published it, for naming it as the original of a later copy
 * @param seenAt when the article was written (its firstCreated) or else received; null when unknown
 */
public record ArticleContext(String articleId, String uri, String source, Instant seenAt) {

    /**
     * The context of a ninjs article: its time is its {@code firstCreated} (else {@code versionCreated}, else
     * {@code fallbackTime}); its source the publisher named in its {@code infoSources}, else {@code fallbackSource}.
     */
    public static ArticleContext of(JsonNode article, String articleId, String fallbackSource, Instant fallbackTime) {
        Instant seen = time(article.path("firstCreated").asText(null));
        if (seen == null) {
            seen = time(article.path("versionCreated").asText(null));
        }
        String source = fallbackSource;
        for (JsonNode infoSource : article.path("infoSources")) {
            if ("publisher".equals(infoSource.path("role").asText()) && infoSource.path("name").isTextual()) {
                source = infoSource.get("name").asText();
            }
        }
        return new ArticleContext(articleId, article.path("uri").asText(), source, seen == null ? fallbackTime : seen);
    }

    private static Instant time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value)
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
