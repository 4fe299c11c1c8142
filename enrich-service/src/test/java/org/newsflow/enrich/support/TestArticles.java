package org.newsflow.enrich.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.newsflow.enrich.text.ArticleText;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The test articles under {@code src/test/resources/articles}, written for these tests. */
public final class TestArticles {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ObjectNode ninjs(String name, String uri) {
        try (InputStream in = TestArticles.class.getResourceAsStream("/articles/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no test article " + name);
            }
            return ((ObjectNode) JSON.readTree(in)).put("uri", uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ArticleText text(String name) {
        return ArticleText.of(ninjs(name, "urn:test:" + name));
    }

    private TestArticles() {
    }
}
