package org.newsflow.enrich.pipeline;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
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
import org.newsflow.contract.ArticleSubmitted;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.SubmissionProgress;
import org.newsflow.contract.Topics;
import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.metrics.EnrichMetrics;
import org.newsflow.enrich.text.ArticleContext;
import org.newsflow.platform.hop.AcknowledgementNotes;
import org.newsflow.platform.hop.KafkaHop;
import org.newsflow.platform.hop.PoisonEvent;
import org.newsflow.platform.hop.ProgressReports;
import org.newsflow.platform.hop.RetryPolicy;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * {@code articles.submitted} → enrichment → {@code articles.enriched}, on the shared {@link KafkaHop}: a batch of
 * events at a time, in order, enriched and stored in one transaction (a later article of the batch finds an earlier
 * one as its original or story); the input is acknowledged only when the output is on Kafka and that is noted
 * (at-least-once); redeliveries are answered from the store (idempotent); poison is dead-lettered with its reason,
 * a database outage waited out, a bug tried a few times and then dead-lettered (the policy is {@code newsflow.retry.*}).
 */
@ApplicationScoped
public class SubmittedArticleProcessor {

    private final Enricher enricher;
    private final EnrichmentStore store;
    private final ObjectMapper json;
    private final URI source;
    private final AcknowledgementNotes emitted;
    private final EnrichMetrics metrics;
    private final KafkaHop hop;

    /** How far each submission got, for ingest's status ({@code articles.progress}); best effort. */
    @Inject
    @Channel("submission-progress")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000)
    Emitter<String> progress;

    SubmittedArticleProcessor(Enricher enricher, EnrichmentStore store, ObjectMapper json, EnrichConfig config,
            EnrichMetrics metrics) {
        this.metrics = metrics;
        this.enricher = enricher;
        this.store = store;
        this.json = json;
        this.source = config.eventSource();
        this.emitted = new AcknowledgementNotes("emitted-notes", store::markEmitted);
        this.hop = new KafkaHop(Topics.ARTICLES_SUBMITTED, RetryPolicy.from(ConfigProvider.getConfig()),
                KafkaHop.BatchLimits.from(ConfigProvider.getConfig()), Infrastructure.getDefaultWorkerPool(), metrics::deadLettered);
    }

    @PreDestroy
    void stop() {
        emitted.close();
    }

    @Incoming("articles-submitted")
    @Outgoing("articles-enriched")
    public Multi<Message<String>> process(Multi<Message<byte[]>> submitted) {
        return hop.run(submitted, message -> parse(message.getPayload()), this::enrichAll);
    }

    /** One batch, one transaction: the output for each input, in order (package-private for its test). */
    List<Optional<Message<String>>> enrichAll(List<KafkaHop.Decoded<ArticleSubmitted>> batch) {
        List<Optional<Emission>> emissions = store.enrichAllOnce(batch.stream()
                .map(input -> new EnrichmentStore.Input(input.eventId(), () -> compute(input.value()))).toList());
        List<Optional<Message<String>>> outputs = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            outputs.add(emissions.get(i).map(output(batch.get(i))));
        }
        return outputs;
    }

    /** The output for an input; a redelivery whose result Kafka already has gets none. */
    private Function<Emission, Message<String>> output(KafkaHop.Decoded<ArticleSubmitted> input) {
        Message<byte[]> message = input.message();
        return emission -> Message.of(emission.payload(), KafkaHop.outgoing(message, emission.eventId(),
                EventTypes.ARTICLE_ENRICHED, source, emission.subject(), emission.time(), emission.key()),
                acknowledged(input, emission), message::nack);
    }

    /** Once Kafka has the output: report it to ingest, note it (with others, off the producer's thread), let the input go. */
    private Supplier<CompletionStage<Void>> acknowledged(KafkaHop.Decoded<ArticleSubmitted> input, Emission emission) {
        Message<byte[]> message = input.message();
        ArticleSubmitted submitted = input.value();
        return () -> {
            metrics.enriched();
            ProgressReports.send(progress, emission.key(), new SubmissionProgress(submitted.submissionId(),
                    submitted.articleId(), SubmissionProgress.ENRICHED, emission.time()));
            return emitted.note(input.eventId()).thenCompose(done -> message.ack());
        };
    }

    private ArticleSubmitted parse(byte[] payload) {
        if (payload == null) {
            throw new PoisonEvent("empty record value");
        }
        ArticleSubmitted event;
        try {
            event = json.readValue(payload, ArticleSubmitted.class);
        } catch (IOException e) {
            throw new PoisonEvent("record value is not an ArticleSubmitted JSON document: " + e.getMessage(), e);
        }
        if (event.articleId() == null || event.submissionId() == null || event.article() == null
                || !event.article().path("uri").isTextual()) {
            throw new PoisonEvent("ArticleSubmitted lacks articleId, submissionId or article.uri");
        }
        if (!event.articleId().equals(StableIds.articleId(event.publisherId(), event.article().path("uri").asText()))) {
            // an injected event must not overwrite another publisher's article
            throw new PoisonEvent("articleId is not the id of this publisherId and article.uri");
        }
        return event;
    }

    private EnrichmentStore.Computed compute(ArticleSubmitted submitted) {
        Enricher.Result result = enricher.enrich(submitted.article(), ArticleContext.of(submitted.article(),
                submitted.articleId(), submitted.publisherId(), submitted.receivedAt()), metrics.steps());
        return new EnrichmentStore.Computed(new ArticleEnriched(submitted.articleId(), submitted.submissionId(),
                submitted.publisherId(), submitted.receivedAt(), result.article(), result.enrichment()),
                result.summary());
    }
}
