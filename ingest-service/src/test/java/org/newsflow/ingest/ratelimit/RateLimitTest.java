package org.newsflow.ingest.ratelimit;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.testing.KafkaAndPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A publisher over its rate gets 429 with Retry-After; other publishers are not affected; the limit is one for all
 * ingest instances.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimit.class)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class RateLimitTest {

    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.ingest.rate-limit-per-second", "0.5", "newsflow.ingest.rate-limit-burst", "2");
        }
    }

    @Test
    void theThirdPushInABurstOfTwoIsTooMany() {
        TestPublisher eager = IngestApi.register("eager-wire", false);
        TestPublisher calm = IngestApi.register("calm-wire", false);

        eager.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(202);
        eager.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(202);
        eager.push(IngestApi.article("harbour-wind-farm.json")).then()
                .statusCode(429).contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .body("errors[0].rule", equalTo("rate-limit"));

        calm.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(202);
    }

    @Test
    void aBatchCostsOneTokenPerItem() {
        TestPublisher batcher = IngestApi.register("batch-wire", false);
        String two = IngestApi.article("harbour-wind-farm.json") + "\n" + IngestApi.article("harbour-wind-farm.json");

        batcher.as().contentType("application/x-ndjson").body(two.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/articles").then().statusCode(207).body("accepted", equalTo(2));
        batcher.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(429);
    }

    @Inject
    org.newsflow.ingest.config.IngestConfig config;

    @Test
    void whatAPublisherPushedToAnotherIngestInstanceCountsHereToo() {
        // Given a publisher that pushed once here, and once to another ingest instance on the same database
        TestPublisher busy = IngestApi.register("two-door-wire", false);
        busy.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(202);
        PublisherRateLimiter otherInstance = new PublisherRateLimiter(config);
        otherInstance.acquire(busy.id(), 1);

        // When it pushes here again, then its burst of two is used up
        busy.push(IngestApi.article("harbour-wind-farm.json")).then().statusCode(429)
                .body("errors[0].rule", equalTo("rate-limit"));
    }
}
