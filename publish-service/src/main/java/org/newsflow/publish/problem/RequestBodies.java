package org.newsflow.publish.problem;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JSON request body; a malformed one is a 400 problem, never a 500. */
@ApplicationScoped
public class RequestBodies {

    private static final int MAX_BYTES = 256 * 1024;

    private final ObjectMapper json;

    RequestBodies(ObjectMapper json) {
        this.json = json;
    }

    public JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "required", "the request needs a JSON object body");
        }
        if (body.length() > MAX_BYTES) {
            throw new ProblemException(413, "body-too-large", "Content Too Large", "a request body may be at most 256 KiB");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ProblemException.invalid("body", "json-object", "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "json", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
