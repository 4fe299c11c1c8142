package org.newsflow.publish.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.newsflow.platform.secret.SecretStrength;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Outside dev and test, publish-service does not start with a secret that is certainly not random — a deployment
 * template's placeholder left in place, a short or repetitive token — and says which setting to fix.
 */
@ApplicationScoped
class SecretsCheck {

    static final int MIN_ADMIN_TOKEN_LENGTH = 24;
    static final int MIN_SECRETS_KEY_LENGTH = 32;
    static final int MIN_CURSOR_SECRET_LENGTH = 24;

    void onStart(@Observes StartupEvent start, PublishConfig publish, AdminConfig admin) {
        if (LaunchMode.current().isDevOrTest()) {
            return;
        }
        SecretStrength.require("newsflow.publish.secrets-key (NEWSFLOW_PUBLISH_SECRETS_KEY)", publish.secretsKey(),
                MIN_SECRETS_KEY_LENGTH);
        SecretStrength.require("newsflow.publish.cursor-secret (NEWSFLOW_PUBLISH_CURSOR_SECRET)", publish.cursorSecret(),
                MIN_CURSOR_SECRET_LENGTH);
        admin.token().filter(token -> !token.isBlank()).ifPresent(token -> SecretStrength.require(
                "newsflow.admin.token (NEWSFLOW_ADMIN_TOKEN)", token, MIN_ADMIN_TOKEN_LENGTH));
    }
}
