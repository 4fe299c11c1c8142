package org.newsflow.ingest.problem;

import java.util.List;
import java.util.Map;

import org.newsflow.contract.FieldViolation;

/** A refusal the client can act on, with ingest's kinds of refusal; turned into problem+json by {@link ProblemMapper}. */
public class ProblemException extends org.newsflow.platform.problem.Refusal {

    public ProblemException(int status, String slug, String title, String detail, List<FieldViolation> errors) {
        this(status, slug, title, detail, errors, Map.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<FieldViolation> errors,
            Map<String, String> headers) {
        super(status, slug, title, detail, errors, headers);
    }

    /** No or a wrong credential: 401 with a Bearer challenge. */
    public static ProblemException unauthenticated(String field, String rule, String detail) {
        return new ProblemException(401, "unauthenticated", "The request is not authenticated", detail,
                List.of(new FieldViolation(field, rule, detail)), Map.of("WWW-Authenticate", "Bearer realm=\"newsflow\""));
    }

    /** A valid credential that may not do this. */
    public static ProblemException forbidden(String slug, String rule, String detail) {
        return new ProblemException(403, slug, "The request is not allowed", detail,
                List.of(new FieldViolation("header:Authorization", rule, detail)));
    }

    /** The Standard Webhooks signature of the body does not hold. */
    public static ProblemException badSignature(String header, String rule, String detail) {
        return new ProblemException(401, "invalid-signature", "The request signature is not valid", detail,
                List.of(new FieldViolation("header:" + header, rule, detail)));
    }

    public static ProblemException replayed(String messageId) {
        String detail = "webhook-id " + messageId + " was already accepted; a new message needs a new id.";
        return new ProblemException(409, "replayed-message", "The message was already received", detail,
                List.of(new FieldViolation("header:webhook-id", "replayed-webhook-id", detail)));
    }

    public static ProblemException rateLimited(long retryAfterSeconds, double perSecond) {
        String detail = "More than " + perSecond + " pushes per second for this publisher; retry after "
                + retryAfterSeconds + " s.";
        return new ProblemException(429, "rate-limited", "Too many requests", detail,
                List.of(new FieldViolation("", "rate-limit", detail)), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ProblemException invalidArticle(List<FieldViolation> errors) {
        return new ProblemException(400, "invalid-article", "The article is not valid",
                errors.size() + " field(s) break the ninjs intake rules; see errors.", errors);
    }

    public static ProblemException malformed(String detail, FieldViolation violation) {
        return new ProblemException(400, "malformed-body", "The body cannot be read", detail,
                List.of(violation));
    }

    public static ProblemException tooLarge(long limitBytes) {
        return new ProblemException(413, "body-too-large", "The body is too large",
                "The body exceeds the limit of " + limitBytes + " bytes (newsflow.ingest.max-body-bytes).",
                List.of(new FieldViolation("", "max-body-bytes", "at most " + limitBytes + " bytes")));
    }

    /** The article fits the body limit but its event would not fit the topic. */
    public static ProblemException eventTooLarge(long eventBytes, long limitBytes) {
        String detail = "The article makes an event of " + eventBytes + " bytes, over the limit of " + limitBytes
                + " bytes (newsflow.ingest.max-event-bytes) that the Kafka topics accept; shorten its bodies.";
        return new ProblemException(413, "event-too-large", "The article is too large to be carried", detail,
                List.of(new FieldViolation("/bodies", "max-event-bytes", "the event is at most " + limitBytes + " bytes")));
    }

    public static ProblemException versionConflict(String detail, String rule) {
        return new ProblemException(409, "version-conflict", "The version conflicts with a stored version", detail,
                List.of(new FieldViolation("/version", rule, detail)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist.", List.of());
    }
}
