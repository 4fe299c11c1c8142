package org.newsflow.ingest.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What the ingest tests do again and again: register a publisher, push as it, load a test article. */
public final class IngestApi {

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A registered publisher with its first API key (and signing secret when signed). */
    public record TestPublisher(String id, String apiKey, long apiKeyId, String signingSecret) {

        public RequestSpecification as() {
            return given().header("Authorization", "Bearer " + apiKey);
        }

        /** For megabytes of hostile input: a failure log must not try to pretty-print them. */
        public RequestSpecification asUnprettified() {
            return as().config(RestAssured.config().logConfig(LogConfig.logConfig().enablePrettyPrinting(false)));
        }

        public Response push(ObjectNode article) {
            return as().contentType(ContentType.JSON).body(article.toString()).post("/v1/articles");
        }
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    public static TestPublisher register(String prefix, boolean signed) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response answer = admin().contentType(ContentType.JSON)
                .body("{\"id\": \"" + id + "\", \"name\": \"" + prefix + " newsroom\", \"signed\": " + signed + "}")
                .post("/v1/admin/publishers");
        answer.then().statusCode(201);
        return new TestPublisher(id, answer.path("apiKey"), ((Number) answer.path("apiKeyId")).longValue(),
                answer.path("signingSecret"));
    }

    /** A test article from src/test/resources/articles with a fresh uri. */
    public static ObjectNode article(String name) {
        return article(name, "urn:newsroom:test:" + UUID.randomUUID());
    }

    public static ObjectNode article(String name, String uri) {
        try (InputStream in = IngestApi.class.getResourceAsStream("/articles/" + name)) {
            return ((ObjectNode) JSON.readTree(in)).put("uri", uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String path) {
        try (InputStream in = IngestApi.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IngestApi() {
    }
}
