package org.newsflow.publish.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;

/** What the publish tests do again and again: register a consumer through the admin API and use its key. */
public final class TestConsumers {

    public static final String ADMIN = "Bearer test-admin-token";

    /** A new consumer {@code <prefix>-<8 random hex>}; its key as an Authorization header value. */
    public static String newConsumer(String prefix) {
        return register(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The consumer {@code id}, registered now; its key as an Authorization header value. */
    public static String register(String id) {
        return "Bearer " + given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"id\": \"" + id + "\", \"name\": \"Desk " + id + "\"}")
                .post("/v1/admin/consumers").then().statusCode(201).extract().path("apiKey");
    }

    private TestConsumers() {
    }
}
