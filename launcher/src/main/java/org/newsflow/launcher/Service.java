package org.newsflow.launcher;

import java.nio.file.Path;

/** One of the three Newsflow services as the launcher runs it. */
enum Service {
    INGEST("ingest-service", "newsflow_ingest"),
    ENRICH("enrich-service", "newsflow_enrich"),
    PUBLISH("publish-service", "newsflow_publish");

    final String module;
    final String database;

    Service(String module, String database) {
        this.module = module;
        this.database = database;
    }

    int port(Settings settings) {
        return switch (this) {
            case INGEST -> settings.ingestPort();
            case ENRICH -> settings.enrichPort();
            case PUBLISH -> settings.publishPort();
        };
    }

    /** The runnable of the build variant: H2 builds go to target/local-app, PostgreSQL ones to target/quarkus-app. */
    Path runner(Settings settings) {
        String folder = settings.db() == Settings.Database.H2 ? "local-app" : "quarkus-app";
        return settings.home().resolve(module).resolve("target").resolve(folder).resolve("quarkus-run.jar");
    }

    String url(Settings settings) {
        return "http://localhost:" + port(settings);
    }
}
