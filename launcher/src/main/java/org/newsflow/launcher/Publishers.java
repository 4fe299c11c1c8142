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
 * The local run's credentials: the admin tokens of ingest-service and publish-service (one each, made once, kept in
 * .newsflow/admin-token and .newsflow/publish-admin-token) and
 * the API keys of the publishers the launcher registers (kept beside the data they belong to, in
 * .newsflow/data/&lt;run&gt;/publishers/&lt;id&gt;.key).
 */
final class Publishers {

    static final String DEMO = "demo";
    static final String DEMO_CONSUMER = "demo-consumer";

    /** The demo consumer's key and its subscription to every article in the demo's languages. */
    record DemoConsumer(String key, String subscriptionId) {
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    Publishers(Settings settings) {
        this.settings = settings;
    }

    /** The admin token, made on first use; only the owner may read the file. */
    String adminToken() {
        return secret("admin-token");
    }

    /** publish-service's admin token: its own, so that one token opens one admin API. */
    String publishAdminToken() {
        return secret("publish-admin-token");
    }

    /** A random secret of the local run, made on first use and kept in .newsflow/&lt;name&gt;. */
    String secret(String name) {
        Path file = settings.state().resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                writePrivately(file, HexFormat.of().formatHex(random));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw Console.fail("cannot keep the " + name + " in " + file + ": " + e.getMessage());
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
            writePrivately(file, credentials.get("apiKey").asText());
            return credentials.get("apiKey").asText();
        } catch (IOException e) {
            throw Console.fail("cannot register publisher " + id + ": " + e.getMessage());
        }
    }

    /**
     * The demo consumer (created in publish-service, or given a new key when its key file is lost or no longer
     * accepted) and its subscription "demo: everything" to the languages of the sample articles.
     */
    DemoConsumer demoConsumer() {
        Path file = keyFile(DEMO_CONSUMER);
        String publish = Service.PUBLISH.url(settings);
        try {
            String key = Files.exists(file) ? Files.readString(file).strip() : null;
            HttpResponse<String> subscriptions = key == null ? null : call("GET", publish + "/v1/subscriptions", key, null);
            if (subscriptions == null || subscriptions.statusCode() != 200) {
                HttpResponse<String> answer = call("POST", publish + "/v1/admin/consumers", publishAdminToken(),
                        json.createObjectNode().put("id", DEMO_CONSUMER).put("name", "Demo consumer").toString());
                if (answer.statusCode() == 409) {
                    answer = call("POST", publish + "/v1/admin/consumers/" + DEMO_CONSUMER + "/keys?revokeOthers=true",
                            publishAdminToken(), null);
                }
                if (answer.statusCode() != 201) {
                    throw Console.fail("cannot create the demo consumer (" + answer.statusCode() + "): " + answer.body());
                }
                key = json.readTree(answer.body()).get("apiKey").asText();
                Files.createDirectories(file.getParent());
                writePrivately(file, key);
                subscriptions = call("GET", publish + "/v1/subscriptions", key, null);
            }
            for (JsonNode subscription : json.readTree(subscriptions.body())) {
                if ("demo: everything".equals(subscription.path("name").asText())) {
                    return new DemoConsumer(key, subscription.get("id").asText());
                }
            }
            HttpResponse<String> created = call("POST", publish + "/v1/subscriptions", key, "{\"name\": \"demo: everything\", "
                    + "\"filter\": {\"any\": {\"languages\": [\"en\", \"de\", \"fr\", \"es\"]}}, \"channel\": {\"type\": \"feed\"}}");
            if (created.statusCode() != 201) {
                throw Console.fail("cannot subscribe the demo consumer (" + created.statusCode() + "): " + created.body());
            }
            return new DemoConsumer(key, json.readTree(created.body()).get("id").asText());
        } catch (IOException e) {
            throw Console.fail("cannot set up the demo consumer: " + e.getMessage());
        }
    }

    private HttpResponse<String> call(String method, String url, String bearer, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(10));
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
        return call(method, Service.INGEST.url(settings) + path, adminToken(), body);
    }

    /** Creates the file readable by its owner only before anything is written to it (no window for others). */
    static void writePrivately(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the file keeps the default permissions
        }
        Files.writeString(file, content);
    }
}
