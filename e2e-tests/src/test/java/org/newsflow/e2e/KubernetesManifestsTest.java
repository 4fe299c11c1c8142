package org.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * No Kubernetes cluster runs here, so this checks deploy/k8s against what the services expect: each Deployment
 * probes the health endpoints on the port the service listens on, asks for CPU and memory, lets Prometheus scrape
 * /q/metrics, reads the shared configuration and secrets; the kustomization applies every manifest but the
 * secret template.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = { "ingest-service", "enrich-service", "publish-service" })
    void eachServiceIsProbedOnItsPortAndAsksForResources(String service) throws IOException {
        List<JsonNode> documents = documents(K8S.resolve(service + ".yaml"));
        JsonNode deployment = documents.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        JsonNode serviceObject = documents.stream().filter(d -> d.path("kind").asText().equals("Service")).findFirst().orElseThrow();
        String port = ServiceSettings.applicationProperties(service).getProperty("quarkus.http.port");

        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/image").asText()).isEqualTo("newsflow/" + service + ":0.1.0");
        assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(port);
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/resources/requests/cpu").asText()).isNotBlank();
        assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();
        assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
        assertThat(deployment.at("/spec/template/metadata/annotations").get("prometheus.io/path").asText()).isEqualTo("/q/metrics");
        assertThat(container.at("/envFrom").toString()).contains("newsflow-config", "newsflow-secrets");
        String jdbc = container.at("/env").toString();
        assertThat(jdbc).contains("newsflow_" + service.replace("-service", ""));
        assertThat(serviceObject.at("/spec/ports/0/port").asText()).isEqualTo(port);
        assertThat(serviceObject.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
    }

    @Test
    void ingestAndPublishEachTakeTheirOwnAdminToken() throws IOException {
        List<String> keys = new ArrayList<>();
        for (String service : List.of("ingest-service", "publish-service")) {
            JsonNode deployment = documents(K8S.resolve(service + ".yaml")).stream()
                    .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
            for (JsonNode variable : deployment.at("/spec/template/spec/containers/0/env")) {
                if (variable.path("name").asText().equals("NEWSFLOW_ADMIN_TOKEN")) {
                    keys.add(variable.at("/valueFrom/secretKeyRef/key").asText());
                }
            }
        }
        assertThat(keys).containsExactly("NEWSFLOW_INGEST_ADMIN_TOKEN", "NEWSFLOW_PUBLISH_ADMIN_TOKEN");
        List<String> named = new ArrayList<>();
        YAML.readTree(K8S.resolve("secret.example.yaml").toFile()).get("stringData").fieldNames().forEachRemaining(named::add);
        assertThat(named).containsAll(keys).doesNotContain("NEWSFLOW_ADMIN_TOKEN");
    }

    @Test
    void theKustomizationAppliesEveryManifestButTheSecretTemplate() throws IOException {
        JsonNode kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        ((ArrayNode) kustomization.get("resources")).forEach(r -> listed.add(r.asText()));
        List<String> manifests;
        try (var files = Files.list(K8S)) {
            manifests = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml") && !f.contains("example")).toList();
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests);
        assertThat(listed).noneMatch(name -> name.contains("secret"));
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    @Test
    void theSecretTemplateNamesEverySettingWithoutAProductionDefault() throws IOException {
        JsonNode secret = YAML.readTree(K8S.resolve("secret.example.yaml").toFile());
        List<String> required = new ArrayList<>();
        for (String service : List.of("ingest-service", "enrich-service", "publish-service")) {
            required.addAll(ServiceSettings.requiredInProduction(service));
        }
        assertThat(required).as("settings without a production default").isNotEmpty();
        List<String> named = new ArrayList<>();
        secret.get("stringData").fieldNames().forEachRemaining(named::add);
        assertThat(named).containsAll(required);
    }
}
