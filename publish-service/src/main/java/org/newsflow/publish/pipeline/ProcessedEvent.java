package org.newsflow.publish.pipeline;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Proof that an input event has had its effect; checked before doing the work again. {@code resultEventId} is
 * null when the event was consumed without emitting anything (a version older than the one published).
 */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    @Column(name = "result_event_id")
    public String resultEventId;

    public static Optional<ProcessedEvent> of(String eventId) {
        return findByIdOptional(eventId);
    }
}
