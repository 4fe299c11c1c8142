package org.newsflow.platform.problem;

import java.util.List;
import java.util.Map;

import org.newsflow.contract.FieldViolation;
import org.newsflow.contract.Problem;

/**
 * A request refused by code of this module, for the service's problem mapper to answer as RFC 9457
 * problem+json ({@link #problem}) with {@link #headers()} — the same answer in every service.
 */
public class Refusal extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldViolation> errors;
    private final Map<String, String> headers;

    public Refusal(int status, String slug, String title, String detail, List<FieldViolation> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
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

    public Map<String, String> headers() {
        return headers;
    }

    /** The problem document, for the request at {@code path}. */
    public Problem problem(String path) {
        return new Problem(Problem.type(slug), title, status, getMessage(), path, errors);
    }
}
