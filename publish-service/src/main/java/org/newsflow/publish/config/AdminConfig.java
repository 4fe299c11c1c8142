package org.newsflow.publish.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The admin API ({@code newsflow.admin.*}), the same token as ingest-service's. */
@ConfigMapping(prefix = "newsflow.admin")
public interface AdminConfig {

    /** Bearer token of the admin API (env NEWSFLOW_ADMIN_TOKEN); without it the admin API is closed. */
    Optional<String> token();
}
