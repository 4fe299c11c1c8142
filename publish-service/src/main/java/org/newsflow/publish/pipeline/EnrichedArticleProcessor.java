package org.newsflow.publish.pipeline;

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
import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.CloudEventHeaders;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.EventTypes;
import org.newsflow.publish.config.PublishConfig;
import org.newsflow.publish.metrics.PublishMetrics;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * {@code articles.enriched} → stored publication → {@code articles.published}, one event at a time per
 * partition, in order. The input is acknowledged only when the output is on Kafka (at-least-once), and the store
 * notes that it is; a redelivery (after a crash, before the offset was committed) is answered from the store and
 * sent again only when Kafka never acknowledged it. A poison event is dead-lettered with its reason and the stream goes
 * on; a database outage is retried until it is over.
 */
@ApplicationScoped
public class EnrichedArticleProcessor {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleProcessor.class);

    private final PublicationStore store;
    private final ObjectMapper json;
    private final URI source;
    private final EmittedNotes emitted;

    private final PublishMetrics metrics;
    // its own thread: however many readers hold the HTTP worker threads, publication does not wait for one
    private final java.util.concurrent.ExecutorService publishing = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "publishing");
        thread.setDaemon(true);
        return thread;
    });

    EnrichedArticleProcessor(PublicationStore store, ObjectMapper json, PublishConfig config, EmittedNotes emitted,
            PublishMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.json = json;
        this.source = config.eventSource();
        this.emitted = emitted;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        publishing.shutdown();
    }

    @Incoming("articles-enriched")
    @Outgoing("articles-published")
    public Multi<Message<String>> process(Multi<Message<byte[]>> enriched) {
        return enriched.onItem().transformToUniAndConcatenate(this::handle)
                .select().where(Optional::isPresent)
                .map(Optional::get);
    }

    private Uni<Optional<Message<String>>> handle(Message<byte[]> message) {
        return Uni.createFrom().item(() -> publish(message))
                .runSubscriptionOn(publishing)
                .onFailure(e -> !(e instanceof PoisonEventException))
                .invoke(e -> LOG.warnf("Publication of an event failed and is retried: %s", e.toString()))
                .onFailure(e -> !(e instanceof PoisonEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .onFailure(PoisonEventException.class).recoverWithUni(e -> {
                    LOG.warnf("Dead-lettering an event of articles.enriched: %s", e.getMessage());
                    metrics.deadLettered();
                    return Uni.createFrom().completionStage(message.nack(e)).replaceWith(Optional.empty());
                });
    }

    private Optional<Message<String>> publish(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new PoisonEventException("not a Kafka record"));
        String eventId = header(kafka, CloudEventHeaders.ID);
        if (eventId == null || eventId.isBlank()) {
            throw new PoisonEventException("missing CloudEvents header ce_id: events must carry a stable id");
        }
        ArticleEnriched enriched = parse(message.getPayload());
        Optional<Emission> emission;
        try {
            emission = store.publishOnce(eventId, enriched);
        } catch (RuntimeException e) {
            if (violatesStorageRules(e)) {
                throw new PoisonEventException("the event breaks a storage rule (" + rootCause(e) + ")", e);
            }
            throw e;
        }
        if (emission.isEmpty()) { // an older version arriving late: recorded, not announced
            message.ack();
            return Optional.empty();
        }
        // once Kafka has the output: note it (with others, off the producer's thread), then let the input go
        Supplier<CompletionStage<Void>> ack = () -> {
            metrics.published();
            return emitted.note(eventId).thenCompose(done -> message.ack());
        };
        Function<Throwable, CompletionStage<Void>> nack = message::nack;
        Emission event = emission.get();
        return Optional.of(Message.of(event.payload(), outgoing(message, event), ack, nack));
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

    private ArticleEnriched parse(byte[] payload) {
        if (payload == null) {
            throw new PoisonEventException("empty record value");
        }
        ArticleEnriched event;
        try {
            event = json.readValue(payload, ArticleEnriched.class);
        } catch (IOException e) {
            throw new PoisonEventException("record value is not an ArticleEnriched JSON document: " + e.getMessage(), e);
        }
        if (event.articleId() == null || event.article() == null || event.enrichment() == null
                || !event.article().path("uri").isTextual() || !isVersion(event.article().path("version").asText("1"))) {
            throw new PoisonEventException("ArticleEnriched lacks articleId, enrichment, article.uri or a numeric article.version");
        }
        if (!event.articleId().equals(StableIds.articleId(event.publisherId(), event.article().path("uri").asText()))) {
            // an injected event must not overwrite another publisher's article
            throw new PoisonEventException("articleId is not the id of this publisherId and article.uri");
        }
        return event;
    }

    private static boolean isVersion(String version) {
        return version.matches("[1-9][0-9]{0,9}") && Long.parseLong(version) <= Integer.MAX_VALUE;
    }

    /** CloudEvents attributes, the record key, and the incoming trace (OpenTelemetry) so that it goes on. */
    private Metadata outgoing(Message<byte[]> incoming, Emission emission) {
        Metadata metadata = Metadata.of(cloudEvent(emission), record(emission));
        return io.smallrye.reactive.messaging.TracingMetadata.fromMessage(incoming).map(metadata::with).orElse(metadata);
    }

    private OutgoingCloudEventMetadata<Object> cloudEvent(Emission emission) {
        return OutgoingCloudEventMetadata.builder()
                .withId(emission.eventId())
                .withType(EventTypes.ARTICLE_PUBLISHED)
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
