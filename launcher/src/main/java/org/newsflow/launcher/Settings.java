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
        List<String> arguments, String httpHost) {

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

    int controllerPort() {
        return kafkaPort + 1;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    static Settings parse(Path home, List<String> args, Map<String, String> env) {
        String db = env.getOrDefault("NEWSFLOW_DB", "h2");
        int kafka = intEnv(env, "NEWSFLOW_KAFKA_PORT", 9092);
        int ingest = intEnv(env, "NEWSFLOW_INGEST_PORT", 8081);
        int enrich = intEnv(env, "NEWSFLOW_ENRICH_PORT", 8082);
        int publish = intEnv(env, "NEWSFLOW_PUBLISH_PORT", 8083);
        boolean detach = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--db" -> db = value(args, ++i, arg);
                case "--kafka-port" -> kafka = port(value(args, ++i, arg), arg);
                case "--ingest-port" -> ingest = port(value(args, ++i, arg), arg);
                case "--enrich-port" -> enrich = port(value(args, ++i, arg), arg);
                case "--publish-port" -> publish = port(value(args, ++i, arg), arg);
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
        return new Settings(home, database, kafka, ingest, enrich, publish, detach,
                env.getOrDefault("NEWSFLOW_PG_URL", "jdbc:postgresql://127.0.0.1:5432"),
                env.getOrDefault("NEWSFLOW_PG_USER", "postgres"), env.getOrDefault("NEWSFLOW_PG_PASSWORD", ""),
                env.getOrDefault("NEWSFLOW_JAVA_OPTS", "-Xms32m -Xmx384m -XX:+UseSerialGC"),
                seconds(env.getOrDefault("NEWSFLOW_STARTUP_TIMEOUT", "90")), List.copyOf(rest),
                env.getOrDefault("NEWSFLOW_HTTP_HOST", "127.0.0.1"));
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
