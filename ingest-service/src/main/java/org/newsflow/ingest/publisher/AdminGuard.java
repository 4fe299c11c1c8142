package org.newsflow.ingest.publisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.ingest.config.AdminConfig;
import org.newsflow.ingest.problem.ProblemException;

/** Lets a request into the admin API only with {@code Authorization: Bearer <NEWSFLOW_ADMIN_TOKEN>}. */
@ApplicationScoped
public class AdminGuard {

    private final AdminConfig config;
    // a wrong token ten times a minute, and every attempt waits: the token cannot be guessed at network speed
    private final org.newsflow.platform.secret.FailedAttempts failures =
            new org.newsflow.platform.secret.FailedAttempts(10, java.time.Duration.ofMinutes(1));

    AdminGuard(AdminConfig config) {
        this.config = config;
    }

    public void check(String authorization) {
        String token = config.token().filter(t -> !t.isBlank()).orElseThrow(() -> ProblemException.forbidden(
                "admin-disabled", "admin-token-not-configured",
                "the admin API is closed: start ingest-service with NEWSFLOW_ADMIN_TOKEN set"));
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthenticated("header:Authorization", "required",
                    "send the admin token as Authorization: Bearer <token>");
        }
        long wait = failures.retryAfterSeconds();
        if (wait > 0) {
            throw new ProblemException(429, "too-many-attempts", "Too many wrong admin tokens",
                    "Too many wrong admin tokens in the last minute; retry after " + wait + " s.",
                    java.util.List.of(new org.newsflow.contract.FieldViolation("header:Authorization", "attempt-limit",
                            "at most 10 wrong admin tokens a minute")), java.util.Map.of("Retry-After", Long.toString(wait)));
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
            failures.failed();
            throw ProblemException.unauthenticated("header:Authorization", "wrong-admin-token", "the admin token is wrong");
        }
    }
}
