package org.newsflow.ingest.publisher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.testing.KafkaAndPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The admin token cannot be guessed at network speed: after ten wrong tokens in a minute every attempt waits, the
 * right one too (otherwise the guesses would still be tried). In an instance of its own, so that the lock-out does
 * not reach the other tests.
 */
@QuarkusTest
@TestProfile(AdminAttemptLimitTest.OwnInstance.class)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class AdminAttemptLimitTest {

    public static class OwnInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.ingest.auth-cache-ttl", "5s"); // the default: only a separate instance is wanted
        }
    }

    @Test
    void theEleventhWrongAdminTokenInAMinuteIsToldToWait() {
        IngestApi.admin().get("/v1/admin/publishers").then().statusCode(200);
        for (int i = 0; i < 10; i++) {
            given().header("Authorization", "Bearer guess-" + i).get("/v1/admin/publishers").then().statusCode(401);
        }

        given().header("Authorization", "Bearer guess-10").get("/v1/admin/publishers").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("errors[0].rule", equalTo("attempt-limit"));
        IngestApi.admin().get("/v1/admin/publishers").then().statusCode(429);
    }
}
