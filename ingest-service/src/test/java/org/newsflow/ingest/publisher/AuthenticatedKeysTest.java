package org.newsflow.ingest.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.newsflow.ingest.publisher.PublisherAuthenticator.AuthenticatedPublisher;

class AuthenticatedKeysTest {

    private static final AuthenticatedPublisher HARBOUR = new AuthenticatedPublisher("harbour-news", null);

    @Test
    void aKeyIsRememberedUntilItsTimeIsUp() throws InterruptedException {
        AuthenticatedKeys keys = new AuthenticatedKeys(Duration.ofMillis(50), 10);
        keys.put("hash-a", HARBOUR);

        assertThat(keys.get("hash-a")).contains(HARBOUR);
        assertThat(keys.get("hash-b")).isEmpty();
        Thread.sleep(80);
        assertThat(keys.get("hash-a")).as("after the TTL").isEmpty();
    }

    @Test
    void clearingForgetsEveryKey() {
        AuthenticatedKeys keys = new AuthenticatedKeys(Duration.ofMinutes(1), 10);
        keys.put("hash-a", HARBOUR);

        keys.clear();

        assertThat(keys.get("hash-a")).isEmpty();
    }

    @Test
    void aZeroTtlRemembersNothing() {
        AuthenticatedKeys keys = new AuthenticatedKeys(Duration.ZERO, 10);
        keys.put("hash-a", HARBOUR);

        assertThat(keys.get("hash-a")).isEmpty();
    }

    @Test
    void aFullCacheStartsOverInsteadOfGrowing() {
        AuthenticatedKeys keys = new AuthenticatedKeys(Duration.ofMinutes(1), 2);
        keys.put("hash-a", HARBOUR);
        keys.put("hash-b", HARBOUR);

        keys.put("hash-c", HARBOUR);

        assertThat(keys.get("hash-a")).isEmpty();
        assertThat(keys.get("hash-c")).contains(HARBOUR);
    }
}
