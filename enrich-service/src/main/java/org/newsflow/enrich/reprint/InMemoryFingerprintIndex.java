package org.newsflow.enrich.reprint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fingerprint index of one command-line run (and of unit tests). */
public final class InMemoryFingerprintIndex implements FingerprintIndex {

    private static final int MAX_BUCKET = 16;

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<Long, Set<String>> bySample = new HashMap<>();

    @Override
    public List<Overlap> overlapping(long[] samples, Instant since, String exceptArticleId, int minShared, int limit) {
        Map<String, Integer> shared = new HashMap<>();
        for (long sample : samples) {
            for (String articleId : bySample.getOrDefault(sample, Set.of())) {
                shared.merge(articleId, 1, Integer::sum);
            }
        }
        List<Overlap> overlaps = new ArrayList<>();
        shared.forEach((articleId, count) -> {
            Entry entry = entries.get(articleId);
            boolean recent = since == null || entry.seenAt() == null || !entry.seenAt().isBefore(since);
            if (count >= minShared && recent && !articleId.equals(exceptArticleId)) {
                overlaps.add(new Overlap(entry, count));
            }
        });
        overlaps.sort(Comparator.comparingInt(Overlap::shared).reversed().thenComparing(o -> o.entry().articleId()));
        return overlaps.size() > limit ? overlaps.subList(0, limit) : overlaps;
    }

    @Override
    public void add(Entry entry) {
        Entry previous = entries.put(entry.articleId(), entry);
        if (previous != null) {
            for (long sample : previous.samples()) {
                bySample.getOrDefault(sample, Set.of()).remove(previous.articleId());
            }
        }
        for (long sample : entry.samples()) {
            Set<String> bucket = bySample.computeIfAbsent(sample, s -> new LinkedHashSet<>());
            bucket.add(entry.articleId());
            if (bucket.size() > MAX_BUCKET) { // a word sequence in every article (boilerplate) tells no copy apart
                bucket.remove(bucket.iterator().next());
            }
        }
    }

    @Override
    public Entry get(String articleId) {
        return entries.get(articleId);
    }
}
