package org.newsflow.publish.subscription;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.newsflow.publish.config.PublishConfig;
import org.newsflow.platform.secret.SecretSealer;

import io.quarkus.runtime.StartupEvent;

/**
 * The webhook signing secrets of subscriptions, sealed in the database with {@code newsflow.publish.secrets-key}.
 * At start-up every stored secret is checked: one stored in clear (by an earlier version) or sealed with a previous
 * key is sealed again with the current key; one this instance cannot open stops the start with the reason.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    static final int MIN_KEY_LENGTH = 32;

    private final SecretSealer sealer;

    WebhookSecrets(PublishConfig config) {
        if (config.secretsKey().strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("newsflow.publish.secrets-key (NEWSFLOW_PUBLISH_SECRETS_KEY) must be at least "
                    + MIN_KEY_LENGTH + " characters: it seals the webhook signing secrets stored in the database");
        }
        this.sealer = new SecretSealer(config.secretsKey().strip(),
                config.secretsPreviousKeys().orElse(List.of()).stream().map(String::strip).toList());
    }

    /** Sets a new secret on the subscription (sealed) and answers it in clear, to be shown once. */
    public String newSecretFor(Subscription subscription) {
        String secret = org.newsflow.publish.delivery.WebhookSigner.newSecret();
        subscription.webhookSecret = sealer.seal(secret, owner(subscription));
        return secret;
    }

    /** The subscription's signing secret in clear, or null when it has none. */
    public String secretOf(Subscription subscription) {
        return sealer.open(subscription.webhookSecret, owner(subscription));
    }

    /**
     * Replaces the secret with a new one, answered in clear to be shown once; the old one goes on signing beside it
     * until {@code overlap} has passed, so that the receiver can switch without refusing anything in between.
     */
    public String rotate(Subscription subscription, java.time.Duration overlap) {
        subscription.previousWebhookSecret = subscription.webhookSecret;
        subscription.previousSecretUntil = java.time.Instant.now().plus(overlap);
        return newSecretFor(subscription);
    }

    /** Every secret that signs messages now: the current one, and the previous one during its overlap. */
    public List<String> signingSecretsOf(Subscription subscription) {
        String current = secretOf(subscription);
        if (current == null) {
            return List.of();
        }
        if (subscription.previousWebhookSecret == null || subscription.previousSecretUntil == null
                || subscription.previousSecretUntil.isBefore(java.time.Instant.now())) {
            return List.of(current);
        }
        return List.of(current, sealer.open(subscription.previousWebhookSecret, owner(subscription)));
    }

    @Transactional
    void sealStoredSecrets(@Observes StartupEvent start) {
        List<Subscription> toSeal = Subscription.<Subscription> list("webhookSecret is not null").stream()
                .filter(subscription -> sealer.needsResealing(subscription.webhookSecret)).toList();
        for (Subscription subscription : toSeal) {
            subscription.webhookSecret = sealer.seal(secretOf(subscription), owner(subscription));
            if (subscription.previousWebhookSecret != null) {
                subscription.previousWebhookSecret = sealer.seal(
                        sealer.open(subscription.previousWebhookSecret, owner(subscription)), owner(subscription));
            }
        }
        if (!toSeal.isEmpty()) {
            LOG.infof("Sealed %d stored webhook secret(s) with the current secrets key", toSeal.size());
        }
    }

    private static String owner(Subscription subscription) {
        return "subscription:" + subscription.id;
    }
}
