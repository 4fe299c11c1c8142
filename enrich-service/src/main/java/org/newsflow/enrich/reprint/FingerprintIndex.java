package org.newsflow.enrich.reprint;

import java.time.Instant;
import java.util.List;

/**
 * Where the fingerprints of articles already seen are kept: enrich's database in the service, memory on the
 * command line. Looked up by sampled hash, so the work per article does not grow with the number of articles.
 */
public interface FingerprintIndex {

    /**
     * An indexed article. {@code original*} name the article it was itself found to copy (null for an original),
     * so that a copy of a copy links to the first.
     */
    record Entry(String articleId, String uri, String source, long[] samples, Instant seenAt,
            String originalArticleId, String originalUri, String originalSource) {
    }

    /** An indexed article sharing samples with the one looked up. */
    record Overlap(Entry entry, int shared) {
    }

    /**
     * Indexed articles, other than {@code exceptArticleId}, seen at or after {@code since} (or with no known
     * time), sharing at least {@code minShared} of {@code samples}; most shared first, at most {@code limit}.
     */
    List<Overlap> overlapping(long[] samples, Instant since, String exceptArticleId, int minShared, int limit);

    /** Adds an article, replacing what was indexed for an earlier version of it. */
    void add(Entry entry);

    /** The indexed article, or null. */
    Entry get(String articleId);
}
