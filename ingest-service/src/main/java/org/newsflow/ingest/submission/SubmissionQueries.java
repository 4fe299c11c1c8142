package org.newsflow.ingest.submission;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsflow.contract.FieldViolation;
import org.newsflow.ingest.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A publisher's submissions and rejections, newest first, in pages joined by opaque cursors. */
@ApplicationScoped
public class SubmissionQueries {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final ObjectMapper json;

    SubmissionQueries(ObjectMapper json) {
        this.json = json;
    }

    /** One page; {@code next} is the cursor of the following page, null on the last one. */
    public record Page<T>(List<T> items, String next) {
    }

    public record RejectionView(String id, String uri, String channel, Instant receivedAt, JsonNode problem) {
    }

    @Transactional
    public Page<SubmissionReceipt> submissions(String publisherId, Integer limit, String cursor) {
        int size = size(limit);
        Position after = Position.decode(cursor);
        List<Submission> rows = Submission.pageOf(publisherId, after.time(), after.id(), size + 1);
        return page(rows, size, SubmissionReceipt::of, s -> new Position(s.receivedAt, s.id));
    }

    @Transactional
    public Page<RejectionView> rejections(String publisherId, Integer limit, String cursor) {
        int size = size(limit);
        Position after = Position.decode(cursor);
        List<Rejection> rows = Rejection.pageOf(publisherId, after.time(), after.id(), size + 1);
        return page(rows, size, r -> new RejectionView(r.id, r.uri, r.channel, r.receivedAt, read(r.problem)),
                r -> new Position(r.receivedAt, r.id));
    }

    private static <R, T> Page<T> page(List<R> rows, int size, Function<R, T> view, Function<R, Position> position) {
        List<R> shown = rows.subList(0, Math.min(size, rows.size()));
        String next = rows.size() > size ? position.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    private static int size(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(400, "invalid-query", "The query is not valid", "limit must be 1-" + MAX_LIMIT,
                    List.of(new FieldViolation("query:limit", "range", "1-" + MAX_LIMIT)));
        }
        return limit;
    }

    private JsonNode read(String problem) {
        try {
            return json.readTree(problem);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(problem);
        }
    }

    /** Where a page ends: the (receivedAt, id) of its last row. */
    record Position(Instant time, String id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((time + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return new Position(null, null);
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
                return new Position(Instant.parse(parts[0]), parts[1]);
            } catch (RuntimeException e) {
                throw new ProblemException(400, "invalid-cursor", "The cursor is not valid",
                        "Use the next value of a previous page as cursor.",
                        List.of(new FieldViolation("query:cursor", "opaque-cursor", "not a cursor given by this API")));
            }
        }
    }
}
