package org.newsflow.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Signing secrets are stored sealed: unreadable without the key, bound to their row, and the key can change. */
class SecretSealerTest {

    private static final String KEY = "a-secrets-key-of-forty-random-characters-x";
    private static final String NEXT_KEY = "the-next-secrets-key-after-rotation-0123456";
    private static final String SECRET = "whsec_MfKQ9r5GKq3pNbB0bC8ZxC1xYt4DpHkq3VgOaZl5bU8=";

    @Test
    void aSealedSecretOpensForItsOwnRowAndShowsNothingOfTheSecret() {
        SecretSealer sealer = new SecretSealer(KEY, List.of());

        String stored = sealer.seal(SECRET, "publisher:coast-daily");

        assertThat(stored).startsWith("sealed:v1:").doesNotContain(SECRET).doesNotContain(SECRET.substring(6, 20));
        assertThat(sealer.open(stored, "publisher:coast-daily")).isEqualTo(SECRET);
        assertThat(sealer.needsResealing(stored)).isFalse();
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentStoredValues() {
        SecretSealer sealer = new SecretSealer(KEY, List.of());

        assertThat(sealer.seal(SECRET, "publisher:coast-daily")).isNotEqualTo(sealer.seal(SECRET, "publisher:coast-daily"));
    }

    @Test
    void aSealedValueCopiedOntoAnotherRowOrAlteredDoesNotOpen() {
        SecretSealer sealer = new SecretSealer(KEY, List.of());
        String stored = sealer.seal(SECRET, "publisher:coast-daily");

        assertThatThrownBy(() -> sealer.open(stored, "publisher:attacker"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");
        char last = stored.charAt(stored.length() - 2);
        String altered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A') + stored.charAt(stored.length() - 1);
        assertThatThrownBy(() -> sealer.open(altered, "publisher:coast-daily")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationThePreviousKeyStillOpensAndItsValuesAreToBeSealedAgain() {
        String sealedWithOldKey = new SecretSealer(KEY, List.of()).seal(SECRET, "publisher:coast-daily");
        SecretSealer rotated = new SecretSealer(NEXT_KEY, List.of(KEY));

        assertThat(rotated.open(sealedWithOldKey, "publisher:coast-daily")).isEqualTo(SECRET);
        assertThat(rotated.needsResealing(sealedWithOldKey)).isTrue();
        assertThat(rotated.needsResealing(rotated.seal(SECRET, "publisher:coast-daily"))).isFalse();
    }

    @Test
    void aValueSealedWithAKeyThisInstanceDoesNotHaveNamesTheMissingKeyId() {
        String sealedElsewhere = new SecretSealer(NEXT_KEY, List.of()).seal(SECRET, "publisher:coast-daily");
        String keyId = sealedElsewhere.split(":")[2];

        assertThatThrownBy(() -> new SecretSealer(KEY, List.of()).open(sealedElsewhere, "publisher:coast-daily"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key id " + keyId)
                .hasMessageContaining("previous secrets keys");
    }

    @Test
    void aSecretStoredInClearByAnEarlierVersionIsReadAsItIsAndMarkedForSealing() {
        SecretSealer sealer = new SecretSealer(KEY, List.of());

        assertThat(sealer.open(SECRET, "publisher:coast-daily")).isEqualTo(SECRET);
        assertThat(sealer.needsResealing(SECRET)).isTrue();
        assertThat(sealer.open(null, "publisher:coast-daily")).isNull();
        assertThat(sealer.needsResealing(null)).isFalse();
    }
}
