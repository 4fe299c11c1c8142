package org.newsflow.enrich.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.newsflow.platform.secret.SecretStrength;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** Outside dev and test, enrich-service does not start with an admin token that is certainly not random. */
@ApplicationScoped
class SecretsCheck {

    static final int MIN_ADMIN_TOKEN_LENGTH = 24;

    void onStart(@Observes StartupEvent start, AdminConfig admin) {
        if (!LaunchMode.current().isDevOrTest()) {
            admin.token().filter(token -> !token.isBlank()).ifPresent(token -> SecretStrength.require(
                    "newsflow.admin.token (NEWSFLOW_ADMIN_TOKEN)", token, MIN_ADMIN_TOKEN_LENGTH));
        }
    }
}
