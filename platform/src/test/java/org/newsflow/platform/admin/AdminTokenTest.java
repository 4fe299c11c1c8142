package org.newsflow.platform.admin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.newsflow.platform.problem.Refusal;

/** What an admin API answers for a missing, wrong or right token, with none configured, and to a guesser. */
class AdminTokenTest {

    private final AdminToken admin = new AdminToken(Optional.of("Zq8f3LmR1vXk9PwT2sHc7YbN"), "ingest-service");

    @Test
    void theRightTokenIsLetInAndAWrongOrMissingOneIsUnauthenticated() {
        assertThatCode(() -> admin.check("Bearer Zq8f3LmR1vXk9PwT2sHc7YbN")).doesNotThrowAnyException();
        assertThatThrownBy(() -> admin.check("Bearer guess")).isInstanceOfSatisfying(Refusal.class,
                r -> org.assertj.core.api.Assertions.assertThat(r.problem("/v1/admin").errors().get(0).rule())
                        .isEqualTo("wrong-admin-token"));
        assertThatThrownBy(() -> admin.check(null)).isInstanceOfSatisfying(Refusal.class,
                r -> org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(401));
    }

    @Test
    void withoutATokenTheAdminApiIsClosed() {
        assertThatThrownBy(() -> new AdminToken(Optional.of(" "), "publish-service").check("Bearer x"))
                .isInstanceOfSatisfying(Refusal.class, r -> org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(403));
    }

    @Test
    void afterTenWrongTokensEvenTheRightOneWaits() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> admin.check("Bearer guess")).isInstanceOf(Refusal.class);
        }
        assertThatThrownBy(() -> admin.check("Bearer Zq8f3LmR1vXk9PwT2sHc7YbN")).isInstanceOfSatisfying(Refusal.class,
                r -> org.assertj.core.api.Assertions.assertThat(r.headers()).containsKey("Retry-After"));
    }
}
