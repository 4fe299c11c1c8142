package org.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A developer who followed the compose instructions has NEWSFLOW_*, QUARKUS_* and KAFKA_* variables exported when
 * they run the tests. The service tests must pass all the same: they pin what their assertions depend on (the
 * application.properties entries above the environment, the test broker and database above KAFKA_* and
 * QUARKUS_DATASOURCE_*). This runs two of ingest's test classes in a separate Maven build with such a shell — on
 * purpose not through ./newsflow test, which would drop the variables before the build starts.
 */
class HostileEnvironmentIT {

    private static final Map<String, String> LEFT_OVER_FROM_A_COMPOSE_RUN = Map.of(
            "NEWSFLOW_ADMIN_TOKEN", "a-compose-admin-token-the-tests-do-not-know",
            "NEWSFLOW_DB", "postgres",
            "NEWSFLOW_INGEST_MAX_BODY_BYTES", "10",
            "NEWSFLOW_INGEST_SECRETS_KEY", "another-secrets-key-from-the-compose-file",
            "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
            "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/newsflow_ingest",
            "QUARKUS_DATASOURCE_USERNAME", "nobody",
            "QUARKUS_HTTP_TEST_PORT", "1");

    @Test
    void theIngestTestsPassWhateverTheCallerExported() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();
        Path log = root.resolve("e2e-tests/target/hostile-environment.log");
        Files.createDirectories(log.getParent());
        // the test phase only: compiled classes are reused and nothing that the other end-to-end tests run is rebuilt
        ProcessBuilder build = new ProcessBuilder(List.of(root.resolve("mvnw").toString(), "--batch-mode", "--offline",
                "-pl", "ingest-service", "-am", "test", "-Dtest=SubmissionResourceTest,PublisherAdminTest",
                "-Dsurefire.failIfNoSpecifiedTests=false"))
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        build.environment().putAll(LEFT_OVER_FROM_A_COMPOSE_RUN);

        Process maven = build.start();
        boolean finished = maven.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            maven.destroyForcibly();
        }

        String output = Files.readString(log);
        assertThat(finished).as("the build finished within 10 minutes; see %s", log).isTrue();
        for (String testClass : List.of("submission.SubmissionResourceTest", "publisher.PublisherAdminTest")) {
            assertThat(output).as("%s ran and passed; see %s", testClass, log).containsPattern(
                    "Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0, .* in org\\.newsflow\\.ingest\\."
                            + testClass.replace(".", "\\."));
        }
        assertThat(output).as("see %s", log).contains("BUILD SUCCESS");
        assertThat(maven.exitValue()).as("exit code of the build; see %s", log).isZero();
    }
}
