package org.newsflow.ingest.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;

import org.newsflow.ingest.config.IngestConfig;
import org.newsflow.ingest.problem.ProblemException;
import org.newsflow.ingest.publisher.PublisherAuthenticator;
import org.newsflow.ingest.publisher.PublisherAuthenticator.AuthenticatedPublisher;
import org.newsflow.ingest.publisher.SignatureVerifier;
import org.newsflow.ingest.publisher.SignatureVerifier.SignedHeaders;
import org.newsflow.ingest.publisher.WebhookMessage;
import org.newsflow.ingest.ratelimit.PublisherRateLimiter;

import java.io.InputStream;

/**
 * What every HTTP push passes before its content is looked at: the body size limit, the API key, the signature
 * of publishers who sign, and the rate limit.
 */
@ApplicationScoped
public class IntakeGate {

    private final IngestConfig config;
    private final PublisherAuthenticator authenticator;
    private final SignatureVerifier signatures;
    private final PublisherRateLimiter limiter;

    IntakeGate(IngestConfig config, PublisherAuthenticator authenticator, SignatureVerifier signatures,
            PublisherRateLimiter limiter) {
        this.config = config;
        this.authenticator = authenticator;
        this.signatures = signatures;
        this.limiter = limiter;
    }

    /** A push that passed the gate: who sent it, its bytes, and its Standard Webhooks id when it was signed. */
    public record Admitted(AuthenticatedPublisher publisher, byte[] body, String webhookMessageId) {
    }

    public Admitted admit(HttpHeaders headers, InputStream body) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxBodyBytes()) {
            throw ProblemException.tooLarge(config.maxBodyBytes());
        }
        AuthenticatedPublisher publisher = authenticator.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        byte[] bytes = BoundedBody.read(body, config.maxBodyBytes());
        String messageId = null;
        if (publisher.signingSecret() != null) {
            SignedHeaders signed = new SignedHeaders(headers.getHeaderString(SignatureVerifier.ID),
                    headers.getHeaderString(SignatureVerifier.TIMESTAMP), headers.getHeaderString(SignatureVerifier.SIGNATURE));
            signatures.verify(publisher.signingSecret(), signed, bytes);
            messageId = signed.id().trim();
        }
        return new Admitted(publisher, bytes, messageId);
    }

    /** For reads: the API key only. */
    public AuthenticatedPublisher authenticate(HttpHeaders headers) {
        return authenticator.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    /** Charges the publisher's rate limit for {@code items} articles. */
    public void charge(Admitted admitted, int items) {
        limiter.acquire(admitted.publisher().id(), items);
    }

    /** For a batch: records its message id at once (a replay is refused) rather than with each item. */
    @Transactional
    public void rememberMessage(Admitted admitted) {
        if (admitted.webhookMessageId() == null) {
            return;
        }
        if (!WebhookMessage.claim(admitted.publisher().id(), admitted.webhookMessageId())) {
            throw ProblemException.replayed(admitted.webhookMessageId());
        }
    }
}
