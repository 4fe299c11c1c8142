package org.newsflow.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Wrong guesses beyond the limit make the guesser wait until the window has passed. */
class FailedAttemptsTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theEleventhWrongGuessInAMinuteWaitsUntilTheFirstHasAgedOut() {
        TestClock clock = new TestClock();
        FailedAttempts attempts = new FailedAttempts(10, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 10; i++) {
            assertThat(attempts.retryAfterSeconds()).isZero();
            attempts.failed();
            clock.now = clock.now.plusSeconds(1);
        }

        assertThat(attempts.retryAfterSeconds()).isEqualTo(50); // the first guess, at :00, ages out at 1:00

        clock.now = clock.now.plusSeconds(50);
        assertThat(attempts.retryAfterSeconds()).isZero();
    }
}
