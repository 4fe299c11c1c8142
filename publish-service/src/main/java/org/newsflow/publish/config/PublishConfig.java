package org.newsflow.publish.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The knobs of publication ({@code newsflow.publish.*}); defaults are documented in application.properties. */
@ConfigMapping(prefix = "newsflow.publish")
public interface PublishConfig {

    /** CloudEvents {@code source} of the events this service emits. */
    @WithDefault("/newsflow/publish-service")
    URI eventSource();
}
