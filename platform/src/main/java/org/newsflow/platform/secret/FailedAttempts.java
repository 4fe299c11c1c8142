package org.newsflow.platform.secret;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts wrong guesses of a token in a sliding window; above the limit every further attempt is refused until the
 * window has passed, so that a token cannot be guessed at the speed of the network. Per instance.
 */
public final class FailedAttempts {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Deque<Long> failures = new ArrayDeque<>();

    public FailedAttempts(int limit, Duration window) {
        this(limit, window, Clock.systemUTC());
    }

    FailedAttempts(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds to wait before another attempt is heard; 0 when one may be made now. */
    public synchronized long retryAfterSeconds() {
        long now = clock.millis();
        forgetBefore(now - window.toMillis());
        if (failures.size() < limit) {
            return 0;
        }
        return Math.max(1, (failures.peekFirst() + window.toMillis() - now + 999) / 1000);
    }

    public synchronized void failed() {
        failures.addLast(clock.millis());
        while (failures.size() > limit) {
            failures.removeFirst();
        }
    }

    private void forgetBefore(long cutoff) {
        while (!failures.isEmpty() && failures.peekFirst() <= cutoff) {
            failures.removeFirst();
        }
    }
}
