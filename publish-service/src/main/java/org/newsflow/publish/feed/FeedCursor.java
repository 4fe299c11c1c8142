package org.newsflow.publish.feed;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.publish.config.PublishConfig;
import org.newsflow.publish.problem.ProblemException;

/**
 * Opaque feed cursors: the position in one subscription's feed, signed (HMAC-SHA256 with
 * {@code newsflow.publish.cursor-secret}) so that a cursor cannot be forged, altered or used for another
 * subscription. A position is the sequence number of the last entry read; entries are never renumbered, so
 * pages have no gaps and no repeats while articles keep arriving.
 */
@ApplicationScoped
public class FeedCursor {

    private final byte[] secret;

    FeedCursor(PublishConfig config) {
        if (config.cursorSecret().strip().length() < 16) {
            throw new IllegalStateException("newsflow.publish.cursor-secret (NEWSFLOW_PUBLISH_CURSOR_SECRET) must be at "
                    + "least 16 characters: it signs feed cursors");
        }
        this.secret = config.cursorSecret().getBytes(StandardCharsets.UTF_8);
    }

    public String encode(String subscriptionId, long seq) {
        String position = Long.toString(seq, 36);
        return position + "." + signature(subscriptionId, position);
    }

    /** The position a cursor points at; a cursor that is not this subscription's own is a 400 problem. */
    public long decode(String subscriptionId, String cursor) {
        int dot = cursor.indexOf('.');
        if (dot <= 0 || cursor.length() > 100) {
            throw invalid();
        }
        String position = cursor.substring(0, dot);
        byte[] given = cursor.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, signature(subscriptionId, position).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        try {
            return Long.parseLong(position, 36);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("query:cursor", "feed-cursor",
                "the cursor was not issued for this subscription's feed; start without one or use the next cursor of a page");
    }

    private String signature(String subscriptionId, String position) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((subscriptionId + ":" + position).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
