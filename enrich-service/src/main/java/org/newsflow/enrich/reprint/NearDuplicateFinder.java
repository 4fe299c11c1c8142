package org.newsflow.enrich.reprint;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.Reprint;
import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.text.ArticleContext;

/**
 * Finds the earlier article that an article copies or nearly copies, from any publisher, and remembers the
 * article for those that come after it. Two texts match when most of the shorter one's sampled shingles occur
 * in the other (containment), so that a copy with a new lede or extra paragraphs still matches its original,
 * while independent reports sharing a quote do not.
 */
@ApplicationScoped
public class NearDuplicateFinder {

    public static final String METHOD = "shingle-containment";
    private static final int MAX_CANDIDATES = 10;

    private final EnrichConfig.Reprints config;
    private final FingerprintIndex index;
    /** Word sequences in more than 64 recent articles (boilerplate) are neither stored nor looked up. */
    private final org.newsflow.enrich.index.HotKeys common = new org.newsflow.enrich.index.HotKeys(64, 200_000);

    public NearDuplicateFinder(EnrichConfig config, FingerprintIndex index) {
        this.config = config.reprints();
        this.index = index;
    }

    /** The original this article copies, if any; the article is indexed either way. */
    public Optional<Reprint> findAndRemember(ArticleContext article, String text) {
        ContentFingerprint all = ContentFingerprint.of(text, config.shingleWords(), config.sampleRate(),
                config.maxSamples());
        ContentFingerprint fingerprint = new ContentFingerprint(java.util.Arrays.stream(all.samples())
                .filter(sample -> !common.addAndCheck(sample)).toArray());
        var since = article.seenAt() == null ? null : article.seenAt().minus(config.window());
        List<FingerprintIndex.Overlap> overlaps = index.overlapping(fingerprint.samples(), since, article.articleId(),
                config.minShared(), MAX_CANDIDATES);
        long mineUpTo = all.size() >= config.maxSamples() ? all.samples()[all.size() - 1] : Long.MAX_VALUE;
        Optional<Reprint> reprint = overlaps.stream()
                .map(o -> new Scored(o, containment(fingerprint.samples(), mineUpTo, o.entry().samples(), config)))
                .filter(s -> s.containment() >= config.minContainment())
                .max(Comparator.comparingDouble(Scored::containment).thenComparing(Scored::earlier))
                .map(NearDuplicateFinder::toReprint);
        FingerprintIndex.Entry previous = index.get(article.articleId());
        if (reprint.isEmpty() && previous != null && previous.originalArticleId() != null) {
            // an update of a copy stays a copy of the same original, even when its text has drifted
            reprint = Optional.of(new Reprint(previous.originalArticleId(), previous.originalUri(),
                    previous.originalSource(), 0, 0));
        }
        index.add(new FingerprintIndex.Entry(article.articleId(), article.uri(), article.source(), fingerprint.samples(),
                article.seenAt(), reprint.map(Reprint::originalArticleId).orElse(null),
                reprint.map(Reprint::originalUri).orElse(null), reprint.map(Reprint::originalSource).orElse(null)));
        return reprint;
    }

    /**
     * The share of the smaller fingerprint found in the other, counted over the hashes both kept: a fingerprint
     * holds only its text's smallest sampled hashes, so a long original keeps fewer of the hashes of a copy cut to
     * its first third than the copy itself does — above the smaller of the two fingerprints' largest kept hash,
     * an absence proves nothing. {@code mineUpTo} is the largest hash the new text kept (before hot hashes were
     * left out), or {@code Long.MAX_VALUE} when it kept them all.
     */
    static double containment(long[] mine, long mineUpTo, long[] theirs, EnrichConfig.Reprints config) {
        long upTo = mineUpTo;
        if (theirs.length >= config.maxSamples()) {
            upTo = Math.min(upTo, theirs[theirs.length - 1]);
        }
        int mineInRange = 0;
        int shared = 0;
        for (long sample : mine) {
            if (sample <= upTo) {
                mineInRange++;
                shared += java.util.Arrays.binarySearch(theirs, sample) >= 0 ? 1 : 0;
            }
        }
        int theirsInRange = 0;
        for (long sample : theirs) {
            theirsInRange += sample <= upTo ? 1 : 0;
        }
        if (shared < config.minShared()) {
            return 0;
        }
        return (double) shared / Math.max(1, Math.min(mineInRange, theirsInRange));
    }

    private record Scored(FingerprintIndex.Overlap overlap, double containment) {
        /** Orders an earlier-seen candidate above a later one. */
        long earlier() {
            var seen = overlap.entry().seenAt();
            return seen == null ? 0 : -seen.toEpochMilli();
        }
    }

    private static Reprint toReprint(Scored scored) {
        FingerprintIndex.Entry match = scored.overlap().entry();
        double containment = Math.min(1.0, Math.round(scored.containment() * 1000) / 1000.0);
        if (match.originalArticleId() != null) {
            return new Reprint(match.originalArticleId(), match.originalUri(), match.originalSource(), containment,
                    scored.overlap().shared());
        }
        return new Reprint(match.articleId(), match.uri(), match.source(), containment, scored.overlap().shared());
    }
}
