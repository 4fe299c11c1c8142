package org.newsflow.enrich.index;

/**
 * Recognises keys that occur in too many recent articles to tell any apart — boilerplate word sequences, a name
 * in every article of the week — so that the indexes neither store nor look them up, and the work per article
 * stays bounded however large the index grows. A count-min sketch of fixed memory (4 × 65,536 counters) counts
 * each key; all counts are halved every {@code halvingEvery} additions, so that "recent" keeps meaning recent.
 */
public final class HotKeys {

    private static final int DEPTH = 4;
    private static final int WIDTH = 1 << 16;

    private final int[][] counts = new int[DEPTH][WIDTH];
    private final int threshold;
    private final int halvingEvery;
    private int added;

    public HotKeys(int threshold, int halvingEvery) {
        this.threshold = threshold;
        this.halvingEvery = halvingEvery;
    }

    /** Counts one more occurrence of {@code key}; true when the key has become too common to index. */
    public synchronized boolean addAndCheck(long key) {
        int estimate = Integer.MAX_VALUE;
        for (int row = 0; row < DEPTH; row++) {
            int slot = slot(key, row);
            counts[row][slot]++;
            estimate = Math.min(estimate, counts[row][slot]);
        }
        if (++added >= halvingEvery) {
            added = 0;
            for (int[] row : counts) {
                for (int i = 0; i < row.length; i++) {
                    row[i] >>>= 1;
                }
            }
        }
        return estimate > threshold;
    }

    /** Whether {@code key} is too common, without counting it. */
    public synchronized boolean isHot(long key) {
        int estimate = Integer.MAX_VALUE;
        for (int row = 0; row < DEPTH; row++) {
            estimate = Math.min(estimate, counts[row][slot(key, row)]);
        }
        return estimate > threshold;
    }

    public static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    private static int slot(long key, int row) {
        long mixed = (key ^ (0x9E3779B97F4A7C15L * (row + 1))) * 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 31;
        return (int) (mixed & (WIDTH - 1));
    }
}
