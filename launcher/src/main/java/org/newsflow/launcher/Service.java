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

    /** Instance {@code number} (from 1) of this service. */
    Instance instance(int number) {
        return new Instance(this, number);
    }

    /** Every instance of this service in the run. */
    java.util.List<Instance> instances(Settings settings) {
        return java.util.stream.IntStream.rangeClosed(1, settings.replicas()).mapToObj(this::instance).toList();
    }

    static Service named(String name) {
        for (Service service : values()) {
            if (service.module.equals(name) || service.module.equals(name + "-service")) {
                return service;
            }
        }
        throw Console.fail("unknown service '" + name + "': ingest, enrich or publish");
    }

    /** One running copy of a service: the first keeps the service's own name, port and log. */
    record Instance(Service service, int number) {

        String name() {
            return number == 1 ? service.module : service.module + "-" + number;
        }

        int port(Settings settings) {
            return service.port(settings) + Settings.INSTANCE_PORT_STEP * (number - 1);
        }

        String url(Settings settings) {
            return "http://localhost:" + port(settings);
        }
    }
}
