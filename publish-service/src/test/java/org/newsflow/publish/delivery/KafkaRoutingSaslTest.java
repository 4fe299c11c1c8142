package org.newsflow.publish.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.publish.problem.ProblemException;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * The Kafka channel against a broker that lets in only authenticated clients (SASL/PLAIN): KafkaRouting takes the
 * application's {@code kafka.*} security settings like every other client, and without them it gets nowhere.
 */
class KafkaRoutingSaslTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"%s\" password=\"%s\";";
    private static EmbeddedKafkaBroker broker;
    private static String saslServers;

    @BeforeAll
    static void startBrokerThatRequiresSasl() throws IOException {
        int sasl = freePort();
        int controller = freePort();
        saslServers = "localhost:" + sasl;
        String logDir = Files.createTempDirectory("newsflow-sasl-kafka-").toString();
        broker = new EmbeddedKafkaBroker()
                .withKafkaPort(freePort())
                .withControllerPort(controller)
                .withAdvertisedListeners(EmbeddedKafkaBroker.endpoint("SASL", SecurityProtocol.SASL_PLAINTEXT, "localhost", sasl))
                .withAdditionalProperties(properties -> {
                    properties.put("log.dir", logDir);
                    // only the SASL listener and the controller's: no plaintext way in beside it
                    properties.put("listeners", "SASL://localhost:" + sasl + ",CONTROLLER://localhost:" + controller);
                    properties.put("listener.security.protocol.map", "SASL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
                    properties.put("sasl.enabled.mechanisms", "PLAIN");
                    properties.put("inter.broker.listener.name", "SASL"); // no way in without a password, not even its own
                    properties.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
                    properties.put("listener.name.sasl.plain.sasl.jaas.config",
                            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" "
                                    + "password=\"broker-secret\" user_broker=\"broker-secret\" user_newsflow=\"desk-secret-81\";");
                    properties.put("num.partitions", "1");
                    properties.put("offsets.topic.num.partitions", "1");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                })
                .start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void withTheApplicationsSaslSettingsATopicIsCreatedAndAMessageWrittenToIt() throws Exception {
        // Given KafkaRouting built with the kafka.* settings of an application configured for SASL
        KafkaRouting routing = new KafkaRouting(saslSettings("newsflow", "desk-secret-81"));
        String name = "sasl-desk-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            // When a Kafka-channel subscription's topic is made and a message sent to it
            String topic = routing.topicFor(name);
            routing.send(topic, "urn:newsroom:sasl:1", "msg_sasl_1", "org.newsflow.article.published.v1", "article-1",
                    "{\"type\":\"article.published\"}", Duration.ofSeconds(20)).get(30, TimeUnit.SECONDS);

            // Then an authenticated reader finds it there
            Map<String, Object> reader = new HashMap<>(saslSettings("newsflow", "desk-secret-81"));
            reader.put("group.id", "sasl-reader-" + UUID.randomUUID());
            reader.put("auto.offset.reset", "earliest");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(reader, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                ConsumerRecord<String, String> found = null;
                long until = System.currentTimeMillis() + 30_000;
                while (found == null && System.currentTimeMillis() < until) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        found = record;
                    }
                }
                assertThat(found).isNotNull();
                assertThat(found.key()).isEqualTo("urn:newsroom:sasl:1");
                assertThat(new String(found.headers().lastHeader("ce_id").value())).isEqualTo("msg_sasl_1");
            }
        } finally {
            routing.close();
        }
    }

    @Test
    void withAWrongPasswordNoTopicIsCreatedAndTheSubscriptionIsToldKafkaIsUnavailable() {
        KafkaRouting routing = new KafkaRouting(saslSettings("newsflow", "not-the-password"));
        try {
            assertThatThrownBy(() -> routing.topicFor("refused-" + UUID.randomUUID().toString().substring(0, 8)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
        } finally {
            routing.close();
        }
    }

    /** What Quarkus hands KafkaRouting for kafka.bootstrap.servers, kafka.security.protocol, kafka.sasl.* … */
    private static Map<String, Object> saslSettings(String user, String password) {
        return Map.of("bootstrap.servers", saslServers, "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", JAAS.formatted(user, password));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
