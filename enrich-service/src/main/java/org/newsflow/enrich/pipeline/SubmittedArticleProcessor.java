package org.newsflow.enrich.pipeline;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.newsflow.enrich.metrics.EnrichMetrics;
import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.ArticleSubmitted;
import org.newsflow.contract.CloudEventHeaders;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.EventTypes;
import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.text.ArticleContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * {@code articles.submitted} → enrichment → {@code articles.enriched}, one event at a time per partition, in
 * order. The input is acknowledged only when the output is on Kafka (at-least-once); redeliveries are
 * answered from the store (idempotent). A poison event is dead-lettered with its reason and the stream goes
 * on; a database outage is retried until it is over.
 */
@ApplicationScoped
public class SubmittedArticleProcessor {

    private static final Logger LOG = Logger.getLogger(SubmittedArticleProcessor.class);

    private final Enricher enricher;
    private final EnrichmentStore store;
    private final ObjectMapper json;
    private final URI source;
    private final EmittedNotes emitted;
    private final EnrichMetrics metrics;

    SubmittedArticleProcessor(Enricher enricher, EnrichmentStore store, ObjectMapper json, EnrichConfig config,
            EmittedNotes emitted, EnrichMetrics metrics) {
        this.emitted = emitted;
        this.metrics = metrics;
        this.enricher = enricher;
        this.store = store;
        this.json = json;
        this.source = config.eventSource();
    }

    @Incoming("articles-submitted")
    @Outgoing("articles-enriched")
    public Multi<Message<String>> process(Multi<Message<byte[]>> submitted) {
        return submitted.onItem().transformToUniAndConcatenate(this::handle)
                .select().where(Optional::isPresent)
                .map(Optional::get);
    }

    private Uni<Optional<Message<String>>> handle(Message<byte[]> message) {
        return Uni.createFrom().item(() -> enrich(message))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(e -> !(e instanceof PoisonEventException))
                .invoke(e -> LOG.warnf("Enrichment of an event failed and is retried: %s", e.toString()))
                .onFailure(e -> !(e instanceof PoisonEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .onFailure(PoisonEventException.class).recoverWithUni(e -> {
                    LOG.warnf("Dead-lettering an event of articles.submitted: %s", e.getMessage());
                    metrics.deadLettered();
                    return Uni.createFrom().completionStage(message.nack(e)).replaceWith(Optional.empty());
                });
    }

    private Optional<Message<String>> enrich(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new PoisonEventException("not a Kafka record"));
        String eventId = header(kafka, CloudEventHeaders.ID);
        if (eventId == null || eventId.isBlank()) {
            throw new PoisonEventException("missing CloudEvents header ce_id: events must carry a stable id");
        }
        ArticleSubmitted submitted = parse(message.getPayload());
        Optional<Emission> stored;
        try {
            stored = store.enrichOnce(eventId, () -> compute(submitted));
        } catch (RuntimeException e) {
            if (violatesStorageRules(e)) {
                throw new PoisonEventException("the event breaks a storage rule (" + rootCause(e) + ")", e);
            }
            throw e;
        }
        if (stored.isEmpty()) { // a redelivery of an event whose result Kafka already has
            message.ack();
            return Optional.empty();
        }
        Emission emission = stored.get();
        // once Kafka has the output: note it (with others, off the producer's thread), then let the input go
        Supplier<CompletionStage<Void>> ack = () -> {
            metrics.enriched();
            return emitted.note(eventId).thenCompose(done -> message.ack());
        };
        Function<Throwable, CompletionStage<Void>> nack = message::nack;
        return Optional.of(Message.of(emission.payload(), outgoing(message, emission), ack, nack));
    }

    /** Too long, wrong type, duplicate: the same event fails the same way on every retry. */
    private static boolean violatesStorageRules(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataException || cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private ArticleSubmitted parse(byte[] payload) {
        if (payload == null) {
            throw new PoisonEventException("empty record value");
        }
        ArticleSubmitted event;
        try {
            event = json.readValue(payload, ArticleSubmitted.class);
        } catch (IOException e) {
            throw new PoisonEventException("record value is not an ArticleSubmitted JSON document: " + e.getMessage(), e);
        }
        if (event.articleId() == null || event.submissionId() == null || event.article() == null
                || !event.article().path("uri").isTextual()) {
            throw new PoisonEventException("ArticleSubmitted lacks articleId, submissionId or article.uri");
        }
        if (!event.articleId().equals(StableIds.articleId(event.publisherId(), event.article().path("uri").asText()))) {
            // an injected event must not overwrite another publisher's article
            throw new PoisonEventException("articleId is not the id of this publisherId and article.uri");
        }
        return event;
    }

    private EnrichmentStore.Computed compute(ArticleSubmitted submitted) {
        try {
            Enricher.Result result = enricher.enrich(submitted.article(), ArticleContext.of(submitted.article(),
                    submitted.articleId(), submitted.publisherId(), submitted.receivedAt()), metrics.steps());
            return new EnrichmentStore.Computed(new ArticleEnriched(submitted.articleId(), submitted.submissionId(),
                    submitted.publisherId(), submitted.receivedAt(), result.article(), result.enrichment()),
                    result.summary());
        } catch (RuntimeException e) {
            if (fromTheDatabase(e) && !violatesStorageRules(e)) {
                throw e; // the indexes live in the database: an outage or a restart is waited out, not dead-lettered
            }
            // a bug or an input the rules cannot handle: retrying would block the partition forever
            throw new PoisonEventException("enrichment failed: " + e, e);
        }
    }

    private static boolean fromTheDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException || cause instanceof org.hibernate.JDBCException) {
                return true;
            }
        }
        return false;
    }

    /** CloudEvents attributes, the record key, and the incoming trace (OpenTelemetry) so that it goes on. */
    private Metadata outgoing(Message<byte[]> incoming, Emission emission) {
        Metadata metadata = Metadata.of(cloudEvent(emission), record(emission));
        return io.smallrye.reactive.messaging.TracingMetadata.fromMessage(incoming).map(metadata::with).orElse(metadata);
    }

    private OutgoingCloudEventMetadata<Object> cloudEvent(Emission emission) {
        return OutgoingCloudEventMetadata.builder()
                .withId(emission.eventId())
                .withType(EventTypes.ARTICLE_ENRICHED)
                .withSource(source)
                .withSubject(emission.subject())
                .withTimestamp(emission.time().atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEventHeaders.JSON)
                .build();
    }

    private static OutgoingKafkaRecordMetadata<String> record(Emission emission) {
        return OutgoingKafkaRecordMetadata.<String> builder().withKey(emission.key()).build();
    }

    private static String header(IncomingKafkaRecordMetadata<?, ?> kafka, String name) {
        Header header = kafka.getHeaders().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
