package org.newsflow.enrich.record;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Proof that an input event has had its effect; checked before doing the work again. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    @Column(name = "result_event_id", nullable = false)
    public String resultEventId;

    /** When Kafka acknowledged the result event; null until then. */
    @Column(name = "emitted_at")
    public Instant emittedAt;

    public static Optional<ProcessedEvent> of(String eventId) {
        return findByIdOptional(eventId);
    }
}
