package org.newsflow.publish.feed;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.hibernate.Session;
import org.newsflow.publish.subscription.Subscription;

/**
 * The next position in each receiving subscription's feed, claimed inside the publishing transaction.
 *
 * <p>The subscriptions' rows are locked (in id order, so that two publishing transactions cannot deadlock) until
 * the transaction ends: two publish instances appending to the same feed take turns, and an entry becomes visible
 * only after every entry with a lower position — a reader's cursor can never move past an entry still to come.
 */
final class FeedPositions {

    /** The position each subscription's new entry takes, and which of them push (webhook or Kafka channel). */
    record Claimed(Map<String, Long> positions, Set<String> pushed) {
    }

    private FeedPositions() {
    }

    static Claimed claim(Collection<String> subscriptionIds) {
        Map<String, Long> positions = new HashMap<>();
        Set<String> pushed = new HashSet<>();
        Subscription.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select id, feed_length, channel in ('webhook', 'kafka') "
                    + "and status = 'active' and deleted_at is null from subscription where id = any(?) order by id for update")) {
                lock.setArray(1, connection.createArrayOf("varchar", subscriptionIds.toArray()));
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        positions.put(rows.getString(1), rows.getLong(2) + 1);
                        if (rows.getBoolean(3)) {
                            pushed.add(rows.getString(1));
                        }
                    }
                }
            }
            try (PreparedStatement advance = connection.prepareStatement("update subscription set feed_length = ? where id = ?")) {
                for (Map.Entry<String, Long> claimed : positions.entrySet()) {
                    advance.setLong(1, claimed.getValue());
                    advance.setString(2, claimed.getKey());
                    advance.addBatch();
                }
                advance.executeBatch();
            }
        });
        return new Claimed(positions, pushed);
    }
}
