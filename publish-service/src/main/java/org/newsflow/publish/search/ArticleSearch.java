package org.newsflow.publish.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.publish.article.PublishedArticle;
import org.newsflow.publish.problem.ProblemException;
import org.newsflow.publish.subscription.ArticleFeatures;
import org.newsflow.publish.subscription.Field;
import org.newsflow.publish.subscription.SubscriptionFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.common.annotation.Blocking;

/**
 * Search over the current versions of the published articles (killed ones are gone): a text query, the same
 * filters as subscriptions — one query parameter per field ({@code subjects=04000000&countries=AZ,GE}: all must
 * hold, any value of each) or a whole filter as JSON ({@code filter=}) — a date range, newest or oldest first,
 * paged with an opaque cursor. Words and names are compared without case or accents. An inverted index of terms
 * ({@link SearchIndex}) narrows each request to the articles that can match, so old articles are found as
 * quickly as new ones.
 */
@Path("/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ArticleSearch {


    /** One hit. */
    public record Hit(String articleId, String uri, int version, String headline, String language, Instant publishedAt,
            JsonNode article, JsonNode enrichment) {
    }

    /** A page of results. */
    public record Results(List<Hit> items, String next) {
    }

    private final ObjectMapper json;
    private final SearchIndex searchIndex;
    private final org.newsflow.publish.consumer.ConsumerAuthenticator consumers;
    /** Rows one request reads at most; a page cut short by it still ends with the cursor to go on from. */
    private final int maxRowsRead;
    /** Most words and filter criteria one request may give: each costs the database a lookup. */
    private final int maxTerms;

    ArticleSearch(ObjectMapper json, org.newsflow.publish.consumer.ConsumerAuthenticator consumers,
            org.newsflow.publish.config.PublishConfig config, SearchIndex searchIndex) {
        this.json = json;
        this.searchIndex = searchIndex;
        this.consumers = consumers;
        this.maxRowsRead = config.search().maxRowsRead();
        this.maxTerms = config.search().maxTerms();
    }

    @GET
    @Transactional
    @Operation(summary = "Search published articles", description = "q: words that must all appear (headline or "
            + "text); subjects, people, organisations, places, countries, sources, languages, keywords: comma-separated "
            + "values, every given field must match; filter: a subscription filter as JSON; from, to: ISO-8601 "
            + "instants; sort: newest (default) or oldest; limit: 1-100 (20); cursor: next of the previous page.")
    public Results search(@QueryParam("q") String q, @QueryParam("filter") String filterJson,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") String sort,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri,
            @jakarta.ws.rs.HeaderParam(jakarta.ws.rs.core.HttpHeaders.AUTHORIZATION) String authorization) {
        consumers.consumerId(authorization); // a consumer's search: keyed, so that it is no free load on the database
        SubscriptionFilter filter = filter(filterJson, uri);
        boolean oldest = "oldest".equals(sort);
        if (sort != null && !oldest && !"newest".equals(sort)) {
            throw ProblemException.invalid("query:sort", "known-sort", "sort: newest or oldest");
        }
        int size = limit(limit);
        Instant since = instant("query:from", from);
        Instant until = instant("query:to", to);
        String[] position = cursor == null || cursor.isBlank() ? null : position(cursor);
        List<String> words = q == null ? List.of() : List.of(SubscriptionFilter.fold(q).split(" ")).stream()
                .filter(w -> !w.isEmpty()).toList();

        List<Set<Long>> required = requiredTerms(filter, words);
        if (required.size() > maxTerms || required.stream().mapToInt(Set::size).sum() > 4 * maxTerms) {
            throw ProblemException.invalid("query:q", "max-terms", "a search has at most " + maxTerms
                    + " words and criteria (newsflow.publish.search.max-terms); narrow it with fewer");
        }
        StringBuilder sql = new StringBuilder("SELECT p.* FROM published_article p WHERE p.pub_status <> 'canceled'");
        Map<String, Object> parameters = new HashMap<>();
        if (since != null) {
            sql.append(" AND p.published_at >= :since");
            parameters.put("since", since);
        }
        if (until != null) {
            sql.append(" AND p.published_at < :until");
            parameters.put("until", until);
        }
        sql.append(searchIndex.narrowing("p", required, parameters));
        String after = oldest ? " AND (p.published_at > :at OR (p.published_at = :at AND p.article_id > :id))"
                : " AND (p.published_at < :at OR (p.published_at = :at AND p.article_id < :id))";
        String order = oldest ? " ORDER BY p.published_at, p.article_id" : " ORDER BY p.published_at DESC, p.article_id DESC";

        // The terms narrow the rows to candidates; the filter itself decides (phrases, "none", hash collisions).
        List<Hit> hits = new ArrayList<>();
        Instant at = position == null ? null : Instant.parse(position[0]);
        String id = position == null ? null : position[1];
        int read = 0;
        boolean exhausted = false;
        while (hits.size() < size && read < maxRowsRead && !exhausted) {
            // a page's worth first; when the filter keeps turning rows down, read more at a time
            int batch = Math.min(Math.max(size + 10, read), maxRowsRead - read);
            var query = PublishedArticle.getEntityManager()
                    .createNativeQuery(sql + (at == null ? "" : after) + order, PublishedArticle.class);
            parameters.forEach(query::setParameter);
            if (at != null) {
                query.setParameter("at", at).setParameter("id", id);
            }
            @SuppressWarnings("unchecked")
            List<PublishedArticle> rows = query.setMaxResults(batch).getResultList();
            exhausted = rows.size() < batch;
            for (PublishedArticle row : rows) {
                read++;
                at = row.publishedAt;
                id = row.articleId;
                Hit hit = hit(row);
                ArticleFeatures features = ArticleFeatures.of(hit.article(), hit.enrichment(), row.publisherId);
                if ((filter == null || filter.matches(features)) && allWords(features, words)) {
                    hits.add(hit);
                    if (hits.size() == size) {
                        break;
                    }
                }
            }
        }
        // A full page, or a page cut short by the read limit, goes on from the last row read.
        boolean more = hits.size() == size || (!exhausted && read >= maxRowsRead);
        return new Results(hits, more && at != null ? encode(at, id) : null);
    }

    /**
     * For each "all" criterion and each query word, the terms of which an article needs at least one; the "any"
     * group as one such set. "none" cannot narrow and is checked on the rows alone.
     */
    private static List<Set<Long>> requiredTerms(SubscriptionFilter filter, List<String> words) {
        List<Set<Long>> required = new ArrayList<>();
        for (String word : words) {
            required.add(Set.of(SearchTerms.required(Field.TEXT, word)));
        }
        if (filter != null) {
            filter.all().forEach((field, values) -> required.add(terms(field, values)));
            if (!filter.any().isEmpty()) {
                Set<Long> any = new HashSet<>();
                filter.any().forEach((field, values) -> any.addAll(terms(field, values)));
                required.add(any);
            }
        }
        return required;
    }

    private static Set<Long> terms(Field field, Set<String> values) {
        Set<Long> terms = new HashSet<>();
        values.forEach(value -> terms.add(SearchTerms.required(field, value)));
        return terms;
    }

    private static boolean allWords(ArticleFeatures features, List<String> words) {
        return words.stream().allMatch(w -> features.has(Field.TEXT, java.util.Set.of(w)));
    }

    private SubscriptionFilter filter(String filterJson, UriInfo uri) {
        ObjectNode all = json.createObjectNode();
        for (Field field : Field.values()) {
            String values = uri.getQueryParameters().getFirst(field.json());
            if (values != null && field != Field.TEXT) {
                var array = all.putArray(field.json());
                for (String value : values.split(",")) {
                    array.add(value.strip());
                }
            }
        }
        try {
            ObjectNode filter = filterJson == null || filterJson.isBlank() ? json.createObjectNode()
                    : (ObjectNode) json.readTree(filterJson);
            if (!all.isEmpty()) {
                ObjectNode merged = filter.has("all") ? (ObjectNode) filter.get("all") : filter.putObject("all");
                merged.setAll(all);
            }
            return filter.isEmpty() ? null : SubscriptionFilter.parse(filter);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw ProblemException.invalid("query:filter", "json", "filter: a subscription filter as a JSON object");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 20;
        }
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= 100) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("query:limit", "range", "limit: a whole number from 1 to 100");
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "iso-8601", field.substring(6) + ": a date (2026-11-28) or an instant "
                    + "(2026-11-28T09:00:00Z)");
        }
    }

    private static String encode(Instant at, String articleId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + articleId).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] position(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            Instant.parse(parts[0]);
            if (parts.length != 2 || parts[1].length() > 36) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.invalid("query:cursor", "search-cursor", "the cursor is not the next of a search page");
        }
    }

    private Hit hit(PublishedArticle row) {
        try {
            JsonNode article = json.readTree(row.article);
            return new Hit(row.articleId, row.uri, row.version, row.headline, row.language, row.publishedAt, article,
                    json.readTree(row.enrichment));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored article is JSON", e);
        }
    }
}
