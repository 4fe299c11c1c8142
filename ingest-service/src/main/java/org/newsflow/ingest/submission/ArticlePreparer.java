package org.newsflow.ingest.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.FieldViolation;
import org.newsflow.ingest.article.ArticleNormalizer;
import org.newsflow.ingest.article.LegacyNinjsMapper;
import org.newsflow.ingest.article.NinjsSchemaValidator;
import org.newsflow.ingest.problem.ProblemException;
import org.newsflow.ingest.submission.ArticleValidator.ArticleIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one parsed item, in any supported ninjs version, into a valid, normalised ninjs 3.1 article — or a 400
 * problem that names every failing field. Nothing here touches the database.
 */
@ApplicationScoped
public class ArticlePreparer {

    private final LegacyNinjsMapper legacy;
    private final ArticleNormalizer normalizer;
    private final ArticleValidator validator;
    private final NinjsSchemaValidator schema;

    ArticlePreparer(LegacyNinjsMapper legacy, ArticleNormalizer normalizer, ArticleValidator validator,
            NinjsSchemaValidator schema) {
        this.legacy = legacy;
        this.normalizer = normalizer;
        this.validator = validator;
        this.schema = schema;
    }

    /** A ready article: what identifies it, and the fingerprint of its text (same text, same fingerprint). */
    public record Prepared(ObjectNode article, ArticleIdentity identity, String fingerprint) {
    }

    public Prepared prepare(ObjectNode item) {
        ObjectNode article = legacy.isLegacy(item) ? legacy.toNinjs3(item) : item;
        List<FieldViolation> errors = new ArrayList<>();
        normalizer.normalize(article, errors);
        ArticleIdentity identity = validator.validate(article, errors);
        Set<String> reported = new HashSet<>();
        errors.forEach(e -> reported.add(e.field()));
        for (FieldViolation violation : schema.violations(article)) {
            if (reported.stream().noneMatch(field -> violation.field().equals(field) || violation.field().startsWith(field + "/"))) {
                errors.add(violation);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidArticle(errors);
        }
        return new Prepared(article, identity, fingerprint(article));
    }

    /** SHA-256 of the main headline and the plain body text, case and spacing folded. */
    static String fingerprint(ObjectNode article) {
        StringBuilder text = new StringBuilder();
        for (JsonNode headline : article.path("headlines")) {
            text.append(headline.path("value").asText("")).append('\n');
        }
        for (JsonNode body : article.path("bodies")) {
            if (body.path("contentType").asText("text/plain").startsWith("text/plain")) {
                text.append(body.path("value").asText("")).append('\n');
            }
        }
        String folded = text.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(folded.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
