package org.newsflow.publish.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One attempt to deliver a webhook message: the delivery log. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_attempt_seq")
    @SequenceGenerator(name = "webhook_attempt_seq", sequenceName = "webhook_attempt_seq", allocationSize = 50)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public long deliveryId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    /** The receiver's HTTP status, or null when there was no answer. */
    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;
}
