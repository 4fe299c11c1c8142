package org.newsflow.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local run's credentials: the admin token of ingest-service (made once, kept in .newsflow/admin-token) and
 * the API keys of the publishers the launcher registers (kept beside the data they belong to, in
 * .newsflow/data/&lt;run&gt;/publishers/&lt;id&gt;.key).
 */
final class Publishers {

    static final String DEMO = "demo";

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    Publishers(Settings settings) {
        this.settings = settings;
    }

    /** The admin token, made on first use; only the owner may read the file. */
    String adminToken() {
        Path file = settings.state().resolve("admin-token");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random));
                restrict(file);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw Console.fail("cannot keep the admin token in " + file + ": " + e.getMessage());
        }
    }

    /**
     * The API key of {@code id}, registering the publisher — or issuing it a new key — when there is no key file
     * or the key in it is no longer accepted (a database that was reset).
     */
    String keyOf(String id, String name) {
        Path file = keyFile(id);
        try {
            if (Files.exists(file) && accepted(Files.readString(file).strip())) {
                return Files.readString(file).strip();
            }
            HttpResponse<String> answer = admin("POST", "/v1/admin/publishers",
                    json.createObjectNode().put("id", id).put("name", name).toString());
            if (answer.statusCode() == 409) { // registered before, key file lost: rotate
                answer = admin("POST", "/v1/admin/publishers/" + id + "/keys?revokeOthers=true", null);
            }
            if (answer.statusCode() != 201) {
                throw Console.fail("cannot register publisher " + id + " (" + answer.statusCode() + "): " + answer.body());
            }
            JsonNode credentials = json.readTree(answer.body());
            Files.createDirectories(file.getParent());
            Files.writeString(file, credentials.get("apiKey").asText());
            restrict(file);
            return credentials.get("apiKey").asText();
        } catch (IOException e) {
            throw Console.fail("cannot register publisher " + id + ": " + e.getMessage());
        }
    }

    /** Keys belong to the database they were registered in: one folder per database of the local run. */
    Path keyFile(String id) {
        return settings.data().resolve("publishers").resolve(id + ".key");
    }

    private boolean accepted(String key) throws IOException {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                    URI.create(Service.INGEST.url(settings) + "/v1/submissions?limit=1"))
                    .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Console.fail("interrupted");
        }
    }

    private HttpResponse<String> admin(String method, String path, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Service.INGEST.url(settings) + path))
                .header("Authorization", "Bearer " + adminToken()).timeout(Duration.ofSeconds(10));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Console.fail("interrupted");
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
    }
}
