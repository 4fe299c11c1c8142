package org.newsflow.enrich.reprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.newsflow.contract.Reprint;
import org.newsflow.enrich.config.StandaloneConfig;
import org.newsflow.enrich.support.TestArticles;
import org.newsflow.enrich.text.ArticleContext;

class NearDuplicateFinderTest {

    private static final Instant THURSDAY = Instant.parse("2026-11-27T06:00:00Z");

    private final NearDuplicateFinder finder = new NearDuplicateFinder(StandaloneConfig.load(), new InMemoryFingerprintIndex());

    @Test
    void aCopyWithANewLedeAndAnExtraParagraphIsLinkedToItsOriginal() {
        see("wire-1", "harbour-fire-original", THURSDAY);

        Optional<Reprint> copy = see("gazette-7", "harbour-fire-copy", THURSDAY.plus(Duration.ofHours(3)));

        assertThat(copy).isPresent();
        assertThat(copy.get().originalArticleId()).isEqualTo("wire-1");
        assertThat(copy.get().originalUri()).isEqualTo("urn:test:wire-1");
        assertThat(copy.get().originalSource()).isEqualTo("Wire One");
        assertThat(copy.get().containment()).isBetween(0.5, 1.0);
    }

    @Test
    void anIndependentReportOfTheSameEventIsNoReprint() {
        see("wire-1", "harbour-fire-original", THURSDAY);

        assertThat(see("daily-3", "harbour-fire-report", THURSDAY.plus(Duration.ofHours(6)))).isEmpty();
    }

    @Test
    void aCopyOfACopyNamesTheFirstOriginal() {
        see("wire-1", "harbour-fire-original", THURSDAY);
        see("gazette-7", "harbour-fire-copy", THURSDAY.plus(Duration.ofHours(3)));

        Optional<Reprint> second = see("aggregator-9", "harbour-fire-copy", THURSDAY.plus(Duration.ofHours(5)));

        assertThat(second).map(Reprint::originalArticleId).contains("wire-1");
    }

    @Test
    void anUpdatedVersionIsNotAReprintOfItself() {
        see("wire-1", "harbour-fire-original", THURSDAY);

        assertThat(see("wire-1", "harbour-fire-original", THURSDAY)).isEmpty();
    }

    @Test
    void anOriginalOutsideTheWindowIsForgotten() {
        see("wire-1", "harbour-fire-original", THURSDAY.minus(Duration.ofDays(45)));

        assertThat(see("gazette-7", "harbour-fire-copy", THURSDAY)).isEmpty();
    }

    @Test
    void theSampleDoesNotGrowWithTheText() {
        String longText = String.join(" ", java.util.Collections.nCopies(50,
                TestArticles.text("harbour-fire-report").body())) + " " + TestArticles.text("harbour-fire-original").body();

        assertThat(ContentFingerprint.of(longText, 4, 8, 48).size()).isLessThanOrEqualTo(48);
    }

    private Optional<Reprint> see(String articleId, String article, Instant seenAt) {
        String source = articleId.equals("wire-1") ? "Wire One" : articleId;
        return finder.findAndRemember(new ArticleContext(articleId, "urn:test:" + articleId, source, seenAt),
                TestArticles.text(article).body());
    }
}
