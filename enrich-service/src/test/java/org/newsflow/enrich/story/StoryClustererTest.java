package org.newsflow.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsflow.enrich.config.StandaloneConfig;
import org.newsflow.enrich.story.StoryClusterer.Kind;
import org.newsflow.enrich.story.StoryClusterer.Name;
import org.newsflow.enrich.text.ArticleContext;

class StoryClustererTest {

    private static final Instant THURSDAY = Instant.parse("2026-11-27T06:00:00Z");
    private static final List<Name> FIRE = List.of(new Name("Marta Okonkwo", Kind.PERSON),
            new Name("Tomas Lindqvist", Kind.PERSON), new Name("Aldane Fishermen's Cooperative", Kind.ORGANISATION),
            new Name("Port Aldane", Kind.CITY), new Name("Norway", Kind.COUNTRY));

    private final StoryClusterer stories = new StoryClusterer(StandaloneConfig.load(), new InMemoryStoryIndex());

    @Test
    void reportsFromTwoOutletsNamingTheSamePeopleShareAStory() {
        String first = assign("wire-1", THURSDAY, FIRE, null).storyId();

        StoryClusterer.Assignment second = assign("daily-3", THURSDAY.plus(Duration.ofHours(6)),
                List.of(new Name("Okonkwo", Kind.PERSON), new Name("Tomas Lindqvist", Kind.PERSON),
                        new Name("Port Aldane", Kind.CITY)), null);

        assertThat(second.storyId()).isEqualTo(first);
        assertThat(second.joinedArticleId()).isEqualTo("wire-1");
        assertThat(second.similarity()).isBetween(0.3, 1.0);
    }

    @Test
    void theSameNamesMonthsLaterMakeANewStory() {
        String first = assign("wire-1", THURSDAY, FIRE, null).storyId();

        String later = assign("wire-2", THURSDAY.plus(Duration.ofDays(150)), FIRE, null).storyId();

        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void articlesSharingOnlyACountryAreDifferentStories() {
        String first = assign("wire-1", THURSDAY, FIRE, null).storyId();

        String other = assign("wire-2", THURSDAY, List.of(new Name("Norway", Kind.COUNTRY),
                new Name("Erna Solberg", Kind.PERSON), new Name("Storting", Kind.ORGANISATION)), null).storyId();

        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aReprintJoinsItsOriginalsStoryAndAnUpdateKeepsItsStory() {
        String first = assign("wire-1", THURSDAY, FIRE, null).storyId();

        assertThat(assign("copy-5", THURSDAY, List.of(), "wire-1").storyId()).isEqualTo(first);
        assertThat(assign("wire-1", THURSDAY, List.of(new Name("Someone Else", Kind.PERSON)), null).storyId())
                .isEqualTo(first);
    }

    private StoryClusterer.Assignment assign(String articleId, Instant seenAt, List<Name> names, String originalId) {
        return stories.assign(new ArticleContext(articleId, "urn:test:" + articleId, articleId, seenAt), names, originalId);
    }
}
