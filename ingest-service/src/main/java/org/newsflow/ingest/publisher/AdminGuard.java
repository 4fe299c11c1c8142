package org.newsflow.ingest.publisher;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.ingest.config.AdminConfig;
import org.newsflow.platform.admin.AdminToken;

/** Lets a request into the admin API only with {@code Authorization: Bearer <NEWSFLOW_ADMIN_TOKEN>} ({@link AdminToken}). */
@ApplicationScoped
public class AdminGuard {

    private final AdminToken token;

    AdminGuard(AdminConfig config) {
        this.token = new AdminToken(config.token(), "ingest-service");
    }

    public void check(String authorization) {
        token.check(authorization);
    }
}
