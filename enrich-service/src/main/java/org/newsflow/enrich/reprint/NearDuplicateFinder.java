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
        Optional<Reprint> reprint = overlaps.stream()
                .map(o -> new Scored(o, (double) o.shared() / Math.max(1, Math.min(fingerprint.size(), o.entry().samples().length))))
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
