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
 * null when the event was consumed without emitting anything (a version older than the one published);
 * {@code emittedAt} says that the result is on Kafka, so a redelivery need not send it again.
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

    /** When Kafka acknowledged the result event; null until then (or for a database from before this column). */
    @Column(name = "emitted_at")
    public Instant emittedAt;

    public static Optional<ProcessedEvent> of(String eventId) {
        return findByIdOptional(eventId);
    }
}
