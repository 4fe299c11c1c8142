package org.newsflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A real three-broker Kafka cluster for fault tests: each broker (and controller: the three form the KRaft quorum)
 * is a process of its own, started from the test's classpath, so that {@link #kill(int)} is a {@code kill -9} — no
 * controlled shutdown, no leadership handed over first. Topics get replication factor 3 and
 * {@code min.insync.replicas} 2, as {@code ./newsflow up --brokers 3} makes them.
 */
public final class TestKafkaCluster implements AutoCloseable {

    private static final int BROKERS = 3;
    private final Path directory;
    private final int[] ports = new int[BROKERS + 1];
    private final int[] controllerPorts = new int[BROKERS + 1];
    private final Process[] brokers = new Process[BROKERS + 1];
    private final String clusterId = Uuid.randomUuid().toString();

    private TestKafkaCluster(Path directory) {
        this.directory = directory;
        for (int n = 1; n <= BROKERS; n++) {
            ports[n] = FreePorts.next();
            controllerPorts[n] = FreePorts.next();
        }
    }

    /** Formats and starts three brokers, logging to {@code logs}/kafka-N.log; returns once all of them serve. */
    public static TestKafkaCluster start(Path logs) {
        try {
            Files.createDirectories(logs);
            TestKafkaCluster cluster = new TestKafkaCluster(Files.createTempDirectory("newsflow-test-cluster-"));
            for (int n = 1; n <= BROKERS; n++) {
                cluster.format(n, logs);
            }
            for (int n = 1; n <= BROKERS; n++) {
                cluster.startBroker(n, logs);
            }
            for (int n = 1; n <= BROKERS; n++) {
                cluster.awaitServing(n);
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return String.join(",", IntStream.rangeClosed(1, BROKERS).mapToObj(n -> "127.0.0.1:" + ports[n]).toList());
    }

    /** Creates the topics with {@code partitions} partitions, three replicas each, two of them in sync for a write. */
    public void createTopics(int partitions, String... topics) {
        try (Admin admin = admin()) {
            admin.createTopics(Arrays.stream(topics).distinct().map(topic -> new NewTopic(topic, partitions, (short) 3)
                    .configs(Map.of("min.insync.replicas", "2"))).toList()).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + Arrays.toString(topics), e);
        }
    }

    /** The broker (1 to 3) that leads {@code partition} of {@code topic} now. */
    public int leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            TopicPartitionInfo info = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().get(partition);
            if (info.leader() == null) {
                throw new IllegalStateException(topic + "/" + partition + " has no leader");
            }
            return info.leader().id();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /** kill -9 of broker {@code n}. */
    public void kill(int n) {
        Process broker = brokers[n];
        broker.destroyForcibly();
        try {
            broker.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts broker {@code n} again on its port and data, and waits until it serves. */
    public void restart(int n, Path logs) {
        startBroker(n, logs);
        awaitServing(n);
    }

    @Override
    public void close() {
        for (int n = 1; n <= BROKERS; n++) {
            if (brokers[n] != null) {
                brokers[n].destroyForcibly();
            }
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a test for
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private void format(int n, Path logs) throws IOException {
        Path properties = writeProperties(n);
        int exit = run(List.of(java(), "-cp", System.getProperty("java.class.path"), "kafka.tools.StorageTool", "format",
                "--cluster-id", clusterId, "--config", properties.toString()), logs.resolve("kafka-" + n + "-format.log"));
        if (exit != 0) {
            throw new IllegalStateException("formatting broker " + n + " failed; see " + logs.resolve("kafka-" + n + "-format.log"));
        }
    }

    private void startBroker(int n, Path logs) {
        try {
            brokers[n] = new ProcessBuilder(java(), "-Xmx384m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "kafka.Kafka", directory.resolve("broker-" + n + ".properties").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("kafka-" + n + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitServing(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!accepts(ports[n])) {
            if (!brokers[n].isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("broker " + n + " did not start (exit " + (brokers[n].isAlive() ? "-" : brokers[n].exitValue()) + ")");
            }
            sleep(200);
        }
    }

    private Path writeProperties(int n) throws IOException {
        List<String> voters = new ArrayList<>();
        for (int voter = 1; voter <= BROKERS; voter++) {
            voters.add(voter + "@127.0.0.1:" + controllerPorts[voter]);
        }
        Path file = directory.resolve("broker-" + n + ".properties");
        Files.writeString(file, String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + n,
                "controller.quorum.voters=" + String.join(",", voters),
                "listeners=PLAINTEXT://127.0.0.1:" + ports[n] + ",CONTROLLER://127.0.0.1:" + controllerPorts[n],
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + ports[n],
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + directory.resolve("data-" + n),
                "num.partitions=1",
                "default.replication.factor=3",
                "min.insync.replicas=2",
                "offsets.topic.replication.factor=3",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=3",
                "transaction.state.log.min.isr=2",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "message.max.bytes=4194304",
                ""));
        return file;
    }

    private static int run(List<String> command, Path log) throws IOException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
