package org.newsflow.ingest.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsflow.platform.secret.SecretSealer;
import org.newsflow.ingest.support.IngestApi;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.testing.KafkaAndPostgresResource;

import com.standardwebhooks.Webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * A publisher's signing secret is shown once and stored sealed. Secrets an earlier version stored in clear are
 * sealed at start-up and keep verifying pushes; one sealed with a key this instance lacks stops the start-up.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_ingest_test"))
class SigningSecretsTest {

    private static final String CLEAR_SECRET = "whsec_c2lnbmluZy1zZWNyZXQtc3RvcmVkLWluLWNsZWFyLTAx";

    @Inject
    SigningSecrets secrets;

    @Inject
    AuthenticatedKeys recentKeys;

    @Test
    void aRegisteredSigningPublishersRowHoldsItsSecretSealed() {
        TestPublisher publisher = IngestApi.register("sealed-wire", true);

        String stored = storedSecret(publisher.id());

        assertThat(stored).startsWith("sealed:v1:").doesNotContain(publisher.signingSecret().substring(6));
    }

    @Test
    void aSecretStoredInClearByAnEarlierVersionIsSealedAtStartUpAndStillVerifiesPushes() throws Exception {
        // Given a signing publisher whose secret an earlier version stored in clear
        TestPublisher publisher = IngestApi.register("clear-wire", true);
        QuarkusTransaction.requiringNew().run(() -> Publisher.<Publisher> findById(publisher.id()).signingSecret = CLEAR_SECRET);

        // When the service starts
        secrets.sealStoredSecrets(null);
        recentKeys.clear();

        // Then the row holds it sealed, and a push signed with that secret is accepted
        assertThat(storedSecret(publisher.id())).startsWith("sealed:v1:").doesNotContain(CLEAR_SECRET.substring(6));
        String body = IngestApi.article("harbour-wind-farm.json").put("uri", "urn:newsroom:clear-wire:" + UUID.randomUUID())
                .toString();
        String id = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        publisher.as().header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", new Webhook(CLEAR_SECRET).sign(id, now, body))
                .contentType(ContentType.JSON).body(body).post("/v1/articles").then().statusCode(202);
    }

    @Test
    void aSecretSealedWithAnUnknownKeyStopsTheStartUpNamingTheKey() {
        // Given a publisher whose secret was sealed with a key this instance was not given
        TestPublisher publisher = IngestApi.register("foreign-wire", true);
        String sealedElsewhere = new SecretSealer("a-key-this-instance-was-never-given-0123456789", List.of())
                .seal(CLEAR_SECRET, "publisher:" + publisher.id());
        QuarkusTransaction.requiringNew().run(() -> Publisher.<Publisher> findById(publisher.id()).signingSecret = sealedElsewhere);
        try {
            // Then starting fails, and says which key is missing
            assertThatThrownBy(() -> secrets.sealStoredSecrets(null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("key id " + sealedElsewhere.split(":")[2]);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Publisher.<Publisher> findById(publisher.id()).signingSecret = null);
        }
    }

    private static String storedSecret(String publisherId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Publisher.getEntityManager()
                .createNativeQuery("select signing_secret from publisher where id = ?1").setParameter(1, publisherId)
                .getSingleResult());
    }
}
