package org.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Brings up docker-compose.yml as a user would and pushes one article through it. Needs a Docker engine with
 * Compose; skipped (not failed) where there is none. The same path is covered without Docker by
 * PipelineEndToEndIT.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerComposeIT {

    private static final Path ROOT = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();

    private static final String ADMIN_TOKEN = "compose-test-admin-token";

    @Container
    static final ComposeContainer NEWSFLOW = new ComposeContainer(ROOT.resolve("docker-compose.yml").toFile())
            .withEnv("NEWSFLOW_INGEST_ADMIN_TOKEN", ADMIN_TOKEN)
            .withEnv("NEWSFLOW_PUBLISH_ADMIN_TOKEN", "compose-test-publish-admin-token-9f2c")
            .withEnv("NEWSFLOW_PUBLISH_CURSOR_SECRET", "compose-test-cursor-secret-0123")
            .withEnv("NEWSFLOW_INGEST_SECRETS_KEY", "compose-test-ingest-secrets-key-0123456789")
            .withEnv("NEWSFLOW_PUBLISH_SECRETS_KEY", "compose-test-publish-secrets-key-0123456789")
            .withBuild(true)
            .withExposedService("ingest-service", 8081, Wait.forHttp("/q/health/ready").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(5)))
            .withExposedService("publish-service", 8083, Wait.forHttp("/q/health/ready").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(5)));

    @Test
    void anArticlePushedToTheComposedPipelineIsPublished() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String ingest = "http://" + NEWSFLOW.getServiceHost("ingest-service", 8081) + ":"
                + NEWSFLOW.getServicePort("ingest-service", 8081);
        String publish = "http://" + NEWSFLOW.getServiceHost("publish-service", 8083) + ":"
                + NEWSFLOW.getServicePort("publish-service", 8083);
        String article = """
                {"uri": "urn:newsroom:compose-test:1", "headlines": [{"value": "Compose pipeline carries an article"}],
                 "bodies": [{"value": "The article travels through Kafka and three services and comes out enriched."}]}
                """;

        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/admin/publishers"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"compose-test\", \"name\": \"Compose test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(201);
        String apiKey = new ObjectMapper().readTree(registered.body()).get("apiKey").asText();

        HttpResponse<String> receipt = http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/articles"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(article)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(receipt.statusCode()).isEqualTo(202);
        String articleId = new ObjectMapper().readTree(receipt.body()).get("articleId").asText();

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> published = http.send(HttpRequest.newBuilder(
                    URI.create(publish + "/v1/articles/" + articleId)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(published.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(published.body()).get("language").asText()).isEqualTo("en");
        });
    }
}
