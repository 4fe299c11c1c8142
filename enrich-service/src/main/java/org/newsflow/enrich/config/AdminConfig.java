package org.newsflow.enrich.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** enrich-service's operator API ({@code newsflow.admin.*}). */
@ConfigMapping(prefix = "newsflow.admin")
public interface AdminConfig {

    /**
     * Bearer token of the operator endpoints (the enrichment explanations; env NEWSFLOW_ADMIN_TOKEN, this service's
     * own); without it they are closed. Consumers see the same explanations through publish's /versions.
     */
    Optional<String> token();
}
