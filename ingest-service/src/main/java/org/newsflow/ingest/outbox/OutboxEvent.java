package org.newsflow.ingest.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.newsflow.platform.claim.KeyLanes;

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

    /** The first key of the relay's lane locks ("outb" in ASCII): one set of lanes per ingest database. */
    static final int RELAY_LANES = 0x6f757462;

    /** This round's lanes of the outbox (see {@link KeyLanes}): every article key falls in one. */
    public static KeyLanes.Held takeLanes(KeyLanes lanes, Duration wait) {
        return getEntityManager().unwrap(org.hibernate.Session.class)
                .doReturningWork(connection -> lanes.take(connection, wait));
    }

    /**
     * The oldest pending events in {@code lanes} that may be sent now, in the order they were written: read with
     * JDBC into detached events (the relay only sends them and deletes them by id).
     */
    public static List<OutboxEvent> oldest(int limit, KeyLanes.Held lanes) {
        String sql = "select id, event_id, event_type, topic, record_key, subject, submission_id, payload, created_at,"
                + " trace_parent from outbox_event where (available_at is null or available_at <= ?) and "
                + lanes.condition("record_key") + " order by id limit ?";
        return getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setTimestamp(1, Timestamp.from(Instant.now()));
                int next = lanes.bind(query, 2);
                query.setInt(next, limit);
                List<OutboxEvent> events = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        events.add(read(row));
                    }
                }
                return events;
            }
        });
    }

    private static OutboxEvent read(ResultSet row) throws SQLException {
        OutboxEvent event = new OutboxEvent();
        event.id = row.getLong("id");
        event.eventId = row.getString("event_id");
        event.eventType = row.getString("event_type");
        event.topic = row.getString("topic");
        event.recordKey = row.getString("record_key");
        event.subject = row.getString("subject");
        event.submissionId = row.getString("submission_id");
        event.payload = row.getString("payload");
        event.createdAt = row.getTimestamp("created_at").toInstant();
        event.traceParent = row.getString("trace_parent");
        return event;
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
