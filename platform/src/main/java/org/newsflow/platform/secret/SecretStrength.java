package org.newsflow.platform.secret;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a configured secret (admin token, secrets key, cursor key) can be taken seriously outside dev and test:
 * long enough, not a template's placeholder ({@code replace-me-with-32-random-characters} is 36 characters), and
 * not one character repeated. It cannot measure randomness; it refuses what is certainly not random.
 */
public final class SecretStrength {

    /** Fewer different characters than this is not a random value of the lengths asked for. */
    static final int MIN_DISTINCT_CHARACTERS = 10;
    private static final List<String> PLACEHOLDER_WORDS = List.of("replace", "change", "example", "placeholder", "your-",
            "your_", "todo", "xxxx", "<", ">", "secret-here", "not-for-production");

    /** Why {@code value} is too weak for {@code name}, or empty when it will do. */
    public static Optional<String> weakness(String name, String value, int minLength) {
        String secret = value == null ? "" : value.strip();
        if (secret.length() < minLength) {
            return Optional.of(name + " must be at least " + minLength + " characters long (it has " + secret.length() + ")");
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        for (String word : PLACEHOLDER_WORDS) {
            if (lower.contains(word)) {
                return Optional.of(name + " looks like a placeholder (it contains \"" + word + "\"): set a random value");
            }
        }
        if (secret.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of(name + " has fewer than " + MIN_DISTINCT_CHARACTERS + " different characters: set a random value");
        }
        return Optional.empty();
    }

    /** Stops the start with the reason when {@code value} is too weak. */
    public static void require(String name, String value, int minLength) {
        weakness(name, value, minLength).ifPresent(reason -> {
            throw new IllegalStateException(reason + " (for example: openssl rand -base64 " + Math.max(24, minLength) + ")");
        });
    }

    private SecretStrength() {
    }
}
