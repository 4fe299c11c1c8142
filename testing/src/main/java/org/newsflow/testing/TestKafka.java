package org.newsflow.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * One real Apache Kafka broker (KRaft, in this JVM) shared by every test of the JVM. Starting it takes about
 * three seconds, so it is started once and stopped by a shutdown hook.
 */
public final class TestKafka {

    private static EmbeddedKafkaBroker broker;

    private static int port;
    private static boolean hookInstalled;

    /** Starts the broker on first use and returns its bootstrap servers ({@code host:port}). */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaBroker starting = new EmbeddedKafkaBroker()
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(TestKafka::brokerDefaults);
            if (port != 0) {
                starting.withKafkaPort(port);
            }
            broker = starting.start();
            String address = broker.getAdvertisedListeners().replaceFirst("^[A-Z_]+://", "");
            port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::stop, "test-kafka-shutdown"));
                hookInstalled = true;
            }
        }
        return "localhost:" + port;
    }

    /** Stops the broker, as an outage would; {@link #bootstrapServers()} starts an empty one on the same port. */
    public static synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Creates the topics that do not exist yet (one partition each: tests read them in a total order). */
    public static void ensureTopics(String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Arrays.stream(topics).distinct().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 1, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create test topics " + Arrays.toString(topics), e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create test topics " + Arrays.toString(topics), e);
        }
    }

    private static void brokerDefaults(Properties properties) {
        properties.put("auto.create.topics.enable", "true");
        properties.put("num.partitions", "1");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
    }

    private TestKafka() {
    }
}
