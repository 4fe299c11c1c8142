package org.newsflow.publish.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.publish.config.AdminConfig;
import org.newsflow.publish.problem.ProblemException;

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
                "admin-disabled", "the admin API is closed: start publish-service with NEWSFLOW_ADMIN_TOKEN set"));
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthenticated("required", "send the admin token as Authorization: Bearer <token>");
        }
        long wait = failures.retryAfterSeconds();
        if (wait > 0) {
            throw ProblemException.tooManyAttempts(wait);
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
            failures.failed();
            throw ProblemException.unauthenticated("wrong-admin-token", "the admin token is wrong");
        }
    }
}
