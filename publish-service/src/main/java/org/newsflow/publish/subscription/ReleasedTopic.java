package org.newsflow.publish.subscription;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A Kafka-channel topic no live subscription writes to any more, and since when. */
@Entity
@Table(name = "released_topic")
public class ReleasedTopic extends PanacheEntityBase {

    @Id
    public String topic;

    @Column(name = "released_at", nullable = false)
    public Instant releasedAt;

    /** Notes that nobody writes to {@code topic} from now on (in the caller's transaction). */
    static void release(String topic) {
        if (topic == null || Subscription.count("kafkaTopic = ?1 and deletedAt is null", topic) > 1) {
            return;
        }
        ReleasedTopic released = findById(topic);
        if (released == null) {
            released = new ReleasedTopic();
            released.topic = topic;
        }
        released.releasedAt = Instant.now();
        released.persist();
    }

    /** A subscription writes to {@code topic} again: it is not to be deleted. */
    static void taken(String topic) {
        deleteById(topic);
    }

    static List<ReleasedTopic> releasedBefore(Instant cutoff, int limit) {
        return find("releasedAt < ?1 order by releasedAt", cutoff).page(0, limit).list();
    }
}
