package org.newsflow.ingest.inbound;

import java.nio.charset.StandardCharsets;
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
import org.newsflow.platform.hop.Failure;
import org.newsflow.platform.hop.RetryPolicy;
import org.newsflow.platform.log.Logged;
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
    private final boolean allowUnsigned;
    private final RetryPolicy retry;

    InboundArticleConsumer(PublisherAuthenticator publishers, SignatureVerifier signatures, ArticleReader reader,
            ArticlePreparer preparer, SubmissionService submissions, ObjectMapper json,
            org.newsflow.ingest.metrics.IngestMetrics metrics, org.newsflow.ingest.config.IngestConfig config) {
        this.metrics = metrics;
        this.allowUnsigned = config.kafkaIntakeAllowsUnsigned();
        this.retry = RetryPolicy.from(org.eclipse.microprofile.config.ConfigProvider.getConfig());
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
        var kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        Headers headers = kafka.map(IncomingKafkaRecordMetadata::getHeaders).orElse(null);
        // a signature's age is judged from when the broker took the record, if the broker stamped it (the topic's
        // message.timestamp.type=LogAppendTime): a record that waited in the topic is not stale for having waited.
        // A producer's own timestamp proves nothing, so otherwise it is judged from now.
        Instant received = kafka.filter(k -> k.getTimestampType() == org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME)
                .map(IncomingKafkaRecordMetadata::getTimestamp).orElse(Instant.now());
        String publisherId = header(headers, PUBLISHER_HEADER);
        byte[] value = message.getPayload() == null ? new byte[0] : message.getPayload();
        try {
            // each check once; only the steps that need the database wait out an outage
            AuthenticatedPublisher publisher = untilStored(() -> publishers.named(publisherId));
            String messageId = authenticate(publisher, headers, value, received);
            var prepared = preparer.prepare(reader.readObject(value));
            untilStored(() -> submissions.submit(publisher.id(), prepared, new PushContext(null, null, messageId)));
            return message.ack();
        } catch (ProblemException refused) {
            if ("replayed-message".equals(refused.slug())) {
                return message.ack(); // the same signed record again (a redelivery): it is stored already
            }
            String problem = problemJson(refused);
            record(publisherId, headers, problem);
            metrics.deadLettered();
            return message.nack(new InboundRejectedException(problem));
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "Kafka intake failed on a record of publisher %s; dead-lettering it", Logged.value(publisherId));
            metrics.deadLettered();
            return message.nack(new InboundRejectedException("{\"status\":500,\"title\":\"Internal error\","
                    + "\"detail\":\"the record could not be processed; the failure is logged\"}"));
        }
    }

    /** The signature of a signing publisher; unsigned publishers only where the configuration trusts the topic. */
    private String authenticate(AuthenticatedPublisher publisher, Headers headers, byte[] value, Instant received) {
        if (publisher.signingSecret() == null) {
            if (!allowUnsigned) {
                throw ProblemException.badSignature(SignatureVerifier.SIGNATURE, "kafka-intake-signed",
                        "records on articles.inbound must be signed (Standard Webhooks headers) with the publisher's "
                                + "signing secret: register the publisher with signed=true");
            }
            return null;
        }
        SignedHeaders signed = new SignedHeaders(header(headers, SignatureVerifier.ID),
                header(headers, SignatureVerifier.TIMESTAMP), header(headers, SignatureVerifier.SIGNATURE));
        signatures.verify(publisher.signingSecret(), signed, value, received);
        return signed.id().trim();
    }

    /** Runs {@code step}, waiting out a database outage (the record is kept and retried, in order). */
    private <T> T untilStored(java.util.function.Supplier<T> step) {
        long backoff = retry.firstWait().toMillis();
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException failure) {
                if (failure instanceof ProblemException || Failure.of(failure) != Failure.OUTAGE) {
                    throw failure;
                }
                LOG.warnf("Kafka intake cannot reach the database yet (%s); retrying", failure.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, retry.longestWait().toMillis());
            }
        }
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
