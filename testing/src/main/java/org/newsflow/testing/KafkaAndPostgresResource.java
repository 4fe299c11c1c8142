package org.newsflow.testing;

import java.util.Map;

import org.newsflow.contract.Topics;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource giving a service a real Kafka broker and its own real PostgreSQL database.
 * <p>
 * Use with {@code @QuarkusTestResource(value = KafkaAndPostgresResource.class, initArgs = @ResourceArg(name =
 * "database", value = "newsflow_ingest_test"))}. Flyway cleans the database at start (test profile), so every
 * test run starts from the migrations.
 */
public class KafkaAndPostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "newsflow_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestKafka.ensureTopics(Topics.ARTICLES_INBOUND, Topics.ARTICLES_SUBMITTED, Topics.ARTICLES_ENRICHED,
                Topics.ARTICLES_PUBLISHED, Topics.SUBMISSION_PROGRESS, Topics.deadLetterOf(Topics.ARTICLES_INBOUND),
                Topics.deadLetterOf(Topics.ARTICLES_SUBMITTED), Topics.deadLetterOf(Topics.ARTICLES_ENRICHED));
        String kafka = TestKafka.bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", kafka,
                // Quarkus's Kafka defaults also take KAFKA_* variables by their own name: pinned, so an exported
                // KAFKA_BOOTSTRAP_SERVERS cannot point the service under test at another broker
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "quarkus.datasource.jdbc.url", TestPostgres.ensureDatabase(database),
                "quarkus.datasource.username", TestPostgres.user(),
                "quarkus.datasource.password", TestPostgres.password());
    }

    @Override
    public void stop() {
        // the broker is shared by the JVM and stopped at its exit; the database is kept for inspection
    }
}
