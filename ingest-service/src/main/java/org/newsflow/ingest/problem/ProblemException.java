package org.newsflow.ingest.problem;

import java.util.List;

import org.newsflow.contract.FieldViolation;

/** A refusal the client can act on; turned into problem+json by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldViolation> errors;

    public ProblemException(int status, String slug, String title, String detail, List<FieldViolation> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalidArticle(List<FieldViolation> errors) {
        return new ProblemException(400, "invalid-article", "The article is not valid",
                errors.size() + " field(s) break the ninjs intake rules; see errors.", errors);
    }

    public static ProblemException malformed(String detail, FieldViolation violation) {
        return new ProblemException(400, "malformed-body", "The body is not a readable JSON document", detail,
                List.of(violation));
    }

    public static ProblemException tooLarge(long limitBytes) {
        return new ProblemException(413, "body-too-large", "The body is too large",
                "The body exceeds the limit of " + limitBytes + " bytes (newsflow.ingest.max-body-bytes).",
                List.of(new FieldViolation("", "max-body-bytes", "at most " + limitBytes + " bytes")));
    }

    public static ProblemException versionConflict(String detail, String rule) {
        return new ProblemException(409, "version-conflict", "The version conflicts with a stored version", detail,
                List.of(new FieldViolation("/version", rule, detail)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist.", List.of());
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

    public List<FieldViolation> errors() {
        return errors;
    }
}
