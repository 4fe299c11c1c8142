package org.newsflow.enrich.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.platform.hop.ProcessedEvents;
import org.newsflow.enrich.record.EnrichmentRecord;
import org.newsflow.enrich.record.ProcessedEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes enrichment idempotent: the enrichment record and the processed-event row are written in one
 * transaction; a redelivered input finds its row and gets the stored event back instead of new work, or nothing
 * when Kafka is known to have it already.
 */
@ApplicationScoped
public class EnrichmentStore {

    private final ObjectMapper json;

    EnrichmentStore(ObjectMapper json) {
        this.json = json;
    }

    /** The enriched article with the summary the enricher chose (kept in the record for explanation). */
    public record Computed(ArticleEnriched event, String summary) {
    }

    /** An input event and the enrichment to compute for it, unless it was computed before. */
    public record Input(String sourceEventId, Supplier<Computed> enrichment) {
    }

    /**
     * The event to emit for each input, in order, all stored in one transaction; empty where Kafka already has it (a
     * redelivery after a restart or rebalance). Each input sees what the ones before it stored.
     */
    @Transactional
    public List<Optional<Emission>> enrichAllOnce(List<Input> inputs) {
        List<Optional<Emission>> emissions = new ArrayList<>(inputs.size());
        Set<String> seen = seenBefore(inputs.stream().map(Input::sourceEventId).toList());
        for (Input input : inputs) {
            emissions.add(enrichOnce(input.sourceEventId(), input.enrichment(), seen.contains(input.sourceEventId())));
        }
        return emissions;
    }

    private static Set<String> seenBefore(List<String> eventIds) {
        return ProcessedEvent.getEntityManager().unwrap(org.hibernate.Session.class)
                .doReturningWork(connection -> ProcessedEvents.seenAmong(connection, eventIds));
    }

    private Optional<Emission> enrichOnce(String sourceEventId, Supplier<Computed> enrichment, boolean seenBefore) {
        var processed = seenBefore ? ProcessedEvent.of(sourceEventId) : Optional.<ProcessedEvent> empty();
        if (processed.isPresent()) {
            if (processed.get().emittedAt != null) {
                return Optional.empty();
            }
            EnrichmentRecord previous = EnrichmentRecord.byEventId(processed.get().resultEventId).orElseThrow();
            return Optional.of(emission(previous));
        }
        Computed computed = enrichment.get();
        ArticleEnriched event = computed.event();
        EnrichmentRecord record = new EnrichmentRecord();
        record.eventId = StableIds.derivedEventId(EventTypes.ARTICLE_ENRICHED, sourceEventId);
        record.sourceEventId = sourceEventId;
        record.articleId = event.articleId();
        record.submissionId = event.submissionId();
        record.uri = event.article().path("uri").asText();
        record.version = event.article().path("version").asText("1");
        record.enrichmentVersion = event.enrichment().enrichmentVersion();
        record.language = event.enrichment().language();
        record.languageSource = event.enrichment().languageSource();
        record.languageConfidence = event.enrichment().languageConfidence();
        record.wordCount = event.enrichment().wordCount();
        record.summary = computed.summary();
        record.keywords = String.join("\n", event.enrichment().keywords());
        record.enrichedAt = event.enrichment().enrichedAt();
        record.payload = write(event);
        record.persist();

        ProcessedEvent done = new ProcessedEvent();
        done.eventId = sourceEventId;
        done.processedAt = Instant.now();
        done.resultEventId = record.eventId;
        done.persist();
        return Optional.of(emission(record));
    }

    /** Kafka acknowledged the events that {@code sourceEventIds} led to. */
    @Transactional
    public void markEmitted(List<String> sourceEventIds) {
        ProcessedEvent.getEntityManager().unwrap(org.hibernate.Session.class)
                .doWork(connection -> ProcessedEvents.markEmitted(connection, sourceEventIds));
    }

    private static Emission emission(EnrichmentRecord record) {
        return new Emission(record.eventId, record.uri, record.articleId, record.enrichedAt, record.payload);
    }

    private String write(ArticleEnriched event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an enriched article is always serialisable", e);
        }
    }
}
