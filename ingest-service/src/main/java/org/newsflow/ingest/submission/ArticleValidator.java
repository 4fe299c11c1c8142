package org.newsflow.ingest.submission;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.FieldViolation;
import org.newsflow.ingest.config.IngestConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a pushed ninjs 3.x article against the intake rules and normalises the little the rest of the
 * pipeline relies on ({@code version} as a decimal string, {@code pubStatus} present). Reports every failing
 * field at once, so a publisher can fix its feed in one go.
 */
@ApplicationScoped
public class ArticleValidator {

    static final Set<String> PUB_STATUSES = Set.of("usable", "withheld", "canceled");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,9}");
    // language-script-region-variant, as far as a tag's shape can be checked without the registry
    private static final Pattern BCP47 = Pattern.compile(
            "(?i)[a-z]{2,3}(-[a-z]{3}){0,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*");

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IDENTIFIER_SCHEMES = Set.of("http", "https", "urn", "tag");

    private final IngestConfig config;

    ArticleValidator(IngestConfig config) {
        this.config = config;
    }

    /**
     * Validates and normalises {@code article} in place, adding each violation to {@code errors}; the identity
     * is only meaningful when no violation was added.
     */
    public ArticleIdentity validate(ObjectNode article, List<FieldViolation> errors) {
        int before = errors.size();
        String uri = checkUri(article.get("uri"), errors);
        int version = checkVersion(article.get("version"), errors);
        String pubStatus = checkPubStatus(article.get("pubStatus"), errors);
        checkLanguage(article.get("language"), errors);
        boolean hasHeadline = checkTexts(article.get("headlines"), "/headlines", errors);
        boolean hasBody = checkTexts(article.get("bodies"), "/bodies", errors);
        if (!hasHeadline && !hasBody && errors.stream().noneMatch(e -> e.field().startsWith("/headlines")
                || e.field().startsWith("/bodies"))) {
            errors.add(new FieldViolation("/headlines", "headline-or-body",
                    "an article needs a non-empty headline or body (headlines[].value or bodies[].value)"));
        }
        checkHeadlineLength(article.get("headlines"), errors);
        if (uri != null && isAbsoluteUri(uri) && !IDENTIFIER_SCHEMES.contains(scheme(uri))) {
            errors.add(new FieldViolation("/uri", "uri-scheme", "uri must be a urn:, tag:, http: or https: URI"));
        }
        checkLinks(article, "", errors);
        if (errors.size() > before) {
            return null;
        }
        article.put("version", Integer.toString(version));
        article.put("pubStatus", pubStatus);
        return new ArticleIdentity(uri, version, pubStatus);
    }

    private String checkUri(JsonNode uri, List<FieldViolation> errors) {
        if (uri == null || uri.isNull()) {
            errors.add(new FieldViolation("/uri", "required", "uri is required: the publisher's stable id of the article"));
            return null;
        }
        if (!uri.isTextual()) {
            errors.add(new FieldViolation("/uri", "type", "uri must be a string"));
            return null;
        }
        String value = uri.textValue();
        if (value.isBlank()) {
            errors.add(new FieldViolation("/uri", "required", "uri must not be blank"));
        } else if (value.length() > config.maxUriLength()) {
            errors.add(new FieldViolation("/uri", "max-length", "uri is longer than " + config.maxUriLength()
                    + " characters"));
        } else if (!isAbsoluteUri(value)) {
            errors.add(new FieldViolation("/uri", "uri-syntax",
                    "uri must be an absolute URI (RFC 3986) such as urn:newsroom:2026:story-42 or https://example.com/a/42"));
        }
        return value;
    }

    private void checkHeadlineLength(JsonNode headlines, List<FieldViolation> errors) {
        if (headlines == null || !headlines.isArray()) {
            return;
        }
        for (int i = 0; i < headlines.size(); i++) {
            String value = headlines.get(i).path("value").asText("");
            if (value.length() > config.maxHeadlineLength()) {
                errors.add(new FieldViolation("/headlines/" + i + "/value", "max-length",
                        "a headline has at most " + config.maxHeadlineLength() + " characters"));
            }
        }
    }

    /**
     * Links ({@code href}) may only lead to http, https or mailto; identifiers ({@code uri} of people, places,
     * subjects, associations …) may also be urn: or tag:. Anything else (javascript:, data:, file:) is refused,
     * since consumers turn these fields into links.
     */
    private static void checkLinks(JsonNode node, String path, List<FieldViolation> errors) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(member -> {
                String field = path + "/" + member.getKey();
                JsonNode value = member.getValue();
                if (value.isTextual() && member.getKey().equals("href") && !LINK_SCHEMES.contains(scheme(value.textValue()))) {
                    errors.add(new FieldViolation(field, "uri-scheme", "a link must be an http:, https: or mailto: URL"));
                } else if (value.isTextual() && member.getKey().equals("uri") && !path.isEmpty()
                        && !IDENTIFIER_SCHEMES.contains(scheme(value.textValue()))) {
                    errors.add(new FieldViolation(field, "uri-scheme", "uri must be a urn:, tag:, http: or https: URI"));
                } else if (value.isContainerNode()) {
                    checkLinks(value, field, errors);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                checkLinks(array.get(i), path + "/" + i, errors);
            }
        }
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        return colon <= 0 ? "" : uri.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isAbsoluteUri(String value) {
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            return false;
        }
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int checkVersion(JsonNode version, List<FieldViolation> errors) {
        if (version == null || version.isNull()) {
            return 1;
        }
        String text = version.isIntegralNumber() ? version.asText() : version.isTextual() ? version.textValue() : null;
        if (text == null || !VERSION.matcher(text).matches() || Long.parseLong(text) > Integer.MAX_VALUE) {
            errors.add(new FieldViolation("/version", "positive-integer",
                    "version must be a whole number from 1 to 2147483647, as a string (\"2\") or a number"));
            return 0;
        }
        return Integer.parseInt(text);
    }

    private static String checkPubStatus(JsonNode pubStatus, List<FieldViolation> errors) {
        if (pubStatus == null || pubStatus.isNull()) {
            return "usable";
        }
        if (!pubStatus.isTextual() || !PUB_STATUSES.contains(pubStatus.textValue())) {
            errors.add(new FieldViolation("/pubStatus", "enum", "pubStatus must be one of usable, withheld, canceled"));
            return null;
        }
        return pubStatus.textValue();
    }

    private static void checkLanguage(JsonNode language, List<FieldViolation> errors) {
        if (language == null || language.isNull()) {
            return;
        }
        if (!language.isTextual() || !BCP47.matcher(language.textValue()).matches()) {
            errors.add(new FieldViolation("/language", "bcp47", "language must be a BCP 47 tag such as en, de or pt-BR"));
        }
    }

    /** Checks an array of {@code {value: string}} objects; true when one has a non-blank value. */
    private static boolean checkTexts(JsonNode texts, String field, List<FieldViolation> errors) {
        if (texts == null || texts.isNull()) {
            return false;
        }
        if (!texts.isArray()) {
            errors.add(new FieldViolation(field, "type", field.substring(1) + " must be an array of objects"));
            return false;
        }
        boolean any = false;
        for (int i = 0; i < texts.size(); i++) {
            JsonNode entry = texts.get(i);
            JsonNode value = entry.get("value");
            if (!entry.isObject()) {
                errors.add(new FieldViolation(field + "/" + i, "type", "must be an object with a value"));
            } else if (value == null || !value.isTextual()) {
                errors.add(new FieldViolation(field + "/" + i + "/value", "required", "value must be a string"));
            } else if (!value.textValue().isBlank()) {
                any = true;
            }
        }
        return any;
    }

    /** What identifies a pushed version of an article. */
    public record ArticleIdentity(String uri, int version, String pubStatus) {
    }
}
