package org.newsflow.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The placeholders of our own deployment templates, and other values that are certainly not random, are refused. */
class SecretStrengthTest {

    @Test
    void theTemplatesPlaceholdersAreRefusedThoughTheyAreLongEnough() {
        assertThat(SecretStrength.weakness("NEWSFLOW_INGEST_SECRETS_KEY", "replace-me-with-48-random-characters", 32))
                .get().asString().contains("placeholder");
        assertThat(SecretStrength.weakness("token", "changeme-changeme-changeme-changeme", 24)).isPresent();
        assertThat(SecretStrength.weakness("token", "<your token of 32 characters here>", 24)).isPresent();
    }

    @Test
    void shortOrRepetitiveValuesAreRefused() {
        assertThat(SecretStrength.weakness("token", "e2e-admin-token", 24)).get().asString().contains("at least 24");
        assertThat(SecretStrength.weakness("token", "abababababababababababababababab", 24)).get().asString()
                .contains("different characters");
    }

    @Test
    void aRandomValueIsAcceptedAndAWeakOneStopsTheStart() {
        assertThat(SecretStrength.weakness("token", "Zq8f3LmR1vXk9PwT2sHc7YbN4dGj", 24)).isEmpty();
        assertThat(SecretStrength.weakness("token", "9f3c1e7a52b8d604fe19a3c7b2d85e6f0a4c9b1d7e3f5a28", 32)).isEmpty();
        // as the end-to-end tests set them: long, varied, not from a template
        assertThat(SecretStrength.weakness("key", "e2e-ingest-secrets-key-0123456789abcdef", 32)).isEmpty();
        assertThatThrownBy(() -> SecretStrength.require("newsflow.admin.token", "replace-me", 24))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("newsflow.admin.token");
    }
}
