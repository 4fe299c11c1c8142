package org.newsflow.ingest.publisher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.newsflow.ingest.problem.ProblemException;

/** Finds the publisher behind an {@code Authorization: Bearer <api key>} header, or refuses the request. */
@ApplicationScoped
public class PublisherAuthenticator {

    /** Who is pushing, and the secret its pushes must be signed with (null when it does not sign). */
    public record AuthenticatedPublisher(String id, String signingSecret) {
    }

    private final AuthenticatedKeys recent;
    private final SigningSecrets signingSecrets;

    PublisherAuthenticator(AuthenticatedKeys recent, SigningSecrets signingSecrets) {
        this.recent = recent;
        this.signingSecrets = signingSecrets;
    }

    /** For the Kafka intake, where the broker authenticated the producer and a header names the publisher. */
    @Transactional
    public AuthenticatedPublisher named(String publisherId) {
        if (publisherId == null || publisherId.isBlank()) {
            throw ProblemException.unauthenticated("header:newsflow-publisher", "required",
                    "records on articles.inbound must name their publisher in the newsflow-publisher header");
        }
        Publisher publisher = Publisher.findById(publisherId.strip());
        if (publisher == null) {
            throw ProblemException.unauthenticated("header:newsflow-publisher", "unknown-publisher",
                    "publisher " + publisherId + " is not registered");
        }
        if (!publisher.isActive()) {
            throw ProblemException.forbidden("publisher-revoked", "publisher-revoked",
                    "publisher " + publisherId + " is revoked and may not push");
        }
        return new AuthenticatedPublisher(publisher.id, signingSecrets.secretOf(publisher));
    }

    public AuthenticatedPublisher authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ProblemException.unauthenticated("header:Authorization", "required",
                    "send the publisher's API key as Authorization: Bearer <key>");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthenticated("header:Authorization", "bearer-scheme",
                    "the Authorization header must use the Bearer scheme");
        }
        String key = authorization.substring(7).trim();
        String keyHash = ApiKeys.hash(key);
        return recent.get(keyHash).orElseGet(() -> {
            AuthenticatedPublisher publisher = QuarkusTransaction.joiningExisting().call(() -> lookUp(key));
            recent.put(keyHash, publisher);
            return publisher;
        });
    }

    private AuthenticatedPublisher lookUp(String key) {
        ApiKey stored = ApiKeys.lookupOf(key).flatMap(ApiKey::byLookup)
                .filter(candidate -> ApiKeys.matches(key, candidate.secretHash))
                .orElseThrow(() -> ProblemException.unauthenticated("header:Authorization", "unknown-api-key",
                        "the API key is not known"));
        if (stored.revokedAt != null) {
            throw ProblemException.unauthenticated("header:Authorization", "revoked-api-key",
                    "the API key was revoked; ask for a new one");
        }
        Publisher publisher = Publisher.findById(stored.publisherId);
        if (publisher == null || !publisher.isActive()) {
            throw ProblemException.forbidden("publisher-revoked", "publisher-revoked",
                    "publisher " + stored.publisherId + " is revoked and may not push");
        }
        return new AuthenticatedPublisher(publisher.id, signingSecrets.secretOf(publisher));
    }
}
