package org.newsflow.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The application's {@code kafka.*} settings (Quarkus's {@code default-kafka-broker} map: bootstrap servers,
 * security, limits) for a client a service builds itself, so that SASL, TLS and the record size apply to it as to
 * every channel. Only the keys the client type knows are kept, so that it does not warn about the others.
 */
public final class KafkaClientSettings {

    /** The settings among {@code kafka} that a client with {@code knownNames} (e.g. {@code ProducerConfig.configNames()}) takes. */
    public static Map<String, Object> forClient(Map<String, Object> kafka, Set<String> knownNames) {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (knownNames.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    private KafkaClientSettings() {
    }
}
