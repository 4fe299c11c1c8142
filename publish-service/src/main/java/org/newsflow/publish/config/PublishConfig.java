package org.newsflow.publish.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The knobs of publication ({@code newsflow.publish.*}); defaults are documented in application.properties. */
@ConfigMapping(prefix = "newsflow.publish")
public interface PublishConfig {

    /**
     * Key that signs feed cursors, so that a cursor cannot be forged or used for another subscription (env
     * NEWSFLOW_PUBLISH_CURSOR_SECRET). Set it in production; changing it invalidates cursors handed out.
     */
    @WithDefault("newsflow-local-cursor-secret")
    String cursorSecret();

    /** Most feed items per page. */
    @WithDefault("100")
    int feedMaxPage();

    /** CloudEvents {@code source} of the events this service emits. */
    @WithDefault("/newsflow/publish-service")
    URI eventSource();
}
