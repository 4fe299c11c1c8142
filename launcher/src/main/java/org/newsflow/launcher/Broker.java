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
 * A real Apache Kafka broker in KRaft mode (broker and controller in one process), from the Maven Central jars
 * in launcher/target/lib, with its data under .newsflow/data.
 */
final class Broker {

    static final String NAME = "kafka";
    /** Topics the pipeline uses, created up front so consumers do not wait for auto-creation. */
    static final List<String> TOPICS = List.of("articles.inbound", "articles.inbound.dlq", "articles.submitted",
            "articles.submitted.dlq", "articles.enriched", "articles.enriched.dlq", "articles.published");
    private static final int PARTITIONS = 3;

    private final Settings settings;

    Broker(Settings settings) {
        this.settings = settings;
    }

    void start() {
        Console.step("starting Apache Kafka 4.1 (KRaft) on " + settings.bootstrapServers());
        Path config = settings.data().resolve("kafka-config");
        Path logDir = settings.data().resolve("kafka");
        Path log = settings.logs().resolve("kafka.log");
        try {
            Files.createDirectories(config);
            Files.createDirectories(logDir);
            Path properties = config.resolve("server.properties");
            Files.writeString(properties, serverProperties(logDir));
            Path logging = config.resolve("log4j2.properties");
            try (InputStream in = Broker.class.getResourceAsStream("kafka-log4j2.properties")) {
                Files.copy(in, logging, StandardCopyOption.REPLACE_EXISTING);
            }
            String classpath = settings.home().resolve("launcher/target/lib").toAbsolutePath() + "/*";
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                int exit = Processes.runToLog(List.of(java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                        "--cluster-id", Uuid.randomUuid().toString(), "--config", properties.toString()),
                        settings.home(), settings.logs().resolve("kafka-format.log"));
                if (exit != 0) {
                    throw Console.fail("formatting the Kafka storage failed; see .newsflow/logs/kafka-format.log");
                }
            }
            ProcessHandle broker = Processes.start(settings, NAME, List.of(java(), "-Xms128m", "-Xmx512m",
                    "-Dlog4j2.configurationFile=" + logging.toAbsolutePath(), "-cp", classpath, "kafka.Kafka",
                    properties.toString()), Map.of(), log);
            waitUntilServing(broker, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        createTopics();
        Console.done("Kafka is up; topics: " + String.join(", ", TOPICS));
    }

    private void waitUntilServing(ProcessHandle broker, Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.startupTimeoutSeconds());
        while (!Processes.accepts(settings.kafkaPort())) {
            if (!broker.isAlive()) {
                throw Console.fail("the Kafka broker stopped while starting; see " + settings.home().relativize(log));
            }
            if (System.nanoTime() > deadline) {
                throw Console.fail("the Kafka broker did not start within " + settings.startupTimeoutSeconds()
                        + " s; see " + settings.home().relativize(log));
            }
            sleep(200);
        }
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1).configs(t.equals("articles.inbound")
                            // the broker stamps publishers' records: the intake judges a signature's age from it
                            ? Map.of("message.timestamp.type", "LogAppendTime") : Map.of()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw Console.fail("cannot create the topics on the local broker: " + e.getMessage()
                    + "; see .newsflow/logs/kafka.log");
        }
    }

    private String serverProperties(Path logDir) {
        int port = settings.kafkaPort();
        int controller = settings.controllerPort();
        return String.join("\n",
                "# written by ./newsflow at every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=" + PARTITIONS,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
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
