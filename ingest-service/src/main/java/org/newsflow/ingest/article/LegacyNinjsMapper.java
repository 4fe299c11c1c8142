package org.newsflow.ingest.article;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Maps ninjs 1.x and 2.x items (lower-case names: {@code headline}, {@code body_html}, {@code versioncreated},
 * {@code pubstatus}, …) to ninjs 3.x. The mapping is documented in docs/formats.md; legacy fields without a
 * 3.x counterpart are dropped.
 */
@ApplicationScoped
public class LegacyNinjsMapper {

    private static final Set<String> LEGACY_MARKERS = Set.of("headline", "body_text", "body_html", "body_xhtml",
            "versioncreated", "firstcreated", "pubstatus", "description_text", "description_html", "byline",
            "copyrightholder", "copyrightnotice", "usageterms", "embargoed", "person", "organisation", "place",
            "subject", "located");

    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("versioncreated", "versionCreated"),
            Map.entry("firstcreated", "firstCreated"),
            Map.entry("contentcreated", "contentCreated"),
            Map.entry("embargoed", "embargoedUntil"),
            Map.entry("pubstatus", "pubStatus"),
            Map.entry("byline", "by"),
            Map.entry("copyrightholder", "copyrightHolder"),
            Map.entry("copyrightnotice", "copyrightNotice"),
            Map.entry("usageterms", "usageTerms"),
            Map.entry("ednote", "edNote"),
            Map.entry("slugline", "slugline"),
            Map.entry("located", "located"),
            Map.entry("urgency", "urgency"),
            Map.entry("language", "language"),
            Map.entry("uri", "uri"),
            Map.entry("type", "type"),
            Map.entry("version", "version"),
            Map.entry("profile", "profile"));

    /** True when the item uses 1.x/2.x names and none of the 3.x arrays. */
    public boolean isLegacy(ObjectNode item) {
        if (item.has("headlines") || item.has("bodies")) {
            return false;
        }
        for (Iterator<String> names = item.fieldNames(); names.hasNext();) {
            if (LEGACY_MARKERS.contains(names.next())) {
                return true;
            }
        }
        return false;
    }

    public ObjectNode toNinjs3(ObjectNode legacy) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode item = nodes.objectNode();
        RENAMED.forEach((from, to) -> {
            if (legacy.has(from)) {
                item.set(to, legacy.get(from));
            }
        });
        if (legacy.path("headline").isTextual()) {
            item.putArray("headlines").addObject().put("role", "main").put("value", legacy.get("headline").asText());
        }
        ArrayNode bodies = nodes.arrayNode();
        addText(bodies, legacy, "body_html", "main", "text/html");
        addText(bodies, legacy, "body_xhtml", "main", "application/xhtml+xml");
        addText(bodies, legacy, "body_text", "main", "text/plain");
        if (!bodies.isEmpty()) {
            item.set("bodies", bodies);
        }
        ArrayNode descriptions = nodes.arrayNode();
        addText(descriptions, legacy, "description_html", "summary", "text/html");
        addText(descriptions, legacy, "description_text", "summary", "text/plain");
        if (!descriptions.isEmpty()) {
            item.set("descriptions", descriptions);
        }
        copyNamed(legacy, "person", item, "people");
        copyNamed(legacy, "organisation", item, "organisations");
        copyNamed(legacy, "place", item, "places");
        copyNamed(legacy, "subject", item, "subjects");
        return item;
    }

    private static void addText(ArrayNode target, ObjectNode legacy, String field, String role, String contentType) {
        JsonNode value = legacy.get(field);
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            target.addObject().put("role", role).put("contentType", contentType).put("value", value.asText());
        }
    }

    /** Keeps name, uri (from code/scheme when there is no uri) and rel of people, organisations, places, subjects. */
    private static void copyNamed(ObjectNode legacy, String from, ObjectNode item, String to) {
        JsonNode entries = legacy.get(from);
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            return;
        }
        ArrayNode mapped = item.putArray(to);
        for (JsonNode entry : entries) {
            ObjectNode copy = mapped.addObject();
            if (entry.path("name").isTextual()) {
                copy.put("name", entry.get("name").asText());
            }
            if (entry.path("uri").isTextual()) {
                copy.put("uri", entry.get("uri").asText());
            } else if (entry.path("code").isTextual()) {
                String scheme = entry.path("scheme").asText("");
                copy.put("uri", scheme.isEmpty() ? entry.get("code").asText() : scheme.replaceAll("[/:#]+$", "") + ":"
                        + entry.get("code").asText());
            }
            if (entry.path("rel").isTextual()) {
                copy.put("rel", entry.get("rel").asText());
            }
        }
    }
}
