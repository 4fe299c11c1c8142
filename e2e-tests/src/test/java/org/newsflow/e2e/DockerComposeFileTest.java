package org.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * docker-compose.yml cannot be run on machines without a Docker engine (see DockerComposeIT), so this checks
 * that it is well-formed and agrees with what the services are configured to expect.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "publish-service");

    private final JsonNode compose = read();

    @Test
    void startsKafkaPostgresAndTheThreeServices() {
        List<String> names = new ArrayList<>();
        compose.get("services").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("kafka", "postgres", "ingest-service", "enrich-service",
                "publish-service", "ingest-service-2", "enrich-service-2", "publish-service-2");
        assertThat(compose.at("/services/kafka/image").asText()).startsWith("apache/kafka:");
        assertThat(compose.at("/services/kafka/environment/KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    }

    @Test
    void everyServiceRunsTwiceAsTheManifestsDoTheSecondOnItsPortPlusAHundred() throws IOException {
        for (String service : SERVICES) {
            JsonNode first = compose.at("/services/" + service);
            JsonNode second = compose.at("/services/" + service + "-2");
            for (String same : List.of("image", "build", "environment", "depends_on", "healthcheck")) {
                assertThat(second.get(same)).as(service + "-2 " + same).isEqualTo(first.get(same));
            }
            int port = Integer.parseInt(ServiceSettings.applicationProperties(service).getProperty("quarkus.http.port"));
            assertThat(second.get("ports").get(0).asText()).isEqualTo((port + 100) + ":" + port);
        }
    }

    @Test
    void ingestAndPublishEachTakeTheirOwnAdminToken() {
        assertThat(compose.at("/services/ingest-service/environment/NEWSFLOW_ADMIN_TOKEN").asText())
                .startsWith("${NEWSFLOW_INGEST_ADMIN_TOKEN:?");
        assertThat(compose.at("/services/publish-service/environment/NEWSFLOW_ADMIN_TOKEN").asText())
                .startsWith("${NEWSFLOW_PUBLISH_ADMIN_TOKEN:?");
    }

    @Test
    void kafkasUnauthenticatedListenerIsPublishedToThisHostOnlyAndCarriesWhatTheServicesSend() throws IOException {
        JsonNode ports = compose.at("/services/kafka/ports");
        ports.forEach(port -> assertThat(port.asText()).as("a published Kafka port").startsWith("127.0.0.1:"));
        assertThat(compose.at("/services/kafka/environment/KAFKA_MESSAGE_MAX_BYTES").asText()).isEqualTo(
                ServiceSettings.applicationProperties("ingest-service").getProperty("kafka.max.request.size"));
    }

    @Test
    void eachServiceIsBuiltFromItsOwnFolderAndPublishesItsConfiguredPort() throws IOException {
        for (String service : SERVICES) {
            JsonNode entry = compose.at("/services/" + service);
            Path dockerfile = ROOT.resolve(entry.at("/build/context").asText()).resolve(entry.at("/build/dockerfile").asText());
            assertThat(dockerfile).as(service + " Dockerfile").exists();
            String port = ServiceSettings.applicationProperties(service).getProperty("quarkus.http.port");
            assertThat(entry.get("ports").get(0).asText()).isEqualTo(port + ":" + port);
            assertThat(Files.readString(dockerfile)).contains("EXPOSE " + port);
            assertThat(entry.at("/healthcheck/test").toString()).contains("/dev/tcp/127.0.0.1/" + port, "/q/health/ready");
        }
    }

    @Test
    void eachServiceWaitsForHealthyKafkaAndPostgresAndUsesItsOwnDatabase() throws IOException {
        String databases = Files.readString(ROOT.resolve("deploy/postgres/create-databases.sql"));
        for (String service : SERVICES) {
            JsonNode entry = compose.at("/services/" + service);
            assertThat(entry.at("/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
            assertThat(entry.at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
            String jdbcUrl = entry.at("/environment/QUARKUS_DATASOURCE_JDBC_URL").asText();
            String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
            assertThat(database).isEqualTo(ServiceSettings.applicationProperties(service).getProperty("quarkus.datasource.jdbc.url")
                    .replaceAll(".*/", ""));
            assertThat(databases).contains("CREATE DATABASE " + database + ";");
            assertThat(entry.at("/environment/KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
            assertThat(entry.at("/environment/QUARKUS_DATASOURCE_USERNAME").asText())
                    .isEqualTo(compose.at("/services/postgres/environment/POSTGRES_USER").asText());
        }
    }

    private static JsonNode read() {
        try {
            // SnakeYAML resolves the merge keys (<<: *ingest) that Jackson's YAML parser leaves as they are
            try (java.io.Reader in = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
                Object tree = new org.yaml.snakeyaml.Yaml().load(in);
                return new ObjectMapper().valueToTree(tree);
            }
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("docker-compose.yml is not readable YAML: " + e.getMessage(), e);
        }
    }

    @Test
    void everySettingWithoutAProductionDefaultMustBeGivenToCompose() throws IOException {
        List<String> required = new ArrayList<>();
        for (String service : SERVICES) {
            for (String variable : ServiceSettings.requiredInProduction(service)) {
                required.add(variable);
                // ${VARIABLE:?message}: compose refuses to start without it, and says why
                assertThat(compose.at("/services/" + service + "/environment/" + variable).asText())
                        .as(service + " " + variable).startsWith("${" + variable + ":?");
            }
        }
        assertThat(required).as("settings without a production default").isNotEmpty();
    }
}
