package org.newsflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * One real Apache Kafka broker (KRaft, in this JVM) shared by every test of the JVM. Starting it takes about
 * three seconds, so it is started once and stopped by a shutdown hook.
 */
public final class TestKafka {

    private static EmbeddedKafkaBroker broker;

    private static int port;
    private static int controllerPort;
    /** Kept across {@link #stop()} and the next start, like a broker's disk; deleted when the JVM exits. */
    private static Path logDir;
    private static final String CLUSTER_ID = Uuid.randomUuid().toString();

    /** Starts the broker on first use and returns its bootstrap servers ({@code host:port}). */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            boolean first = logDir == null;
            if (first) {
                logDir = temporaryLogDir();
                port = FreePorts.next();
                controllerPort = FreePorts.next();
                Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::stopAndDelete, "test-kafka-shutdown"));
            }
            broker = new EmbeddedKafkaBroker()
                    .withClusterId(CLUSTER_ID)
                    .withKafkaPort(port)
                    .withControllerPort(controllerPort)
                    .withDeleteLogDirsOnClose(false)
                    .withAdditionalProperties(TestKafka::brokerDefaults)
                    .start();
        }
        return "localhost:" + port;
    }

    /**
     * Stops the broker, as an outage would; {@link #bootstrapServers()} starts it again on the same port with the
     * same data (topics, records, committed offsets).
     */
    public static synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    private static synchronized void stopAndDelete() {
        stop();
        if (logDir != null) {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is not worth failing a test run for
            }
        }
    }

    private static Path temporaryLogDir() {
        try {
            return Files.createTempDirectory("newsflow-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * Gives {@code topic} at least {@code partitions} partitions (creating it if missing), for a test in which
     * several instances of a service share the topic's partitions. Do it before the services start: a running
     * consumer learns of added partitions only when it next refreshes its metadata.
     */
    public static void ensurePartitions(String topic, int partitions) {
        ensureTopics(topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            int current = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
            if (current < partitions) {
                admin.createPartitions(Map.of(topic, org.apache.kafka.clients.admin.NewPartitions.increaseTo(partitions)))
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot give " + topic + " " + partitions + " partitions", e);
        }
    }

    private static void brokerDefaults(Properties properties) {
        properties.put("log.dir", logDir.toString());
        properties.put("auto.create.topics.enable", "true");
        properties.put("message.max.bytes", "4194304"); // as ./newsflow up and compose: the services' max.request.size
        properties.put("num.partitions", "1");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
    }

    private TestKafka() {
    }
}
