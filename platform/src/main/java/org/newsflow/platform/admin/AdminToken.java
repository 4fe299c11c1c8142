package org.newsflow.platform.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.newsflow.contract.FieldViolation;
import org.newsflow.platform.problem.Refusal;
import org.newsflow.platform.secret.FailedAttempts;

/**
 * The bearer token of a service's admin API: closed without one (403), compared in constant time, and after
 * {@value #ATTEMPTS} wrong tokens a minute every attempt waits (429) — the right one too, or the guesses would
 * still be tried. One per service instance.
 */
public final class AdminToken {

    static final int ATTEMPTS = 10;
    private static final String FIELD = "header:Authorization";

    private final Optional<String> token;
    private final String service;
    private final FailedAttempts failures = new FailedAttempts(ATTEMPTS, Duration.ofMinutes(1));

    public AdminToken(Optional<String> token, String service) {
        this.token = token.map(String::strip).filter(t -> !t.isEmpty());
        this.service = service;
    }

    /** Lets the request in, or throws the {@link Refusal} to answer. */
    public void check(String authorization) {
        if (token.isEmpty()) {
            String detail = "the admin API is closed: start " + service + " with NEWSFLOW_ADMIN_TOKEN set";
            throw new Refusal(403, "admin-disabled", "The request is not allowed", detail,
                    List.of(new FieldViolation(FIELD, "admin-token-not-configured", detail)), Map.of());
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthenticated("required", "send the admin token as Authorization: Bearer <token>");
        }
        long wait = failures.retryAfterSeconds();
        if (wait > 0) {
            String detail = "Too many wrong admin tokens in the last minute; retry after " + wait + " s.";
            throw new Refusal(429, "too-many-attempts", "Too many wrong admin tokens", detail,
                    List.of(new FieldViolation(FIELD, "attempt-limit", "at most " + ATTEMPTS + " wrong admin tokens a minute")),
                    Map.of("Retry-After", Long.toString(wait)));
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.get().getBytes(StandardCharsets.UTF_8))) {
            failures.failed();
            throw unauthenticated("wrong-admin-token", "the admin token is wrong");
        }
    }

    private static Refusal unauthenticated(String rule, String detail) {
        return new Refusal(401, "unauthenticated", "The request is not authenticated", detail,
                List.of(new FieldViolation(FIELD, rule, detail)), Map.of("WWW-Authenticate", "Bearer realm=\"newsflow\""));
    }
}
