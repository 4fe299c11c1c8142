package org.newsflow.ingest.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.newsflow.platform.secret.SecretStrength;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Outside dev and test, ingest-service does not start with a secret that is certainly not random — a deployment
 * template's placeholder left in place, a short or repetitive token — and says which setting to fix.
 */
@ApplicationScoped
class SecretsCheck {

    static final int MIN_ADMIN_TOKEN_LENGTH = 24;
    static final int MIN_SECRETS_KEY_LENGTH = 32;

    void onStart(@Observes StartupEvent start, IngestConfig ingest, AdminConfig admin) {
        if (LaunchMode.current().isDevOrTest()) {
            return;
        }
        SecretStrength.require("newsflow.ingest.secrets-key (NEWSFLOW_INGEST_SECRETS_KEY)", ingest.secretsKey(),
                MIN_SECRETS_KEY_LENGTH);
        admin.token().filter(token -> !token.isBlank()).ifPresent(token -> SecretStrength.require(
                "newsflow.admin.token (NEWSFLOW_ADMIN_TOKEN)", token, MIN_ADMIN_TOKEN_LENGTH));
    }
}
