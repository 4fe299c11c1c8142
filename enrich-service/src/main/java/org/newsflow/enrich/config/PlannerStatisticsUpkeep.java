package org.newsflow.enrich.config;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsflow.platform.db.PlannerStatistics;

import io.quarkus.runtime.StartupEvent;

/** Keeps planner statistics of this service's database fresh where the server does not (see {@link PlannerStatistics}). */
@ApplicationScoped
class PlannerStatisticsUpkeep {

    private PlannerStatistics statistics;

    void onStart(@Observes StartupEvent start, DataSource database,
            @ConfigProperty(name = "newsflow.db.analyze-every", defaultValue = "2m") Duration every) {
        statistics = PlannerStatistics.keep(database, every);
    }

    @PreDestroy
    void stop() {
        if (statistics != null) {
            statistics.close();
        }
    }
}
