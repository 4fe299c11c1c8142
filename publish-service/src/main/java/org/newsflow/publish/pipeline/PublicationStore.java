package org.newsflow.publish.pipeline;

import org.newsflow.publish.feed.FanOut;
import org.newsflow.publish.search.SearchIndex;
import org.newsflow.publish.subscription.ArticleFeatures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.ArticlePublished;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.platform.hop.ProcessedEvents;
import org.newsflow.publish.article.ArticleVersion;
import org.newsflow.publish.article.StreamPositions;
import org.newsflow.publish.article.PublishedArticle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores a published version and its processed-event row in one transaction. A redelivered input gets the
 * stored event back unless Kafka already acknowledged it; a version older than the current one is kept in the
 * history but not re-announced.
 */
@ApplicationScoped
public class PublicationStore {

    private final ObjectMapper json;
    private final FanOut fanOut;
    private final SearchIndex searchIndex;
    // the topic is not proof that ingest sanitised this: clean again what consumers may render
    private final org.newsflow.platform.html.HtmlSanitizer html = new org.newsflow.platform.html.HtmlSanitizer();

    PublicationStore(ObjectMapper json, FanOut fanOut, SearchIndex searchIndex) {
        this.json = json;
        this.fanOut = fanOut;
        this.searchIndex = searchIndex;
    }

    /** An input event and the enriched article it carries. */
    public record Input(String sourceEventId, ArticleEnriched enriched) {
    }

    /**
     * The event to emit for each input, in order, or empty where there is nothing to announce — all stored in one
     * transaction; each input sees what the ones before it stored (a later version supersedes an earlier one).
     */
    @Transactional
    public List<Optional<Emission>> publishAllOnce(List<Input> inputs) {
        List<Optional<Emission>> emissions = new ArrayList<>(inputs.size());
        long position = StreamPositions.claim(inputs.size());
        Set<String> seen = ProcessedEvent.getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(
                connection -> ProcessedEvents.seenAmong(connection, inputs.stream().map(Input::sourceEventId).toList()));
        for (Input input : inputs) {
            emissions.add(publishOnce(input.sourceEventId(), input.enriched(), position++, seen.contains(input.sourceEventId())));
        }
        return emissions;
    }

    private Optional<Emission> publishOnce(String sourceEventId, ArticleEnriched enriched, long streamPosition,
            boolean seenBefore) {
        var processed = seenBefore ? ProcessedEvent.of(sourceEventId) : Optional.<ProcessedEvent> empty();
        if (processed.isPresent()) {
            if (processed.get().emittedAt != null) {
                return Optional.empty(); // already on articles.published: sending it again would be a duplicate
            }
            return Optional.ofNullable(processed.get().resultEventId)
                    .flatMap(ArticleVersion::byEventId)
                    .map(PublicationStore::emission);
        }
        html.neutralise(enriched.article());
        String uri = enriched.article().path("uri").asText();
        int version = Integer.parseInt(enriched.article().path("version").asText("1"));
        String pubStatus = enriched.article().path("pubStatus").asText("usable");
        Instant now = Instant.now();
        ArticlePublished event = new ArticlePublished(enriched.articleId(), enriched.submissionId(), enriched.publisherId(),
                enriched.receivedAt(), now, enriched.article(), enriched.enrichment());

        ArticleVersion history = new ArticleVersion();
        history.streamPosition = streamPosition;
        history.eventId = StableIds.derivedEventId(EventTypes.ARTICLE_PUBLISHED, sourceEventId);
        history.articleId = enriched.articleId();
        history.uri = uri;
        history.version = version;
        history.pubStatus = pubStatus;
        history.publishedAt = now;
        history.payload = write(event);
        history.persist();

        PublishedArticle current = PublishedArticle.findById(enriched.articleId());
        boolean announce = current == null || version >= current.version;
        if (announce) {
            boolean firstVersion = current == null;
            if (current == null) {
                current = new PublishedArticle();
                current.articleId = enriched.articleId();
            }
            current.publisherId = enriched.publisherId();
            current.uri = uri;
            current.version = version;
            current.pubStatus = pubStatus;
            current.language = enriched.article().path("language").asText(null);
            current.headline = enriched.article().path("headlines").path(0).path("value").asText(null);
            current.receivedAt = enriched.receivedAt() == null ? now : enriched.receivedAt();
            current.publishedAt = now;
            current.article = write(enriched.article());
            current.enrichment = write(enriched.enrichment());
            current.persist();
            boolean killed = "canceled".equals(pubStatus);
            boolean withheld = "withheld".equals(pubStatus); // not to be used until a usable version follows
            ArticleFeatures features = ArticleFeatures.of(enriched.article(), json.valueToTree(enriched.enrichment()),
                    enriched.publisherId());
            if (killed || withheld) {
                searchIndex.remove(enriched.articleId());
            } else {
                searchIndex.index(enriched.articleId(), features);
            }
            fanOut.deliver(enriched.articleId(), version, killed, withheld, history.eventId, features, firstVersion);
        }

        ProcessedEvent done = new ProcessedEvent();
        done.eventId = sourceEventId;
        done.processedAt = now;
        done.resultEventId = announce ? history.eventId : null;
        done.persist();
        return announce ? Optional.of(emission(history)) : Optional.empty();
    }

    /** Kafka acknowledged the events that {@code sourceEventIds} led to. */
    @Transactional
    public void markEmitted(List<String> sourceEventIds) {
        ProcessedEvent.getEntityManager().unwrap(org.hibernate.Session.class)
                .doWork(connection -> ProcessedEvents.markEmitted(connection, sourceEventIds));
    }

    private static Emission emission(ArticleVersion version) {
        return new Emission(version.eventId, version.uri, version.articleId, version.publishedAt, version.payload);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a published article is always serialisable", e);
        }
    }
}
