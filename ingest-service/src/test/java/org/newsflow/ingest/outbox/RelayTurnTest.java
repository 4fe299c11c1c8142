package org.newsflow.ingest.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.testing.KafkaAndPostgresResource;
import org.newsflow.testing.TestPostgres;
import org.newsflow.testing.TopicReader;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two ingest instances on one database: only the one holding the relay's turn sends the outbox, so no event goes
 * out twice or out of order; when the holder goes away (its connection ends), the other takes over at once.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class RelayTurnTest {

    @Test
    void whileAnotherInstanceHoldsTheRelaysTurnThisOneSendsNothingAndTakesOverWhenItIsGone() throws Exception {
        TestPublisher publisher = IngestApi.register("relay-turn-news", false);
        ObjectNode article = IngestApi.article("harbour-wind-farm.json");
        String uri = article.get("uri").asText();
        try (TopicReader submitted = TopicReader.atEnd(Topics.ARTICLES_SUBMITTED);
                Connection otherInstance = DriverManager.getConnection(TestPostgres.databaseUrl("newsflow_ingest_test"),
                        TestPostgres.user(), TestPostgres.password())) {
            // Given another instance in the middle of a relay round (it holds the turn in an open transaction)
            otherInstance.setAutoCommit(false);
            assertThat(holdTurn(otherInstance)).isTrue();

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

    private static boolean holdTurn(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, OutboxEvent.RELAY_TURN);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
