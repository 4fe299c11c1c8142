package org.newsflow.publish.pipeline;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.newsflow.contract.ArticleEnriched;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.SubmissionProgress;
import org.newsflow.contract.Topics;
import org.newsflow.platform.hop.AcknowledgementNotes;
import org.newsflow.platform.hop.KafkaHop;
import org.newsflow.platform.hop.PoisonEvent;
import org.newsflow.platform.hop.ProgressReports;
import org.newsflow.platform.hop.RetryPolicy;
import org.newsflow.publish.config.PublishConfig;
import org.newsflow.publish.metrics.PublishMetrics;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;

/**
 * {@code articles.enriched} → stored publication → {@code articles.published}, on the shared {@link KafkaHop}: a
 * batch of events at a time, in order, stored in one transaction (a later version in the batch sees an earlier one). The input is acknowledged only when the output is on Kafka
 * (at-least-once), and the store notes that it is; a redelivery (after a crash, before the offset was committed) is
 * answered from the store and sent again only when Kafka never acknowledged it. Poison is dead-lettered with its
 * reason and the stream goes on; a database outage is waited out; a bug is tried a few times, then dead-lettered.
 */
@ApplicationScoped
public class EnrichedArticleProcessor {

    private final PublicationStore store;
    private final ObjectMapper json;
    private final URI source;
    private final AcknowledgementNotes emitted;
    private final PublishMetrics metrics;
    private final KafkaHop hop;
    // its own thread: however many readers hold the HTTP worker threads, publication does not wait for one
    private final java.util.concurrent.ExecutorService publishing = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "publishing");
        thread.setDaemon(true);
        return thread;
    });

    /** How far each submission got, for ingest's status ({@code articles.progress}); best effort. */
    @Inject
    @Channel("submission-progress")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000)
    Emitter<String> progress;

    EnrichedArticleProcessor(PublicationStore store, ObjectMapper json, PublishConfig config, PublishMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.json = json;
        this.source = config.eventSource();
        this.emitted = new AcknowledgementNotes("emitted-notes", store::markEmitted);
        this.hop = new KafkaHop(Topics.ARTICLES_ENRICHED, RetryPolicy.from(ConfigProvider.getConfig()),
                KafkaHop.BatchLimits.from(ConfigProvider.getConfig()), publishing, metrics::deadLettered);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        emitted.close();
        publishing.shutdown();
    }

    @Incoming("articles-enriched")
    @Outgoing("articles-published")
    public Multi<Message<String>> process(Multi<Message<byte[]>> enriched) {
        return hop.run(enriched, message -> parse(message.getPayload()), this::publishAll);
    }

    private List<Optional<Message<String>>> publishAll(List<KafkaHop.Decoded<ArticleEnriched>> batch) {
        // an older version arriving late is recorded, not announced: it has no output
        List<Optional<Emission>> emissions = store.publishAllOnce(batch.stream()
                .map(input -> new PublicationStore.Input(input.eventId(), input.value())).toList());
        List<Optional<Message<String>>> outputs = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            outputs.add(emissions.get(i).map(output(batch.get(i))));
        }
        return outputs;
    }

    private Function<Emission, Message<String>> output(KafkaHop.Decoded<ArticleEnriched> input) {
        Message<byte[]> message = input.message();
        return event -> Message.of(event.payload(), KafkaHop.outgoing(message, event.eventId(),
                EventTypes.ARTICLE_PUBLISHED, source, event.subject(), event.time(), event.key()),
                acknowledged(input, event), message::nack);
    }

    /** Once Kafka has the output: report it to ingest, note it (with others, off the producer's thread), let the input go. */
    private Supplier<CompletionStage<Void>> acknowledged(KafkaHop.Decoded<ArticleEnriched> input, Emission event) {
        ArticleEnriched enriched = input.value();
        return () -> {
            metrics.published();
            if (enriched.submissionId() != null) {
                ProgressReports.send(progress, event.key(), new SubmissionProgress(enriched.submissionId(),
                        enriched.articleId(), SubmissionProgress.PUBLISHED, event.time()));
            }
            return emitted.note(input.eventId()).thenCompose(done -> input.message().ack());
        };
    }

    private ArticleEnriched parse(byte[] payload) {
        if (payload == null) {
            throw new PoisonEvent("empty record value");
        }
        ArticleEnriched event;
        try {
            event = json.readValue(payload, ArticleEnriched.class);
        } catch (IOException e) {
            throw new PoisonEvent("record value is not an ArticleEnriched JSON document: " + e.getMessage(), e);
        }
        if (event.articleId() == null || event.article() == null || event.enrichment() == null
                || !event.article().path("uri").isTextual() || !isVersion(event.article().path("version").asText("1"))) {
            throw new PoisonEvent("ArticleEnriched lacks articleId, enrichment, article.uri or a numeric article.version");
        }
        if (!event.articleId().equals(StableIds.articleId(event.publisherId(), event.article().path("uri").asText()))) {
            // an injected event must not overwrite another publisher's article
            throw new PoisonEvent("articleId is not the id of this publisherId and article.uri");
        }
        return event;
    }

    private static boolean isVersion(String version) {
        return version.matches("[1-9][0-9]{0,9}") && Long.parseLong(version) <= Integer.MAX_VALUE;
    }

}
