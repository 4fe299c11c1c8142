package org.newsflow.ingest.submission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.newsflow.contract.ArticleSubmitted;
import org.newsflow.contract.ContentMatch;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.FieldViolation;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.outbox.OutboxEvent;
import org.newsflow.ingest.outbox.OutboxRelay;
import org.newsflow.ingest.problem.ProblemException;
import org.newsflow.ingest.publisher.WebhookMessage;
import org.newsflow.ingest.submission.ArticlePreparer.Prepared;

/**
 * Accepts a prepared article: stores the submission and its {@code articles.submitted} event in one
 * transaction, so an acknowledged push is never lost, and applies the version and idempotency rules.
 */
@ApplicationScoped
public class SubmissionService {

    private static final int MAX_CONTENT_MATCHES = 5;

    private final ArticleReader reader;
    private final OutboxRelay relay;
    private final org.newsflow.ingest.metrics.IngestMetrics metrics;

    private final long maxEventBytes;

    SubmissionService(ArticleReader reader, OutboxRelay relay, org.newsflow.ingest.metrics.IngestMetrics metrics,
            org.newsflow.ingest.config.IngestConfig config) {
        this.metrics = metrics;
        this.maxEventBytes = config.maxEventBytes();
        this.reader = reader;
        this.relay = relay;
    }

    /** The outcome of a push: its receipt, and whether it was a repeat of a stored push. */
    public record Accepted(SubmissionReceipt receipt, boolean repeat) {
    }

    /**
     * What else a push carries: an {@code Idempotency-Key} with the hash of the request it came with, and the
     * Standard Webhooks message id to remember against replays. Both may be null.
     */
    public record PushContext(String idempotencyKey, String requestHash, String webhookMessageId) {

        public static final PushContext NONE = new PushContext(null, null, null);
    }

    public Accepted submit(String publisherId, Prepared prepared, PushContext context) {
        Accepted accepted;
        try {
            accepted = store(publisherId, prepared, context);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // a concurrent push of the same version (or key, or message) won the race: answer as for a repeat
            accepted = store(publisherId, prepared, context);
        }
        if (!accepted.repeat()) {
            relay.wakeUp();
        }
        metrics.accepted(accepted.repeat());
        return accepted;
    }

    @Transactional
    Accepted store(String publisherId, Prepared prepared, PushContext context) {
        if (context.webhookMessageId() != null && !WebhookMessage.claim(publisherId, context.webhookMessageId())) {
            throw ProblemException.replayed(context.webhookMessageId());
        }
        Optional<Accepted> remembered = rememberedAnswer(publisherId, context);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        var identity = prepared.identity();
        String articleId = StableIds.articleId(publisherId, identity.uri());
        String contentHash = sha256(reader.canonicalBytes(prepared.article()));

        Optional<Submission> sameVersion = Submission.findVersion(articleId, identity.version());
        if (sameVersion.isPresent()) {
            Submission stored = sameVersion.get();
            if (stored.contentHash.equals(contentHash)) {
                remember(publisherId, context, stored.id);
                return new Accepted(SubmissionReceipt.of(stored), true);
            }
            throw ProblemException.versionConflict("Version " + identity.version() + " of " + identity.uri()
                    + " was already accepted with different content; push changes with a higher version.",
                    "changed-without-new-version");
        }
        int latest = Submission.latestVersion(articleId).orElse(0);
        if (identity.version() < latest) {
            throw ProblemException.versionConflict("Version " + identity.version() + " of " + identity.uri()
                    + " is older than the stored version " + latest + ".", "version-not-older-than-stored");
        }
        List<ContentMatch> sameContent = Submission.sameContentElsewhere(prepared.fingerprint(), publisherId,
                MAX_CONTENT_MATCHES).stream().map(s -> new ContentMatch(s.publisherId, s.articleId, s.uri)).toList();

        Submission submission = new Submission();
        submission.id = UUID.randomUUID().toString();
        submission.receivedAt = Instant.now();
        boolean withholding = "withheld".equals(identity.pubStatus());
        boolean withheld = withholding && !Submission.anySentOn(articleId);
        // consumers who hold the article learn to withhold it, but never see the withheld version's text
        ArticleSubmitted event = withholding
                ? new ArticleSubmitted(articleId, submission.id, publisherId, submission.receivedAt, contentHash,
                        WithholdNotice.of(prepared.article()), List.of())
                : new ArticleSubmitted(articleId, submission.id, publisherId, submission.receivedAt, contentHash,
                        prepared.article(), sameContent);
        String payload = reader.toJson(event);
        long eventBytes = Utf8.length(payload);
        if (eventBytes > maxEventBytes) {
            throw ProblemException.eventTooLarge(eventBytes, maxEventBytes);
        }
        submission.articleId = articleId;
        submission.publisherId = publisherId;
        submission.uri = identity.uri();
        submission.version = identity.version();
        submission.pubStatus = identity.pubStatus();
        submission.contentHash = contentHash;
        submission.contentFingerprint = prepared.fingerprint();
        submission.status = withheld ? SubmissionStatus.WITHHELD : SubmissionStatus.RECEIVED;
        submission.heldUntil = withheld ? null : embargoedUntil(prepared.article(), submission.receivedAt);
        submission.article = reader.toJson(prepared.article());
        submission.persistAndFlush();
        if (withheld) { // nobody has the article yet, and nobody may use it: it stays here
            remember(publisherId, context, submission.id);
            return new Accepted(SubmissionReceipt.of(submission), false);
        }

        OutboxEvent outbox = new OutboxEvent();
        outbox.eventId = submission.id;
        outbox.eventType = EventTypes.ARTICLE_SUBMITTED;
        outbox.topic = Topics.ARTICLES_SUBMITTED;
        outbox.recordKey = identity.uri();
        outbox.subject = articleId;
        outbox.submissionId = submission.id;
        outbox.payload = payload;
        outbox.createdAt = submission.receivedAt;
        outbox.traceParent = traceParent();
        outbox.availableAt = submission.heldUntil;
        outbox.persist();
        remember(publisherId, context, submission.id);
        return new Accepted(SubmissionReceipt.of(submission), false);
    }

    /** The article's embargo when it lies in the future; null otherwise (normalised to a UTC instant already). */
    private static Instant embargoedUntil(com.fasterxml.jackson.databind.node.ObjectNode article, Instant now) {
        String until = article.path("embargoedUntil").asText(null);
        if (until == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(until);
            return instant.isAfter(now) ? instant : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null; // the normaliser refuses unreadable dates before this point
        }
    }

    /** The answer given the first time this Idempotency-Key was used with the same request. */
    private static Optional<Accepted> rememberedAnswer(String publisherId, PushContext context) {
        if (context.idempotencyKey() == null) {
            return Optional.empty();
        }
        return IdempotencyKey.of(publisherId, context.idempotencyKey()).map(key -> {
            if (!key.requestHash.equals(context.requestHash())) {
                throw new ProblemException(422, "idempotency-key-reused", "The Idempotency-Key was used for another request",
                        "Idempotency-Key " + context.idempotencyKey() + " was first used with a different body; use a new key "
                                + "for a new request.",
                        List.of(new FieldViolation("header:Idempotency-Key", "same-request-for-same-key",
                                "a key stands for one request")));
            }
            Submission first = Submission.findById(key.submissionId);
            return new Accepted(SubmissionReceipt.of(first), true);
        });
    }

    /** The current span as a W3C traceparent, when OpenTelemetry traces this push. */
    private static String traceParent() {
        io.opentelemetry.api.trace.SpanContext span = io.opentelemetry.api.trace.Span.current().getSpanContext();
        return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex() : null;
    }

    private static void remember(String publisherId, PushContext context, String submissionId) {
        if (context.idempotencyKey() != null) {
            IdempotencyKey key = new IdempotencyKey();
            key.publisherId = publisherId;
            key.idemKey = context.idempotencyKey();
            key.requestHash = context.requestHash();
            key.submissionId = submissionId;
            key.createdAt = Instant.now();
            key.persist();
        }
    }

    @Transactional
    public SubmissionReceipt find(String publisherId, String submissionId) {
        return Submission.<Submission> findByIdOptional(submissionId)
                .filter(s -> s.publisherId.equals(publisherId))
                .map(SubmissionReceipt::of)
                .orElseThrow(() -> ProblemException.notFound("Submission " + submissionId));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
