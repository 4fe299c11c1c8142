package org.newsflow.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the local run can be told, from flags first and environment variables second:
 * <pre>
 *   --db h2|postgres        NEWSFLOW_DB             (h2)
 *   --kafka-port N          NEWSFLOW_KAFKA_PORT     (9092; the controller listens on N+1)
 *   --ingest-port N         NEWSFLOW_INGEST_PORT    (8081)
 *   --enrich-port N         NEWSFLOW_ENRICH_PORT    (8082)
 *   --publish-port N        NEWSFLOW_PUBLISH_PORT   (8083)
 *   --brokers N             NEWSFLOW_BROKERS        (1; 3 makes a cluster with replication factor 3)
 *   --replicas N            NEWSFLOW_REPLICAS       (1; instances of each service, PostgreSQL only)
 *   -d, --detach            run in the background (up)
 *                           NEWSFLOW_PG_URL         (jdbc:postgresql://127.0.0.1:5432; databases newsflow_*)
 *                           NEWSFLOW_PG_USER        (postgres)   NEWSFLOW_PG_PASSWORD  (empty)
 *                           NEWSFLOW_JAVA_OPTS      (JVM options of each service)
 *                           NEWSFLOW_STARTUP_TIMEOUT seconds to wait for each process (90)
 *                           NEWSFLOW_HTTP_HOST      interface the services listen on (127.0.0.1: this machine only)
 * </pre>
 */
record Settings(Path home, Database db, int kafkaPort, int ingestPort, int enrichPort, int publishPort,
        boolean detach, String pgUrl, String pgUser, String pgPassword, String javaOpts, int startupTimeoutSeconds,
        List<String> arguments, String httpHost, int brokers, int replicas) {

    /** Instance n (from 1) of a service listens on the service's port + 100 × (n − 1). */
    static final int INSTANCE_PORT_STEP = 100;

    enum Database {
        H2, POSTGRES
    }

    Path state() {
        return home.resolve(".newsflow");
    }

    Path logs() {
        return state().resolve("logs");
    }

    Path data() {
        return state().resolve("data").resolve(db == Database.H2 ? "h2-run" : "postgres-run");
    }

    /** Broker n (from 1) listens on --kafka-port + 2 × (n − 1), its controller on the port after. */
    int kafkaPort(int broker) {
        return kafkaPort + 2 * (broker - 1);
    }

    int controllerPort(int broker) {
        return kafkaPort(broker) + 1;
    }

    String bootstrapServers() {
        List<String> servers = new ArrayList<>();
        for (int broker = 1; broker <= brokers; broker++) {
            servers.add("127.0.0.1:" + kafkaPort(broker));
        }
        return String.join(",", servers);
    }

    /** Where the shape of the running pipeline is kept, so that status, down and chaos find every process. */
    static Path topologyFile(Path home) {
        return home.resolve(".newsflow").resolve("run").resolve("topology.properties");
    }

    static Settings parse(Path home, List<String> args, Map<String, String> env) {
        java.util.Properties running = runningTopology(home);
        String db = env.getOrDefault("NEWSFLOW_DB", running.getProperty("db", "h2"));
        int kafka = intEnv(env, "NEWSFLOW_KAFKA_PORT", 9092);
        int ingest = intEnv(env, "NEWSFLOW_INGEST_PORT", 8081);
        int enrich = intEnv(env, "NEWSFLOW_ENRICH_PORT", 8082);
        int publish = intEnv(env, "NEWSFLOW_PUBLISH_PORT", 8083);
        boolean detach = false;
        int brokers = count(env.getOrDefault("NEWSFLOW_BROKERS", running.getProperty("brokers", "1")), "NEWSFLOW_BROKERS", 5);
        int replicas = count(env.getOrDefault("NEWSFLOW_REPLICAS", running.getProperty("replicas", "1")), "NEWSFLOW_REPLICAS", 4);
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--db" -> db = value(args, ++i, arg);
                case "--kafka-port" -> kafka = port(value(args, ++i, arg), arg);
                case "--ingest-port" -> ingest = port(value(args, ++i, arg), arg);
                case "--enrich-port" -> enrich = port(value(args, ++i, arg), arg);
                case "--publish-port" -> publish = port(value(args, ++i, arg), arg);
                case "--brokers" -> brokers = count(value(args, ++i, arg), arg, 5);
                case "--replicas" -> replicas = count(value(args, ++i, arg), arg, 4);
                case "-d", "--detach" -> detach = true;
                default -> {
                    if (arg.startsWith("--db=")) {
                        db = arg.substring(5);
                    } else {
                        rest.add(arg);
                    }
                }
            }
        }
        Database database = switch (db.toLowerCase()) {
            case "h2" -> Database.H2;
            case "postgres", "postgresql", "pg" -> Database.POSTGRES;
            default -> throw Console.fail("unknown database '" + db + "': use --db h2 or --db postgres");
        };
        if (replicas > 1 && database == Database.H2) {
            throw Console.fail("--replicas " + replicas + " needs --db postgres: an embedded H2 database serves one "
                    + "process, so several instances of a service cannot share it");
        }
        return new Settings(home, database, kafka, ingest, enrich, publish, detach,
                env.getOrDefault("NEWSFLOW_PG_URL", "jdbc:postgresql://127.0.0.1:5432"),
                env.getOrDefault("NEWSFLOW_PG_USER", "postgres"), env.getOrDefault("NEWSFLOW_PG_PASSWORD", ""),
                env.getOrDefault("NEWSFLOW_JAVA_OPTS", "-Xms32m -Xmx384m -XX:+UseSerialGC"),
                seconds(env.getOrDefault("NEWSFLOW_STARTUP_TIMEOUT", "90")), List.copyOf(rest),
                env.getOrDefault("NEWSFLOW_HTTP_HOST", "127.0.0.1"), brokers, replicas);
    }

    private static java.util.Properties runningTopology(Path home) {
        java.util.Properties topology = new java.util.Properties();
        Path file = topologyFile(home);
        if (java.nio.file.Files.exists(file)) {
            try (var in = java.nio.file.Files.newBufferedReader(file)) {
                topology.load(in);
            } catch (java.io.IOException e) {
                // an unreadable file is a stopped run's leftover: the defaults apply
            }
        }
        return topology;
    }

    /** Writes the shape of this run (brokers, instances per service) for later status, down and chaos commands. */
    void recordTopology() {
        try {
            java.nio.file.Files.createDirectories(topologyFile(home).getParent());
            java.nio.file.Files.writeString(topologyFile(home), "# written by ./newsflow up\nbrokers=" + brokers
                    + "\nreplicas=" + replicas + "\ndb=" + db.name().toLowerCase() + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int count(String value, String name, int most) {
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 1 && count <= most) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Console.fail(name + " must be a number from 1 to " + most + ", not '" + value + "'");
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw Console.fail(flag + " needs a value");
        }
        return args.get(i);
    }

    private static int intEnv(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : port(value, name);
    }

    private static int seconds(String value) {
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Console.fail("NEWSFLOW_STARTUP_TIMEOUT must be a positive number of seconds, not '" + value + "'");
    }

    private static int port(String value, String name) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Console.fail(name + " must be a number from 1 to 65535, not '" + value + "'");
    }
}
