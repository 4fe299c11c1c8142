package org.newsflow.ingest.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event committed together with the change it announces, waiting for {@link OutboxRelay} to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    /** CloudEvents subject: the article id. */
    @Column(nullable = false)
    public String subject;

    @Column(name = "submission_id", nullable = false)
    public String submissionId;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** W3C traceparent of the push (OpenTelemetry), sent on as the record's traceparent header; null without tracing. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** Not sent before this instant (an embargoed article); null: at once. */
    @Column(name = "available_at")
    public java.time.Instant availableAt;

    /** The advisory-lock key of the relay's turn ("outbox" in ASCII): one relay at a time per ingest database. */
    static final long RELAY_TURN = 0x6f7574626f78L;

    /** Whether this transaction holds the relay's turn (no other instance relays until it ends). */
    public static boolean takeRelayTurn() {
        return getEntityManager().unwrap(org.hibernate.Session.class)
                .doReturningWork(connection -> org.newsflow.platform.claim.ExclusiveTurn.take(connection, RELAY_TURN));
    }

    /** The oldest pending events that may be sent now, in the order they were written. */
    public static List<OutboxEvent> oldest(int limit) {
        return find("availableAt is null or availableAt <= ?1 order by id", java.time.Instant.now()).page(0, limit).list();
    }

    public static long backlog() {
        return count();
    }

    /** Removes relayed events: one JDBC batch (a bulk HQL delete is translated anew on every call). */
    public static void deleteRelayed(List<Long> ids) {
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id = ?")) {
                for (long id : ids) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        });
    }
}
