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
    void aCopyCutToItsFirstThirdIsStillLinkedToTheLongOriginal() {
        // given a long council report (about 1,400 words) and an outlet that runs only its first third
        String original = longCouncilReport(48);
        finder.findAndRemember(new ArticleContext("wire-2", "urn:test:wire-2", "Wire One", THURSDAY), original);

        Optional<Reprint> cut = finder.findAndRemember(new ArticleContext("gazette-8", "urn:test:gazette-8",
                "Gazette", THURSDAY.plus(Duration.ofHours(2))), longCouncilReport(16));

        // then the cut copy is found: its samples are compared with the original's over the range both keep
        assertThat(cut).map(Reprint::originalArticleId).contains("wire-2");
    }

    /** The first {@code sentences} sentences of one long report of our own, each with its own words. */
    private static String longCouncilReport(int sentences) {
        String[] speakers = { "Ingrid Solheim", "Pavel Horak", "Amara Diallo", "Lucia Ferreira", "Tomasz Wrona",
                "Helen Achterberg", "Rafael Okafor", "Mirela Ionescu" };
        String[] topics = { "harbour dredging", "school meals", "tram depot", "flood barrier", "library hours",
                "bus lanes", "street lighting", "sports hall" };
        String[] verbs = { "questioned", "defended", "postponed", "welcomed", "criticised", "amended" };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            text.append(String.format(java.util.Locale.ROOT,
                    "At item %d of the evening, %s %s the plan for the %s, which would cost %d kroner over %d years "
                            + "and serve %d households north of the %s quay. ",
                    i + 1, speakers[i % speakers.length], verbs[i % verbs.length], topics[(i * 3) % topics.length],
                    1_200_000 + 37_000 * i, 2 + i % 5, 310 + 17 * i, i % 2 == 0 ? "old" : "eastern"));
        }
        return text.toString();
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
