package org.newsflow.ingest.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.platform.claim.KeyLanes;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.TestPostgres;
import org.newsflow.testing.TopicReader;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two ingest instances on one database share the outbox by lanes of article keys: an article whose lane another
 * instance holds waits for it (never sent by two instances, never out of order), articles in other lanes go on
 * meanwhile, and when the holder goes away (its connection ends) its lanes are taken over at once.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class RelayLanesTest {

    private static final int LANES = 16; // newsflow.outbox.lanes

    @Test
    void whileAnotherInstanceHoldsEveryLaneThisOneSendsNothingAndTakesOverWhenItIsGone() throws Exception {
        TestPublisher publisher = IngestApi.register("relay-lanes-all-news", false);
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        String uri = article.get("uri").asText();
        try (TopicReader submitted = TopicReader.atEnd(Topics.ARTICLES_SUBMITTED);
                Connection otherInstance = otherInstance()) {
            // Given another instance in the middle of a relay round that holds every lane
            for (int lane = 0; lane < LANES; lane++) {
                assertThat(hold(otherInstance, lane)).isTrue();
            }

            // When an article is pushed here, then it is stored but this instance does not relay it
            String id = publisher.push(article).then().statusCode(202).extract().path("submissionId");
            assertThat(submitted.readFor(Duration.ofSeconds(3))).noneMatch(r -> uri.equals(r.key()));
            publisher.as().get("/v1/submissions/" + id).then().body("status", equalTo("RECEIVED"));

            // When the other instance is gone (its transaction ends with its connection), then this one relays it, once
            otherInstance.rollback();
            submitted.next(r -> uri.equals(r.key()), Duration.ofSeconds(20));
            assertThat(submitted.readFor(Duration.ofSeconds(2))).filteredOn(r -> uri.equals(r.key())).hasSize(1);
        }
    }

    @Test
    void anArticleInALaneAnotherInstanceHoldsWaitsWhileArticlesInOtherLanesAreRelayed() throws Exception {
        TestPublisher publisher = IngestApi.register("relay-lanes-one-news", false);
        try (TopicReader submitted = TopicReader.atEnd(Topics.ARTICLES_SUBMITTED);
                Connection otherInstance = otherInstance()) {
            String held = "urn:newsroom:test:" + UUID.randomUUID();
            String free = uriOutsideLane(otherInstance, laneOf(otherInstance, held));
            // Given another instance in the middle of a relay round that holds the lane of one article's key
            assertThat(hold(otherInstance, laneOf(otherInstance, held))).isTrue();

            // When that article and one in another lane are pushed here
            publisher.push(IngestApi.article("harbour-wind-farm.json", held)).then().statusCode(202);
            publisher.push(IngestApi.article("harbour-wind-farm.json", free)).then().statusCode(202);

            // Then the one in the free lane is relayed and the other waits for its lane
            submitted.next(r -> free.equals(r.key()), Duration.ofSeconds(20));
            assertThat(submitted.readFor(Duration.ofSeconds(3))).noneMatch(r -> held.equals(r.key()));

            // When the other instance's round ends, then the waiting article is relayed, once
            otherInstance.rollback();
            submitted.next(r -> held.equals(r.key()), Duration.ofSeconds(20));
            assertThat(submitted.readFor(Duration.ofSeconds(2))).filteredOn(r -> held.equals(r.key())).hasSize(1);
        }
    }

    private static Connection otherInstance() throws Exception {
        Connection connection = DriverManager.getConnection(TestPostgres.databaseUrl("newsflow_ingest_test"),
                TestPostgres.user(), TestPostgres.password());
        connection.setAutoCommit(false);
        return connection;
    }

    private static boolean hold(Connection connection, int lane) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, OutboxEvent.RELAY_LANES);
            lock.setInt(2, lane);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static int laneOf(Connection connection, String key) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "select mod(" + KeyLanes.hash("?::text") + ", " + LANES + ")")) {
            query.setString(1, key);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static String uriOutsideLane(Connection connection, int lane) throws Exception {
        while (true) {
            String uri = "urn:newsroom:test:" + UUID.randomUUID();
            if (laneOf(connection, uri) != lane) {
                return uri;
            }
        }
    }
}
