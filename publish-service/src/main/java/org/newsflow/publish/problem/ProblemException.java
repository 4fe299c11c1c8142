package org.newsflow.publish.problem;

import java.util.List;
import java.util.Map;

import org.newsflow.contract.FieldViolation;
import org.newsflow.platform.problem.Refusal;

/** A refusal the client can act on, with publish's kinds of refusal; turned into problem+json by {@link ProblemMapper}. */
public class ProblemException extends Refusal {

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<FieldViolation> errors) {
        this(status, slug, title, detail, errors, Map.of());
    }

    private ProblemException(int status, String slug, String title, String detail, List<FieldViolation> errors,
            Map<String, String> headers) {
        super(status, slug, title, detail, errors, headers);
    }

    /** A request that breaks rules: every field with the rule it broke. */
    public static ProblemException invalid(String detail, List<FieldViolation> errors) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail, errors);
    }

    /** One field that breaks one rule. */
    public static ProblemException invalid(String field, String rule, String message) {
        return invalid(message, List.of(new FieldViolation(field, rule, message)));
    }

    /** No or a wrong credential: 401 with a Bearer challenge. */
    public static ProblemException unauthenticated(String rule, String message) {
        return new ProblemException(401, "unauthenticated", "Unauthenticated", message,
                List.of(new FieldViolation("header:Authorization", rule, message)), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException forbidden(String slug, String message) {
        return new ProblemException(403, slug, "Forbidden", message);
    }

    /** Too many open streams or long polls: 429, try again after a while. */
    public static ProblemException tooManyConnections(String rule, String detail, String what) {
        return new ProblemException(429, "too-many-connections", "Too many open connections", detail,
                List.of(new FieldViolation(what, rule, detail)), Map.of("Retry-After", "5"));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist.");
    }
}
