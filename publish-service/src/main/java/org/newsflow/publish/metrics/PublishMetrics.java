package org.newsflow.publish.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.publish.delivery.WebhookDelivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * publish-service's own Prometheus metrics (at /q/metrics, beside the JVM's, HTTP's and the Kafka clients', whose
 * {@code kafka_consumer_fetch_manager_records_lag} is the consumer lag): versions published, events set aside,
 * webhook attempts by outcome, and the webhook messages still waiting to be delivered.
 */
@ApplicationScoped
public class PublishMetrics {

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter deadLettered;

    PublishMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("newsflow.articles.published")
                .description("Versions published and emitted on articles.published").register(registry);
        this.deadLettered = Counter.builder("newsflow.events.dead.lettered").tag("topic", "articles.enriched")
                .description("Poison events set aside on articles.enriched.dlq").register(registry);
        Gauge.builder("newsflow.webhooks.pending", PublishMetrics::pendingWebhooks)
                .description("Webhook messages not yet delivered (the delivery backlog)").register(registry);
    }

    public void published() {
        published.increment();
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    /** One webhook (or Kafka-route) attempt: delivered, retry (will be tried again) or failed (given up). */
    public void webhookAttempt(String outcome) {
        registry.counter("newsflow.webhook.attempts", "outcome", outcome).increment();
    }

    private static double pendingWebhooks() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.count("status", WebhookDelivery.PENDING));
        } catch (RuntimeException e) {
            return Double.NaN; // the database is unreachable: no reading rather than a wrong one
        }
    }
}
