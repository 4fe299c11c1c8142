package org.newsflow.publish.problem;

/** A refusal the client can act on; turned into problem+json by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final java.util.List<org.newsflow.contract.FieldViolation> errors;
    private long retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, java.util.List.of());
    }

    public ProblemException(int status, String slug, String title, String detail,
            java.util.List<org.newsflow.contract.FieldViolation> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = java.util.List.copyOf(errors);
    }

    /** A request that breaks rules: every field with the rule it broke. */
    public static ProblemException invalid(String detail, java.util.List<org.newsflow.contract.FieldViolation> errors) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail, errors);
    }

    /** One field that breaks one rule. */
    public static ProblemException invalid(String field, String rule, String message) {
        return invalid(message, java.util.List.of(new org.newsflow.contract.FieldViolation(field, rule, message)));
    }

    public static ProblemException unauthenticated(String rule, String message) {
        return new ProblemException(401, "unauthenticated", "Unauthenticated", message,
                java.util.List.of(new org.newsflow.contract.FieldViolation("header:Authorization", rule, message)));
    }

    public static ProblemException forbidden(String slug, String message) {
        return new ProblemException(403, slug, "Forbidden", message);
    }

    public java.util.List<org.newsflow.contract.FieldViolation> errors() {
        return errors;
    }

    /** Too many open streams or long polls: 429, try again after a while. */
    public static ProblemException tooManyConnections(String rule, String detail, String what) {
        ProblemException problem = new ProblemException(429, "too-many-connections", "Too many open connections", detail,
                java.util.List.of(new org.newsflow.contract.FieldViolation(what, rule, detail)));
        problem.retryAfterSeconds = 5;
        return problem;
    }

    /** Seconds after which the same request may succeed (Retry-After); 0 when it would not. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist.");
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
