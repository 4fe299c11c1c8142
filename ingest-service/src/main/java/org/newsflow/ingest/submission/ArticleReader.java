package org.newsflow.ingest.submission;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.FieldViolation;
import org.newsflow.ingest.config.IngestConfig;
import org.newsflow.ingest.problem.ProblemException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns untrusted bytes into a JSON object, refusing what a hostile or sloppy client may send: malformed JSON,
 * invalid UTF-8, duplicate keys, trailing garbage, and nesting deep enough to exhaust the stack.
 */
@ApplicationScoped
public class ArticleReader {

    private final ObjectMapper strict;
    private final ObjectMapper canonical;

    ArticleReader(IngestConfig config, ObjectMapper applicationMapper) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(config.maxJsonDepth())
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, config.maxBodyBytes()))
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.strict = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.canonical = applicationMapper;
    }

    /** Parses the body; the result is always a JSON object. */
    public ObjectNode readObject(byte[] body) {
        if (body.length == 0) {
            throw ProblemException.malformed("The body is empty; send one ninjs article as a JSON object.",
                    new FieldViolation("", "required", "a JSON object is required"));
        }
        JsonNode node;
        try {
            node = strict.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ProblemException.malformed("The JSON document is nested too deeply or too long.",
                    new FieldViolation("", "max-depth", e.getOriginalMessage()));
        } catch (JsonParseException e) {
            throw ProblemException.malformed("The body is not valid JSON: " + e.getOriginalMessage()
                    + location(e.getProcessor()), new FieldViolation("", "json-syntax", e.getOriginalMessage()));
        } catch (IOException e) {
            throw ProblemException.malformed("The body could not be read as JSON.",
                    new FieldViolation("", "json-syntax", String.valueOf(e.getMessage())));
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.malformed("A ninjs article is a JSON object; this body is a JSON "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()) + ".",
                    new FieldViolation("", "type", "must be a JSON object"));
        }
        return (ObjectNode) node;
    }

    /** The article serialised with members in key order: equal articles give equal bytes. */
    public byte[] canonicalBytes(JsonNode article) {
        try {
            return canonical.writeValueAsBytes(sorted(article));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a parsed JSON tree", e);
        }
    }

    /** Serialises an article or an event (records with {@code java.time} members) as JSON. */
    public String toJson(Object value) {
        try {
            return canonical.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a parsed JSON tree", e);
        }
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                members.put(member.getKey(), sorted(member.getValue()));
            }
            ObjectNode copy = canonical.createObjectNode();
            members.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = canonical.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static String location(JsonParser parser) {
        if (parser == null || parser.currentLocation() == null) {
            return "";
        }
        return " (line " + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr()
                + ")";
    }
}
