package org.newsflow.ingest.submission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.newsflow.contract.ArticleSubmitted;
import org.newsflow.contract.EventTypes;
import org.newsflow.contract.StableIds;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.outbox.OutboxEvent;
import org.newsflow.ingest.outbox.OutboxRelay;
import org.newsflow.ingest.problem.ProblemException;
import org.newsflow.ingest.submission.ArticleValidator.ArticleIdentity;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Accepts a validated article: stores the submission and its {@code articles.submitted} event in one
 * transaction, so an acknowledged push is never lost, and applies the version rules.
 */
@ApplicationScoped
public class SubmissionService {

    private final ArticleReader reader;
    private final OutboxRelay relay;

    SubmissionService(ArticleReader reader, OutboxRelay relay) {
        this.reader = reader;
        this.relay = relay;
    }

    /** The outcome of a push: its receipt, and whether it was a repeat of a stored push. */
    public record Accepted(SubmissionReceipt receipt, boolean repeat) {
    }

    public Accepted submit(String publisherId, ObjectNode article, ArticleIdentity identity) {
        Accepted accepted;
        try {
            accepted = store(publisherId, article, identity);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // a concurrent push of the same version won the race: answer as for a repeat (or a conflict)
            accepted = store(publisherId, article, identity);
        }
        if (!accepted.repeat()) {
            relay.wakeUp();
        }
        return accepted;
    }

    @Transactional
    Accepted store(String publisherId, ObjectNode article, ArticleIdentity identity) {
        String articleId = StableIds.articleId(publisherId, identity.uri());
        String contentHash = sha256(reader.canonicalBytes(article));

        Optional<Submission> sameVersion = Submission.findVersion(articleId, identity.version());
        if (sameVersion.isPresent()) {
            Submission stored = sameVersion.get();
            if (stored.contentHash.equals(contentHash)) {
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

        Submission submission = new Submission();
        submission.id = UUID.randomUUID().toString();
        submission.articleId = articleId;
        submission.publisherId = publisherId;
        submission.uri = identity.uri();
        submission.version = identity.version();
        submission.pubStatus = identity.pubStatus();
        submission.contentHash = contentHash;
        submission.status = SubmissionStatus.RECEIVED;
        submission.receivedAt = Instant.now();
        submission.article = reader.toJson(article);
        submission.persistAndFlush();

        ArticleSubmitted event = new ArticleSubmitted(articleId, submission.id, publisherId, submission.receivedAt,
                contentHash, article);
        OutboxEvent outbox = new OutboxEvent();
        outbox.eventId = submission.id;
        outbox.eventType = EventTypes.ARTICLE_SUBMITTED;
        outbox.topic = Topics.ARTICLES_SUBMITTED;
        outbox.recordKey = identity.uri();
        outbox.subject = articleId;
        outbox.submissionId = submission.id;
        outbox.payload = reader.toJson(event);
        outbox.createdAt = submission.receivedAt;
        outbox.persist();
        return new Accepted(SubmissionReceipt.of(submission), false);
    }

    @Transactional
    public SubmissionReceipt find(String submissionId) {
        return Submission.<Submission> findByIdOptional(submissionId)
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
