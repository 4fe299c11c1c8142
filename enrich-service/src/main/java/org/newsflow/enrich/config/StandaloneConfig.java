package org.newsflow.enrich.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The enrichment configuration outside Quarkus (the command line, plain unit tests): the same
 * application.properties and the same defaults as the service, plus system properties and environment variables.
 */
public final class StandaloneConfig {

    public static EnrichConfig load() {
        try {
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                    .addDefaultSources()
                    .withMapping(EnrichConfig.class)
                    .withValidateUnknown(false);
            URL properties = StandaloneConfig.class.getClassLoader().getResource("application.properties");
            if (properties != null) {
                builder.withSources(new PropertiesConfigSource(properties, 250));
            }
            SmallRyeConfig config = builder.build();
            return config.getConfigMapping(EnrichConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
    }

    private StandaloneConfig() {
    }
}
