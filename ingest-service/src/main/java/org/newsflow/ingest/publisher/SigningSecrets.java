package org.newsflow.ingest.publisher;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.newsflow.ingest.config.IngestConfig;
import org.newsflow.platform.secret.SecretSealer;

import io.quarkus.runtime.StartupEvent;

/**
 * The signing secrets of publishers that sign their pushes, sealed in the database with
 * {@code newsflow.ingest.secrets-key}. At start-up every stored secret is checked: one stored in clear (by an
 * earlier version) or sealed with a previous key is sealed again with the current key; one this instance cannot
 * open stops the start with the reason.
 */
@ApplicationScoped
public class SigningSecrets {

    private static final Logger LOG = Logger.getLogger(SigningSecrets.class);
    static final int MIN_KEY_LENGTH = 32;

    private final SecretSealer sealer;

    SigningSecrets(IngestConfig config) {
        if (config.secretsKey().strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("newsflow.ingest.secrets-key (NEWSFLOW_INGEST_SECRETS_KEY) must be at least "
                    + MIN_KEY_LENGTH + " characters: it seals the publishers' signing secrets stored in the database");
        }
        this.sealer = new SecretSealer(config.secretsKey().strip(),
                config.secretsPreviousKeys().orElse(List.of()).stream().map(String::strip).toList());
    }

    /** Gives the publisher a new signing secret (stored sealed) and answers it in clear, to be shown once. */
    String newSecretFor(Publisher publisher) {
        String secret = ApiKeys.newSigningSecret();
        publisher.signingSecret = sealer.seal(secret, owner(publisher));
        return secret;
    }

    /** The publisher's signing secret in clear, or null when it does not sign. */
    String secretOf(Publisher publisher) {
        return sealer.open(publisher.signingSecret, owner(publisher));
    }

    @Transactional
    void sealStoredSecrets(@Observes StartupEvent start) {
        List<Publisher> toSeal = Publisher.<Publisher> list("signingSecret is not null").stream()
                .filter(publisher -> sealer.needsResealing(publisher.signingSecret)).toList();
        for (Publisher publisher : toSeal) {
            publisher.signingSecret = sealer.seal(secretOf(publisher), owner(publisher));
        }
        if (!toSeal.isEmpty()) {
            LOG.infof("Sealed %d stored signing secret(s) with the current secrets key", toSeal.size());
        }
    }

    private static String owner(Publisher publisher) {
        return "publisher:" + publisher.id;
    }
}
