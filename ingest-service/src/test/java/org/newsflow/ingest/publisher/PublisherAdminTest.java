package org.newsflow.ingest.publisher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.testing.KafkaAndPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class PublisherAdminTest {

    @Test
    void registeringAPublisherShowsItsKeyOnceAndStoresOnlyAPrefix() {
        TestPublisher publisher = IngestApi.register("coast-daily", true);

        IngestApi.admin().get("/v1/admin/publishers/" + publisher.id()).then()
                .statusCode(200)
                .body("name", equalTo("coast-daily newsroom"))
                .body("status", equalTo("ACTIVE"))
                .body("signed", equalTo(true))
                .body("keys[0].prefix", startsWith("nfk_"))
                .body("keys[0].prefix", not(equalTo(publisher.apiKey())))
                .body("apiKey", nullValue())
                .body("signingSecret", nullValue());
        org.assertj.core.api.Assertions.assertThat(publisher.apiKey()).startsWith("nfk_" + "").hasSize(60);
        org.assertj.core.api.Assertions.assertThat(publisher.signingSecret()).startsWith("whsec_");
    }

    @Test
    void theAdminApiNeedsTheAdminToken() {
        given().get("/v1/admin/publishers").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer not-the-token").get("/v1/admin/publishers").then()
                .statusCode(401).body("errors[0].rule", equalTo("wrong-admin-token"));
        TestPublisher publisher = IngestApi.register("coast-daily", false);
        given().header("Authorization", "Bearer " + publisher.apiKey()).get("/v1/admin/publishers").then()
                .statusCode(401);
    }

    @Test
    void anInvalidOrDuplicateRegistrationIsRefused() {
        IngestApi.admin().contentType(ContentType.JSON).body("{\"id\": \"Bad Id!\", \"name\": \"\"}")
                .post("/v1/admin/publishers").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("/id"))
                .body("errors.field", hasItem("/name"));
        TestPublisher publisher = IngestApi.register("coast-daily", false);
        IngestApi.admin().contentType(ContentType.JSON)
                .body("{\"id\": \"" + publisher.id() + "\", \"name\": \"Again\"}")
                .post("/v1/admin/publishers").then()
                .statusCode(409).body("errors[0].rule", equalTo("unique"));
    }

    @Test
    void rotatingKeysRetiresTheOldKey() {
        TestPublisher publisher = IngestApi.register("coast-daily", false);
        publisher.as().get("/v1/submissions").then().statusCode(200); // used just before: remembered for a while

        String newKey = IngestApi.admin().post("/v1/admin/publishers/" + publisher.id() + "/keys?revokeOthers=true")
                .then().statusCode(201).body("apiKey", notNullValue()).extract().path("apiKey");

        given().header("Authorization", "Bearer " + publisher.apiKey()).get("/v1/submissions")
                .then().statusCode(401).body("errors[0].rule", equalTo("revoked-api-key"));
        given().header("Authorization", "Bearer " + newKey).get("/v1/submissions").then().statusCode(200);
    }

    @Test
    void revokingOneKeyLeavesTheOthersWorking() {
        TestPublisher publisher = IngestApi.register("coast-daily", false);
        String second = IngestApi.admin().post("/v1/admin/publishers/" + publisher.id() + "/keys")
                .then().statusCode(201).extract().path("apiKey");
        publisher.as().get("/v1/submissions").then().statusCode(200); // used just before: remembered for a while

        IngestApi.admin().delete("/v1/admin/publishers/" + publisher.id() + "/keys/" + publisher.apiKeyId())
                .then().statusCode(204);

        publisher.as().get("/v1/submissions").then().statusCode(401);
        given().header("Authorization", "Bearer " + second).get("/v1/submissions").then().statusCode(200);
    }

    @Test
    void aRevokedPublisherCannotPushWithAnyKey() {
        TestPublisher publisher = IngestApi.register("coast-daily", false);
        publisher.as().get("/v1/submissions").then().statusCode(200); // used just before: remembered for a while

        IngestApi.admin().post("/v1/admin/publishers/" + publisher.id() + "/revoke").then()
                .statusCode(200).body("status", equalTo("REVOKED"));

        publisher.push(IngestApi.article("harbour-wind-farm.json")).then()
                .statusCode(403).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("publisher-revoked"));
    }

    @Test
    void anUnknownPublisherIsA404() {
        IngestApi.admin().get("/v1/admin/publishers/nobody-here").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
