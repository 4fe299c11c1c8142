package org.newsflow.publish.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsflow.publish.problem.ProblemException;

/** Finds the consumer behind {@code Authorization: Bearer nfc_…}; anything else is a 401 problem. */
@ApplicationScoped
public class ConsumerAuthenticator {

    @Transactional
    public String consumerId(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthenticated("required", "send your consumer API key as Authorization: Bearer nfc_…");
        }
        String key = authorization.substring(7).trim();
        String lookup = ConsumerKeys.lookupOf(key).orElseThrow(() -> ProblemException.unauthenticated("malformed-key",
                "a consumer API key looks like nfc_<12 hex>_<43 characters>"));
        ConsumerKey stored = ConsumerKey.byLookup(lookup).filter(k -> k.revokedAt == null)
                .filter(k -> ConsumerKeys.matches(key, k.secretHash))
                .orElseThrow(() -> ProblemException.unauthenticated("unknown-key", "the API key is unknown or revoked"));
        return stored.consumerId;
    }
}
