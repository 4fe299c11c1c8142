package org.newsflow.ingest.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.ingest.outbox.OutboxEvent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * ingest-service's own Prometheus metrics (at /q/metrics, beside the JVM's, HTTP's and the Kafka clients'):
 * versions accepted (new or repeated), pushes refused by problem type, records set aside from the Kafka intake,
 * events this instance relayed, and the outbox backlog (accepted versions not yet on articles.submitted).
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("newsflow.outbox.backlog", IngestMetrics::outboxBacklog)
                .description("Accepted versions stored in the outbox, not yet on articles.submitted").register(registry);
    }

    /** A version accepted; {@code repeat}: the same version was already stored (answered, not stored again). */
    public void accepted(boolean repeat) {
        registry.counter("newsflow.articles.accepted", "repeat", Boolean.toString(repeat)).increment();
    }

    /** A request answered with a problem (its type's last segment, e.g. validation or unknown-api-key). */
    public void refused(String problemType, int status) {
        registry.counter("newsflow.ingest.problems", "type", problemType, "status", Integer.toString(status)).increment();
    }

    /** Events this instance's outbox relay sent and Kafka acknowledged. */
    public void relayed(int events) {
        registry.counter("newsflow.outbox.relayed").increment(events);
    }

    /** A record of articles.inbound set aside on articles.inbound.dlq. */
    public void deadLettered() {
        registry.counter("newsflow.events.dead.lettered", "topic", "articles.inbound").increment();
    }

    private static double outboxBacklog() {
        try {
            return QuarkusTransaction.requiringNew().call(OutboxEvent::backlog);
        } catch (RuntimeException e) {
            return Double.NaN; // the database is unreachable: no reading rather than a wrong one
        }
    }
}
