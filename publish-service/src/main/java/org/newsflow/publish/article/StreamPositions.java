package org.newsflow.publish.article;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.hibernate.Session;

/**
 * Positions in the live stream's one order, claimed by a publishing transaction for the versions it may store.
 *
 * <p>The counter's row stays locked until the transaction ends, so publishing transactions of all publish instances
 * take turns and their versions become visible in the order of their positions: a stream that has read position n
 * will never see a lower one appear later. A batch claims one position per input up front (inputs that turn out to
 * be repeats leave a gap, which streams do not mind); taking the lock first in every publishing transaction also
 * means their later row locks (the subscriptions' feed positions) are never taken in crossing orders.
 */
public final class StreamPositions {

    private StreamPositions() {
    }

    /** The first of {@code count} positions now held by this transaction. */
    public static long claim(int count) {
        return ArticleVersion.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement advance = connection.prepareStatement(
                    "update stream_counter set length = length + ? where id = 1")) {
                advance.setLong(1, count);
                advance.executeUpdate();
            }
            try (PreparedStatement read = connection.prepareStatement("select length from stream_counter where id = 1");
                    ResultSet row = read.executeQuery()) {
                row.next();
                return row.getLong(1) - count + 1;
            }
        });
    }
}
