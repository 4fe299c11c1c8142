package org.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.newsflow.testing.TestPostgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A deployment that forgot to replace the placeholders of {@code deploy/k8s/secret.example.yaml} does not start: the
 * packaged services (not in dev or test mode) name the setting to fix.
 */
class PlaceholderSecretsIT {

    private static final Path ROOT = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();

    @Test
    void theServicesRefuseToStartWithTheTemplatesPlaceholders() throws Exception {
        JsonNode template = new YAMLMapper().readTree(ROOT.resolve("deploy/k8s/secret.example.yaml").toFile()).get("stringData");
        for (String module : List.of("ingest-service", "enrich-service", "publish-service")) {
            // Given the service started with the template's values, as they stand
            Map<String, String> env = new java.util.HashMap<>();
            template.fields().forEachRemaining(entry -> {
                if (entry.getKey().startsWith("NEWSFLOW_")) {
                    env.put(entry.getKey(), entry.getValue().asText());
                }
            });
            if (template.has("NEWSFLOW_" + module.replace("-service", "").toUpperCase() + "_ADMIN_TOKEN")) {
                env.put("NEWSFLOW_ADMIN_TOKEN", template.get("NEWSFLOW_" + module.replace("-service", "").toUpperCase()
                        + "_ADMIN_TOKEN").asText());
            }
            env.put("QUARKUS_DATASOURCE_JDBC_URL", TestPostgres.recreateDatabase("newsflow_placeholder_" + module.replace("-service", "")));
            env.put("QUARKUS_DATASOURCE_USERNAME", TestPostgres.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
            env.put("QUARKUS_HTTP_PORT", "0");
            Path log = ROOT.resolve("e2e-tests/target/e2e-logs/placeholder-" + module + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                    "-jar", ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(ServiceProcess::isServiceSetting);
            builder.environment().putAll(env);

            // Then it stops at once, naming a placeholder it was given
            Process service = builder.start();
            boolean stopped = service.waitFor(60, TimeUnit.SECONDS);
            if (!stopped) {
                service.destroyForcibly();
            }
            assertThat(stopped).as("%s stopped by itself; see %s", module, log).isTrue();
            assertThat(service.exitValue()).as(module).isNotZero();
            assertThat(Files.readString(log)).as(module).contains("looks like a placeholder");
        }
    }
}
