package org.newsflow.platform.hop;

import java.time.Duration;

/**
 * How a hop tries an event again: back-off from {@code firstWait} doubling up to {@code longestWait}; an outage is
 * waited out however long it lasts, a bug is tried {@code bugAttempts} times in all before the event is set aside.
 * Every service reads it from the same properties ({@code newsflow.retry.*}).
 */
public record RetryPolicy(Duration firstWait, Duration longestWait, int bugAttempts) {

    public RetryPolicy {
        if (firstWait.isNegative() || firstWait.isZero() || longestWait.compareTo(firstWait) < 0 || bugAttempts < 1) {
            throw new IllegalArgumentException("newsflow.retry: first-wait > 0, longest-wait >= first-wait, bug-attempts >= 1");
        }
    }

    /** The policy every service reads: {@code newsflow.retry.first-wait} (200ms), {@code …longest-wait} (10s), {@code …bug-attempts} (3). */
    public static RetryPolicy from(org.eclipse.microprofile.config.Config config) {
        return new RetryPolicy(
                config.getOptionalValue("newsflow.retry.first-wait", Duration.class).orElse(Duration.ofMillis(200)),
                config.getOptionalValue("newsflow.retry.longest-wait", Duration.class).orElse(Duration.ofSeconds(10)),
                config.getOptionalValue("newsflow.retry.bug-attempts", Integer.class).orElse(3));
    }
}
