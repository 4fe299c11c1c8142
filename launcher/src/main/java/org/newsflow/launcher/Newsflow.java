package org.newsflow.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code ./newsflow up | demo | down | status | help}: the whole pipeline on one machine, no install needed. */
public final class Newsflow {

    private static final String USAGE = """
            Usage: ./newsflow <command> [options]

            Commands:
              up       build what is missing, start Kafka and the three services, wait until ready (Ctrl-C stops)
              demo     push the sample articles (starting Newsflow in the background first if needed) and
                       print one of them as published and enriched; ./newsflow demo <folder> pushes your own
              down     stop everything started by up or demo
              status   show every process (brokers, each instance of each service), its port and readiness
              chaos <fault>
                       kill -9 or start again a broker or a service instance of the running pipeline, or run
                       the scripted drill (chaos run); ./newsflow chaos --help lists them
              enrich <file-or-folder>
                       print each article enriched (ninjs, one per line), without Kafka or a server
              eval [--details] [--part=tune|--part=held] <folder>
                       score the enrichment against gold labels (eval-dev format), per task and per language;
                       ends with a JSON line; --details lists per article what was wrong and what was missed;
                       --part scores one of two fixed parts that never split a story
              bench [--articles N] [--concurrency C] [--loads 25,50,75|none] [--seconds S] [--enrich-instances K]
                       the whole pipeline on PostgreSQL against the broker's limit: throughput, latency,
                       CPU and memory per process; a table, JSON and an SVG chart in .newsflow/bench/
              bench-intake [--articles N] [--concurrency C] [--batch B] [--words W] [--publishers P]
                       measure intake throughput and latency against the running pipeline
              bench-webhooks [--articles N] [--concurrency C]
                       push articles and measure webhook delivery end to end (running pipeline)
              bench-streams [--streams K] [--articles N] [--rate R] [--warmup W]
                       live streams under load: publish-service CPU per article without and with K open
                       /v1/stream clients, push-to-stream latency, every event received once (running pipeline)
              bench-enrich [articles] [words]
                       enrichment alone on one core: articles/s, p50/p99, time per step, memory
              bench-match [subscriptions] [articles]
                       subscription matching: time per article against 10,000 subscriptions
              test [maven options]
                       every test (./mvnw verify), after making sure PostgreSQL runs and Debian's chromium
                       and chromium-driver are installed (for the console's browser tests)
              help     this text

            Options:
              --db h2|postgres   database of the services (default h2: embedded files under .newsflow/data)
              -d, --detach       up: return once everything is ready, leaving it running
              --brokers N        Kafka brokers (default 1; 3: a cluster, replication factor 3, min.insync.replicas 2)
              --replicas N       instances of each service (default 1; more need --db postgres); instance n
                                 listens on the service's port + 100 × (n − 1)
              --kafka-port N     Kafka listener (default 9092; the controller uses N+1; broker n uses N+2(n−1))
              --ingest-port N, --enrich-port N, --publish-port N   (defaults 8081, 8082, 8083)

            Environment: NEWSFLOW_DB, NEWSFLOW_BROKERS, NEWSFLOW_REPLICAS, NEWSFLOW_KAFKA_PORT, NEWSFLOW_INGEST_PORT, NEWSFLOW_ENRICH_PORT,
            NEWSFLOW_PUBLISH_PORT, NEWSFLOW_PG_URL (jdbc:postgresql://127.0.0.1:5432), NEWSFLOW_PG_USER (postgres),
            NEWSFLOW_PG_PASSWORD, NEWSFLOW_PG_FRESH (true: drop the newsflow_* databases first), NEWSFLOW_JAVA_OPTS,
            NEWSFLOW_STARTUP_TIMEOUT (seconds, 90), NEWSFLOW_HTTP_HOST (127.0.0.1; 0.0.0.0 opens the services to the network).
            """;

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("newsflow.home", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "help" : args[0];
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            Settings settings = Settings.parse(home, options, System.getenv());
            Pipeline pipeline = new Pipeline(settings);
            if (command.equals("up") || command.equals("demo")) {
                String inherited = InheritedSettings.describe(System.getenv());
                if (!inherited.isEmpty()) {
                    Console.step("settings taken from your environment: " + inherited);
                }
            }
            switch (command) {
                case "up" -> {
                    startOrCleanUp(pipeline);
                    if (!settings.detach()) {
                        pipeline.waitForShutdown();
                    }
                }
                case "demo" -> {
                    if (!pipeline.isRunning()) {
                        Settings detached = Settings.parse(home, with(options, "--detach"), System.getenv());
                        startOrCleanUp(new Pipeline(detached));
                        Console.info("");
                    }
                    new Demo(settings).run();
                    Console.info("Newsflow keeps running; stop it with ./newsflow down");
                }
                case "down" -> pipeline.down(false);
                case "status" -> pipeline.status();
                case "chaos" -> new Chaos(settings).run(settings.arguments());
                case "help", "-h", "--help" -> System.out.print(USAGE);
                default -> throw Console.fail("unknown command '" + command + "'; try ./newsflow help");
            }
        } catch (Console.Failure failure) {
            System.err.println("✘ newsflow: " + failure.getMessage());
            System.exit(1);
        }
    }

    private static void startOrCleanUp(Pipeline pipeline) {
        boolean wasRunning = pipeline.isRunning();
        try {
            pipeline.up();
        } catch (Console.Failure failure) {
            if (!wasRunning) {
                pipeline.down(true);
            }
            throw failure;
        }
    }

    private static List<String> with(List<String> options, String extra) {
        List<String> all = new java.util.ArrayList<>(options);
        all.add(extra);
        return all;
    }

    private Newsflow() {
    }
}
