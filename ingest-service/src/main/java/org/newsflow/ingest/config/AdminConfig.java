package org.newsflow.ingest.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The admin API ({@code newsflow.admin.*}). */
@ConfigMapping(prefix = "newsflow.admin")
public interface AdminConfig {

    /** Bearer token of the admin API (env NEWSFLOW_ADMIN_TOKEN); without it the admin API is closed. */
    Optional<String> token();
}
