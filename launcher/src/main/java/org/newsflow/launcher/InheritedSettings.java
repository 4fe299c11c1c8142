package org.newsflow.launcher;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Newsflow, Quarkus and Kafka variables this run takes from the caller's shell. The services read them above
 * their own defaults, so a setting left over from a compose run (an admin token, a database, a port) changes what
 * starts: {@code up} and {@code demo} say which ones they use. Secret values are not printed.
 */
final class InheritedSettings {

    private static final String[] PREFIXES = { "NEWSFLOW_", "QUARKUS_", "KAFKA_" };
    private static final String[] SECRET_WORDS = { "TOKEN", "SECRET", "PASSWORD", "KEY" };

    static String describe(Map<String, String> environment) {
        return environment.entrySet().stream()
                .filter(variable -> inherited(variable.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(variable -> variable.getKey() + "=" + shown(variable.getKey(), variable.getValue()))
                .collect(Collectors.joining(", "));
    }

    static boolean inherited(String name) {
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String shown(String name, String value) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (upper.contains(word)) {
                return "(set, " + value.length() + " characters)";
            }
        }
        return value;
    }

    private InheritedSettings() {
    }
}
