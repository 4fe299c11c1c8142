package org.newsflow.ingest.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.newsflow.contract.Problem;
import org.newsflow.ingest.problem.ProblemException;
import org.newsflow.ingest.publisher.PublisherAuthenticator;
import org.newsflow.ingest.publisher.PublisherAuthenticator.AuthenticatedPublisher;
import org.newsflow.ingest.publisher.SignatureVerifier;
import org.newsflow.ingest.publisher.SignatureVerifier.SignedHeaders;
import org.newsflow.ingest.submission.ArticlePreparer;
import org.newsflow.ingest.submission.ArticleReader;
import org.newsflow.ingest.submission.SubmissionService;
import org.newsflow.ingest.submission.SubmissionService.PushContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The Kafka intake: publishers who prefer Kafka write ninjs articles to {@code articles.inbound}, naming
 * themselves in the {@code newsflow-publisher} header. The same checks as over HTTP apply (registered and
 * active publisher, signature when it signs, parsing, normalisation, validation, versions). A refused record
 * goes to {@code articles.inbound.dlq} with the RFC 9457 problem as JSON in {@code dead-letter-reason}, and is
 * listed at {@code GET /v1/rejections}.
 */
@ApplicationScoped
public class InboundArticleConsumer {

    public static final String PUBLISHER_HEADER = "newsflow-publisher";
    private static final Logger LOG = Logger.getLogger(InboundArticleConsumer.class);

    private final PublisherAuthenticator publishers;
    private final SignatureVerifier signatures;
    private final ArticleReader reader;
    private final ArticlePreparer preparer;
    private final SubmissionService submissions;
    private final ObjectMapper json;
    private final org.newsflow.ingest.metrics.IngestMetrics metrics;

    InboundArticleConsumer(PublisherAuthenticator publishers, SignatureVerifier signatures, ArticleReader reader,
            ArticlePreparer preparer, SubmissionService submissions, ObjectMapper json,
            org.newsflow.ingest.metrics.IngestMetrics metrics) {
        this.metrics = metrics;
        this.publishers = publishers;
        this.signatures = signatures;
        this.reader = reader;
        this.preparer = preparer;
        this.submissions = submissions;
        this.json = json;
    }

    @Incoming("articles-inbound")
    @Blocking
    public CompletionStage<Void> take(Message<byte[]> message) {
        Headers headers = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getHeaders).orElse(null);
        String publisherId = header(headers, PUBLISHER_HEADER);
        long backoff = 200;
        while (true) {
            try {
                accept(publisherId, headers, message.getPayload() == null ? new byte[0] : message.getPayload());
                return message.ack();
            } catch (ProblemException refused) {
                String problem = problemJson(refused);
                record(publisherId, headers, problem);
                metrics.deadLettered();
                return message.nack(new InboundRejectedException(problem));
            } catch (RuntimeException failure) {
                if (!isStorageOutage(failure)) {
                    LOG.errorf(failure, "Kafka intake failed on a record of publisher %s; dead-lettering it", publisherId);
                    metrics.deadLettered();
                    return message.nack(new InboundRejectedException("{\"status\":500,\"title\":\"Internal error\","
                            + "\"detail\":\"the record could not be processed; the failure is logged\"}"));
                }
                // the database is away: keep the record and try again, in order
                LOG.warnf("Kafka intake cannot store a record yet (%s); retrying", failure.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, Duration.ofSeconds(10).toMillis());
            }
        }
    }

    private void accept(String publisherId, Headers headers, byte[] value) {
        AuthenticatedPublisher publisher = publishers.named(publisherId);
        String messageId = null;
        if (publisher.signingSecret() != null) {
            SignedHeaders signed = new SignedHeaders(header(headers, SignatureVerifier.ID),
                    header(headers, SignatureVerifier.TIMESTAMP), header(headers, SignatureVerifier.SIGNATURE));
            signatures.verify(publisher.signingSecret(), signed, value);
            messageId = signed.id().trim();
        }
        var prepared = preparer.prepare(reader.readObject(value));
        submissions.submit(publisher.id(), prepared, new PushContext(null, null, messageId));
    }

    private void record(String publisherId, Headers headers, String problem) {
        if (publisherId == null || publisherId.isBlank()) {
            return; // nobody to show it to: the dead-letter topic has it
        }
        QuarkusTransaction.requiringNew().run(() -> {
            var rejection = new org.newsflow.ingest.submission.Rejection();
            rejection.id = UUID.randomUUID().toString();
            rejection.publisherId = publisherId.strip().substring(0, Math.min(64, publisherId.strip().length()));
            rejection.uri = null;
            rejection.channel = "kafka";
            rejection.problem = problem;
            rejection.receivedAt = Instant.now();
            rejection.persist();
        });
    }

    private String problemJson(ProblemException e) {
        try {
            return json.writeValueAsString(new Problem(Problem.type(e.slug()), e.title(), e.status(), e.getMessage(),
                    null, e.errors()));
        } catch (JsonProcessingException impossible) {
            return e.getMessage();
        }
    }

    private static boolean isStorageOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException || cause instanceof jakarta.persistence.PersistenceException
                    || cause instanceof jakarta.transaction.SystemException) {
                return true;
            }
        }
        return false;
    }

    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** Carries the problem to the dead-letter topic, where it becomes the dead-letter-reason header. */
    static final class InboundRejectedException extends RuntimeException {
        InboundRejectedException(String problemJson) {
            super(problemJson, null, false, false);
        }
    }
}
