package org.newsflow.publish.operations;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the console's pipeline page watches ({@code newsflow.console.*}). */
@ConfigMapping(prefix = "newsflow.console")
public interface OperationsConfig {

    /** Topics whose growth the pipeline page charts. */
    @WithDefault("articles.inbound,articles.submitted,articles.enriched,articles.published,"
            + "articles.inbound.dlq,articles.submitted.dlq,articles.enriched.dlq")
    List<String> topics();

    /** Readiness URL of each other service, by name (publish-service reports its own). */
    Map<String, URI> services();
}
