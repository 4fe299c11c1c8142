package org.newsflow.platform.db;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the planner statistics of the service's database fresh where the server does not (see
 * {@link PlannerStatistics}): one bean for every service, from {@code newsflow.db.analyze-every} (2m).
 */
@ApplicationScoped
public class PlannerStatisticsUpkeep {

    @Inject
    DataSource database;

    @ConfigProperty(name = "newsflow.db.analyze-every", defaultValue = "2m")
    Duration every;

    private PlannerStatistics statistics;

    void onStart(@Observes StartupEvent started) {
        statistics = PlannerStatistics.keep(database, every);
    }

    @PreDestroy
    void stop() {
        if (statistics != null) {
            statistics.close();
        }
    }
}
