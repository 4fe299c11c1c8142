package org.newsflow.ingest.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The knobs of the intake ({@code newsflow.ingest.*}); defaults are documented in application.properties. */
@ConfigMapping(prefix = "newsflow.ingest")
public interface IngestConfig {

    /** Largest accepted request body, in bytes. Bigger bodies get 413. */
    @WithDefault("2097152")
    long maxBodyBytes();

    /** Deepest accepted JSON nesting; deeper documents are refused before they can exhaust the stack. */
    @WithDefault("64")
    int maxJsonDepth();

    /** Longest accepted article {@code uri}, in characters. */
    @WithDefault("2048")
    int maxUriLength();

    /** Publisher id given to pushes until publisher authentication is configured. */
    @WithDefault("anonymous")
    String defaultPublisher();

    /** CloudEvents {@code source} of the events this service emits. */
    @WithDefault("/newsflow/ingest-service")
    URI eventSource();
}
