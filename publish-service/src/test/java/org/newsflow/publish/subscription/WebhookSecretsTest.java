package org.newsflow.publish.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsflow.publish.consumer.Consumer;
import org.newsflow.platform.secret.SecretSealer;
import org.newsflow.publish.support.TestConsumers;
import org.newsflow.testing.KafkaAndPostgresResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * A webhook's signing secret is shown to its consumer once and stored sealed: the subscription row holds no
 * trace of it. Secrets an earlier version stored in clear are sealed at start-up; one sealed with a key this
 * instance lacks stops the start-up with the key's id.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "newsflow_publish_test"))
class WebhookSecretsTest {

    private static final String CLEAR_SECRET = "whsec_c2VjcmV0LXN0b3JlZC1pbi1jbGVhci1ieS12ZXJzaW9uLTE=";

    @Inject
    WebhookSecrets secrets;

    @Test
    void theSecretIsShownOnceAndTheRowHoldsItSealed() {
        // Given a consumer
        String consumer = TestConsumers.newConsumer("sealed");

        // When it subscribes with a webhook
        var created = given().header("Authorization", consumer).contentType(ContentType.JSON)
                .body("{\"name\": \"desk\", \"filter\": {\"any\": {\"countries\": [\"NO\"]}}, "
                        + "\"channel\": {\"type\": \"webhook\", \"url\": \"https://hooks.example.org/newsflow\"}}")
                .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("channel.secret");

        // Then the answer carries the secret, the row only its sealed form, and reading the subscription shows none
        assertThat(secret).startsWith("whsec_");
        String stored = storedSecret(id);
        assertThat(stored).startsWith("sealed:v1:").doesNotContain(secret.substring(6));
        assertThat(QuarkusTransaction.requiringNew().call(() -> secrets.secretOf(Subscription.findById(id))))
                .isEqualTo(secret);
        assertThat(given().header("Authorization", consumer).get("/v1/subscriptions/{id}", id).then().statusCode(200)
                .extract().jsonPath().getString("channel.secret")).isNull();
    }

    @Test
    void aSecretStoredInClearByAnEarlierVersionIsSealedAtStartUpAndStillSigns() {
        // Given a webhook subscription whose secret an earlier version stored in clear
        String id = webhookSubscriptionStoring(CLEAR_SECRET);

        // When the service starts
        secrets.sealStoredSecrets(null);

        // Then the row holds it sealed, and it opens to the same secret
        assertThat(storedSecret(id)).startsWith("sealed:v1:").doesNotContain(CLEAR_SECRET.substring(6));
        assertThat(QuarkusTransaction.requiringNew().call(() -> secrets.secretOf(Subscription.findById(id))))
                .isEqualTo(CLEAR_SECRET);
    }

    @Test
    void aSecretSealedWithAnUnknownKeyStopsTheStartUpNamingTheKey() {
        // Given a row sealed with a key this instance was not given
        String id = UUID.randomUUID().toString();
        String sealedElsewhere = new SecretSealer("a-key-this-instance-was-never-given-0123456789", List.of())
                .seal(CLEAR_SECRET, "subscription:" + id);
        webhookSubscriptionStoring(id, sealedElsewhere);
        try {
            // Then starting fails, and says which key is missing
            assertThatThrownBy(() -> secrets.sealStoredSecrets(null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("key id " + sealedElsewhere.split(":")[2]);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Subscription.deleteById(id));
        }
    }

    private static String webhookSubscriptionStoring(String secret) {
        return webhookSubscriptionStoring(UUID.randomUUID().toString(), secret);
    }

    private static String webhookSubscriptionStoring(String id, String secret) {
        QuarkusTransaction.requiringNew().run(() -> {
            Consumer consumer = new Consumer();
            consumer.id = "v1-" + id.substring(0, 8);
            consumer.name = "written by an earlier version";
            consumer.createdAt = Instant.now();
            consumer.persist();
            Subscription subscription = new Subscription();
            subscription.id = id;
            subscription.consumerId = consumer.id;
            subscription.name = "old hook";
            subscription.filter = "{\"any\": {\"countries\": [\"NO\"]}}";
            subscription.channel = "webhook";
            subscription.webhookUrl = "https://hooks.example.org/old";
            subscription.webhookSecret = secret;
            subscription.createdAt = Instant.now();
            subscription.updatedAt = subscription.createdAt;
            subscription.persist();
        });
        return id;
    }

    private static String storedSecret(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Subscription.getEntityManager()
                .createNativeQuery("select webhook_secret from subscription where id = ?1").setParameter(1, id)
                .getSingleResult());
    }
}
