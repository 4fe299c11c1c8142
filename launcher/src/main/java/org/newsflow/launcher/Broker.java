package org.newsflow.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * Real Apache Kafka brokers in KRaft mode, from the Maven Central jars in launcher/target/lib, with their data under
 * .newsflow/data. One broker by default; {@code --brokers N} starts N, each broker and controller in one process,
 * the N controllers forming the quorum (3 of them outlive any one), topics replicated min(N, 3) times with
 * {@code min.insync.replicas} 2 where there are three copies — so the services' {@code acks=all} writes survive a
 * broker's death.
 */
final class Broker {

    static final String NAME = "kafka";
    /** Topics the pipeline uses, created up front so consumers do not wait for auto-creation. */
    static final List<String> TOPICS = List.of("articles.inbound", "articles.inbound.dlq", "articles.submitted",
            "articles.submitted.dlq", "articles.enriched", "articles.enriched.dlq", "articles.published", "articles.progress");
    private static final int PARTITIONS = 3;

    private final Settings settings;

    Broker(Settings settings) {
        this.settings = settings;
    }

    /** The pid-file and log name of broker {@code n} (from 1): the first is plain "kafka", as in a one-broker run. */
    static String name(int n) {
        return n == 1 ? NAME : NAME + "-" + n;
    }

    static List<String> names(Settings settings) {
        return java.util.stream.IntStream.rangeClosed(1, settings.brokers()).mapToObj(Broker::name).toList();
    }

    void start() {
        Console.step("starting Apache Kafka 4.1 (KRaft, " + settings.brokers() + " broker"
                + (settings.brokers() == 1 ? "" : "s") + ") on " + settings.bootstrapServers());
        checkDataFitsTheCluster();
        for (int n = 1; n <= settings.brokers(); n++) {
            startProcess(n);
        }
        for (int n = 1; n <= settings.brokers(); n++) {
            waitUntilServing(n);
        }
        createTopics();
        Console.done("Kafka is up; topics: " + String.join(", ", TOPICS) + (settings.brokers() == 1 ? ""
                : " (replication factor " + replication() + ", min.insync.replicas " + minInSync() + ")"));
    }

    /** Starts broker {@code n} on its configuration and data (formatting its storage on first use). */
    ProcessHandle startProcess(int n) {
        Path config = settings.data().resolve(name(n) + "-config");
        Path logDir = settings.data().resolve(name(n));
        Path log = settings.logs().resolve(name(n) + ".log");
        try {
            Files.createDirectories(config);
            Files.createDirectories(logDir);
            Path properties = config.resolve("server.properties");
            Files.writeString(properties, serverProperties(n, logDir));
            Path logging = config.resolve("log4j2.properties");
            try (InputStream in = Broker.class.getResourceAsStream("kafka-log4j2.properties")) {
                Files.copy(in, logging, StandardCopyOption.REPLACE_EXISTING);
            }
            String classpath = settings.home().resolve("launcher/target/lib").toAbsolutePath() + "/*";
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                int exit = Processes.runToLog(List.of(java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                        "--cluster-id", clusterId(), "--config", properties.toString()),
                        settings.home(), settings.logs().resolve(name(n) + "-format.log"));
                if (exit != 0) {
                    throw Console.fail("formatting the Kafka storage failed; see .newsflow/logs/" + name(n) + "-format.log");
                }
            }
            return Processes.start(settings, name(n), List.of(java(), "-Xms128m", "-Xmx512m",
                    "-Dlog4j2.configurationFile=" + logging.toAbsolutePath(), "-cp", classpath, "kafka.Kafka",
                    properties.toString()), Map.of(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cluster's data holds its controller quorum: a run with another number of brokers cannot use it. */
    private void checkDataFitsTheCluster() {
        Path file = settings.data().resolve("kafka-brokers");
        try {
            if (Files.exists(settings.data().resolve(NAME).resolve("meta.properties"))) {
                String made = Files.exists(file) ? Files.readString(file).trim() : "1";
                if (!made.equals(Integer.toString(settings.brokers()))) {
                    throw Console.fail("the Kafka data in " + settings.home().relativize(settings.data()) + " belongs to a "
                            + made + "-broker cluster; start with --brokers " + made + ", or delete that folder's kafka* "
                            + "entries to begin a new cluster (its topics and records are lost)");
                }
            }
            Files.createDirectories(settings.data());
            Files.writeString(file, Integer.toString(settings.brokers()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One id for every broker of the run's cluster, kept beside their data. */
    private String clusterId() throws IOException {
        Path file = settings.data().resolve("kafka-cluster-id");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Uuid.randomUuid().toString());
        }
        return Files.readString(file).trim();
    }

    void waitUntilServing(int n) {
        Path log = settings.logs().resolve(name(n) + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.startupTimeoutSeconds());
        while (!Processes.accepts(settings.kafkaPort(n))) {
            if (Processes.running(settings, name(n)).isEmpty()) {
                throw Console.fail("the Kafka broker " + n + " stopped while starting; see " + settings.home().relativize(log));
            }
            if (System.nanoTime() > deadline) {
                throw Console.fail("the Kafka broker " + n + " did not start within " + settings.startupTimeoutSeconds()
                        + " s; see " + settings.home().relativize(log));
            }
            sleep(200);
        }
    }

    private short replication() {
        return (short) Math.min(3, settings.brokers());
    }

    private int minInSync() {
        return replication() >= 3 ? 2 : 1;
    }

    /** Enough partitions for every instance of a service to hold one. */
    private int partitions() {
        return Math.max(PARTITIONS, settings.replicas());
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions(), replication()).configs(topicConfig(t)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw Console.fail("cannot create the topics on the local broker: " + e.getMessage()
                    + "; see .newsflow/logs/kafka.log");
        }
    }

    private Map<String, String> topicConfig(String topic) {
        Map<String, String> config = new java.util.HashMap<>();
        config.put("min.insync.replicas", Integer.toString(minInSync()));
        if (topic.equals("articles.inbound")) {
            // the broker stamps publishers' records: the intake judges a signature's age from it
            config.put("message.timestamp.type", "LogAppendTime");
        }
        return config;
    }

    private String serverProperties(int n, Path logDir) {
        List<String> voters = new java.util.ArrayList<>();
        for (int voter = 1; voter <= settings.brokers(); voter++) {
            voters.add(voter + "@127.0.0.1:" + settings.controllerPort(voter));
        }
        int port = settings.kafkaPort(n);
        int controller = settings.controllerPort(n);
        String internal = Integer.toString(replication());
        return String.join("\n",
                "# written by ./newsflow at every start",
                "process.roles=broker,controller",
                "node.id=" + n,
                "controller.quorum.voters=" + String.join(",", voters),
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=" + partitions(),
                "default.replication.factor=" + internal,
                "min.insync.replicas=" + minInSync(),
                "offsets.topic.replication.factor=" + internal,
                "transaction.state.log.replication.factor=" + internal,
                "transaction.state.log.min.isr=" + minInSync(),
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "message.max.bytes=4194304", // the services' kafka.max.request.size: events grow on each hop
                "");
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Console.fail("interrupted");
        }
    }
}
