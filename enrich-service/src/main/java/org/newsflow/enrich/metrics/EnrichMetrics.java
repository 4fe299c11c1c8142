package org.newsflow.enrich.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.enrich.pipeline.StepTimes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * enrich-service's own Prometheus metrics (at /q/metrics, beside the JVM's, HTTP's and the Kafka clients', whose
 * {@code kafka_consumer_fetch_manager_records_lag} is the consumer lag): articles enriched, events set aside, and
 * the time of each enrichment step.
 */
@ApplicationScoped
public class EnrichMetrics {

    private final MeterRegistry registry;
    private final Counter enriched;
    private final Counter deadLettered;
    private final Map<String, Timer> steps = new ConcurrentHashMap<>();
    private final StepTimes stepTimes = new StepTimes() {
        @Override
        public <T> T time(String step, Supplier<T> work) {
            long start = System.nanoTime();
            try {
                return work.get();
            } finally {
                stepTimer(step).record(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    };

    EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = Counter.builder("newsflow.articles.enriched")
                .description("Versions enriched and emitted on articles.enriched").register(registry);
        this.deadLettered = Counter.builder("newsflow.events.dead.lettered").tag("topic", "articles.submitted")
                .description("Poison events set aside on articles.submitted.dlq").register(registry);
    }

    /** Times each step of the enrichment into {@code newsflow_enrichment_step_seconds{step=...}}. */
    public StepTimes steps() {
        return stepTimes;
    }

    public void enriched() {
        enriched.increment();
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    private Timer stepTimer(String step) {
        return steps.computeIfAbsent(step, name -> Timer.builder("newsflow.enrichment.step").tag("step", name)
                .description("Time of one enrichment step for one article").publishPercentiles(0.5, 0.99)
                .register(registry));
    }
}
