package org.newsflow.ingest.article;

import java.text.Normalizer;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.FieldViolation;
import org.newsflow.platform.html.HtmlSanitizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Brings a ninjs 3.x item into the one shape the pipeline relies on: every string in Unicode NFC without control
 * characters; one-line texts (headlines, names, by-lines) with single spaces; dates as UTC ISO 8601 instants;
 * HTML bodies and descriptions sanitised, with a plain-text body derived from the HTML; no markup in headlines and
 * the other one-line texts.
 * <p>
 * A body or description is sanitised as HTML unless it is declared {@code text/plain}: media types are compared
 * without case or parameters ({@code TEXT/HTML; charset=utf-8} is HTML), and one of another or no type that holds
 * markup is sanitised too, since a consumer may render it. Tags in one-line texts are removed, keeping their text.
 */
@ApplicationScoped
public class ArticleNormalizer {

    static final Set<String> DATE_FIELDS = Set.of("versionCreated", "firstCreated", "contentCreated", "embargoedUntil",
            "expires");
    private static final Set<String> ONE_LINE_FIELDS = Set.of("by", "slugline", "title", "located", "copyrightHolder",
            "name");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|[\\uFFFE\\uFFFF]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final HtmlSanitizer html = new HtmlSanitizer();

    /** Normalises {@code item} in place; dates that cannot be read are reported in {@code errors}. */
    public void normalize(ObjectNode item, List<FieldViolation> errors) {
        cleanStrings(item, "");
        for (String field : DATE_FIELDS) {
            JsonNode value = item.get(field);
            if (value != null && !value.isNull()) {
                normalizeDate(item, field, value, errors);
            }
        }
        oneLine(item.get("headlines"));
        withoutMarkup(item);
        sanitizeHtml(item.get("descriptions"), false);
        sanitizeHtml(item.get("bodies"), true);
    }

    private void cleanStrings(JsonNode node, String name) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                if (member.getValue().isTextual()) {
                    member.setValue(new TextNode(clean(member.getValue().asText(), ONE_LINE_FIELDS.contains(member.getKey()))));
                } else {
                    cleanStrings(member.getValue(), member.getKey());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(clean(array.get(i).asText(), false)));
                } else {
                    cleanStrings(array.get(i), name);
                }
            }
        }
    }

    private static String clean(String text, boolean oneLine) {
        String normalized = Normalizer.normalize(CONTROL.matcher(text).replaceAll(""), Normalizer.Form.NFC);
        return oneLine ? SPACES.matcher(normalized).replaceAll(" ").strip() : normalized.strip();
    }

    private static void oneLine(JsonNode entries) {
        if (entries instanceof ArrayNode array) {
            for (JsonNode entry : array) {
                if (entry instanceof ObjectNode object && object.path("value").isTextual()) {
                    object.put("value", SPACES.matcher(object.get("value").asText()).replaceAll(" ").strip());
                }
            }
        }
    }

    /** Headlines and the one-line fields are plain text: tags go, their text stays, entities are decoded. */
    private void withoutMarkup(ObjectNode item) {
        if (item.get("headlines") instanceof ArrayNode headlines) {
            for (JsonNode entry : headlines) {
                if (entry instanceof ObjectNode object && object.path("value").isTextual()
                        && html.hasMarkup(object.get("value").asText())) {
                    object.put("value", html.textOf(object.get("value").asText()));
                }
            }
        }
        stripOneLineFields(item);
    }

    private void stripOneLineFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                if (member.getValue().isTextual() && ONE_LINE_FIELDS.contains(member.getKey())) {
                    String text = member.getValue().asText();
                    if (html.hasMarkup(text)) {
                        member.setValue(new TextNode(html.textOf(text)));
                    }
                } else if (member.getValue().isContainerNode()) {
                    stripOneLineFields(member.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::stripOneLineFields);
        }
    }

    private static void normalizeDate(ObjectNode item, String field, JsonNode value, List<FieldViolation> errors) {
        if (value.isTextual()) {
            try {
                item.put(field, OffsetDateTime.parse(value.asText()).toInstant().toString());
                return;
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new FieldViolation("/" + field, "iso-8601",
                field + " must be an ISO 8601 date and time with a UTC offset, e.g. 2026-11-28T09:30:00+01:00"));
    }

    /** The media type without parameters, in lower case: {@code Text/HTML; charset=UTF-8} is {@code text/html}. */
    static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Sanitises every text/html entry; for bodies, adds the plain text of the HTML when no plain body exists. */
    private void sanitizeHtml(JsonNode entries, boolean deriveText) {
        if (!(entries instanceof ArrayNode array)) {
            return;
        }
        boolean hasPlain = false;
        String derived = null;
        String derivedRole = null;
        for (JsonNode entry : array) {
            if (!(entry instanceof ObjectNode object) || !object.path("value").isTextual()) {
                continue;
            }
            String mediaType = mediaType(object.path("contentType").asText(""));
            String value = object.get("value").asText();
            if (mediaType.equals("text/plain")) {
                object.put("contentType", "text/plain");
                hasPlain = true;
            } else if (mediaType.contains("html") || html.hasMarkup(value)) {
                String clean = html.sanitize(value);
                object.put("value", clean);
                object.put("contentType", mediaType.contains("html") ? mediaType : "text/html");
                if (derived == null) {
                    derived = html.plainText(clean);
                    derivedRole = object.path("role").asText(null);
                }
            }
        }
        if (deriveText && !hasPlain && derived != null && !derived.isBlank()) {
            ObjectNode plain = array.addObject();
            if (derivedRole != null) {
                plain.put("role", derivedRole);
            }
            plain.put("contentType", "text/plain").put("value", derived);
        }
    }

}
