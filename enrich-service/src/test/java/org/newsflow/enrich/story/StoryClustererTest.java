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

    @Test
    void reportsOfOneEventInTwoLanguagesShareAStoryThroughTheirNumbersAndSubject() {
        // given a Japanese and a Korean report of one ferry accident: names in their own scripts, only the death
        // toll and the top-level subject in common (weight 3: too little within one language)
        List<Name> japanese = List.of(new Name("海洋警察庁", Kind.ORGANISATION), new Name("country:KR", Kind.COUNTRY),
                new Name("number:137", Kind.NUMBER), new Name("subject:03000000", Kind.SUBJECT),
                new Name("language:ja", Kind.LANGUAGE));
        List<Name> korean = List.of(new Name("해양경찰청", Kind.ORGANISATION), new Name("김민수", Kind.PERSON),
                new Name("number:137", Kind.NUMBER), new Name("subject:03000000", Kind.SUBJECT),
                new Name("language:ko", Kind.LANGUAGE));
        String first = assign("ja-1", THURSDAY, japanese, null).storyId();

        // when the Korean report arrives the same day, then it joins
        assertThat(assign("ko-1", THURSDAY.plus(Duration.ofHours(3)), korean, null).storyId()).isEqualTo(first);
    }

    @Test
    void undatedReportsInTwoLanguagesNeedAsMuchInCommonAsReportsInOne() {
        // given the same two reports without dates: no time window bounds the weaker evidence
        List<Name> japanese = List.of(new Name("city:1838524", Kind.CITY), new Name("country:KR", Kind.COUNTRY),
                new Name("language:ja", Kind.LANGUAGE));
        List<Name> korean = List.of(new Name("city:1838524", Kind.CITY), new Name("country:KR", Kind.COUNTRY),
                new Name("language:ko", Kind.LANGUAGE));
        String first = assign("ja-1", null, japanese, null).storyId();

        assertThat(assign("ko-1", null, korean, null).storyId()).isNotEqualTo(first);
        List<Name> chinese = List.of(new Name("city:1838524", Kind.CITY), new Name("country:KR", Kind.COUNTRY),
                new Name("language:zh", Kind.LANGUAGE));
        assertThat(assign("zh-1", THURSDAY, chinese, null).storyId()).isNotEqualTo(first); // one side undated
    }

    @Test
    void betweenLanguagesANewsAgencyCreditAndACountryMakeNoStory() {
        // given two unrelated reports in two languages that both credit the same agency and name one country
        String first = assign("en-1", THURSDAY, List.of(new Name("Agence France-Presse", Kind.ORGANISATION),
                new Name("country:JP", Kind.COUNTRY), new Name("Harbour Fest", Kind.ORGANISATION),
                new Name("language:en", Kind.LANGUAGE)), null).storyId();

        String other = assign("ja-2", THURSDAY, List.of(new Name("Agence France-Presse", Kind.ORGANISATION),
                new Name("country:JP", Kind.COUNTRY), new Name("東京証券取引所", Kind.ORGANISATION),
                new Name("language:ja", Kind.LANGUAGE)), null).storyId();

        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aRussianAndATurkishReportOfOneDayShareAStoryThroughASurnameThatReadsAlikeInBothScripts() {
        // given a Russian and a Turkish report of one match: the striker's surname in Cyrillic and in Latin letters
        List<Name> russian = List.of(new Name("Андрей Карпенко", Kind.PERSON), new Name("country:UZ", Kind.COUNTRY),
                new Name("language:ru", Kind.LANGUAGE));
        List<Name> turkish = List.of(new Name("Andrey Karpenko", Kind.PERSON), new Name("country:UZ", Kind.COUNTRY),
                new Name("language:tr", Kind.LANGUAGE));
        String first = assign("ru-1", THURSDAY, russian, null).storyId();

        // when the Turkish report arrives the same day, then it joins; undated, the same names are not enough
        assertThat(assign("tr-1", THURSDAY.plus(Duration.ofHours(2)), turkish, null).storyId()).isEqualTo(first);
        String undated = assign("ru-2", null, List.of(new Name("Олег Бондаренко", Kind.PERSON),
                new Name("country:KZ", Kind.COUNTRY), new Name("language:ru", Kind.LANGUAGE)), null).storyId();
        assertThat(assign("tr-2", null, List.of(new Name("Oleg Bondarenko", Kind.PERSON),
                new Name("country:KZ", Kind.COUNTRY), new Name("language:tr", Kind.LANGUAGE)), null).storyId())
                .isNotEqualTo(undated);
    }

    @Test
    void anOrganisationNamedInFullMeetsItsInitialsAndASurnameRepeatedAloneMeetsAFullName() {
        String first = assign("wire-1", THURSDAY, List.of(new Name("Nordic Ferry Workers Union", Kind.ORGANISATION),
                new Name("Lena Halvorsen", Kind.PERSON)), null).storyId();

        // the second report writes "NFWU" and "Halvorsen" alone, as reports do after the first mention
        String second = assign("daily-2", THURSDAY.plus(Duration.ofHours(4)), List.of(new Name("NFWU", Kind.ORGANISATION),
                new Name("Halvorsen", Kind.SURNAME)), null).storyId();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void surnamesAreTheCapitalisedWordsRepeatedInMidSentenceButNotInGerman() {
        String italian = "Vince Rossetti. La finale tra Rossetti e Kowal dura tre ore, poi Kowal si arrende.\n"
                + "Il pubblico applaude Rossetti.";

        assertThat(RepeatedNames.in(italian, "it")).containsExactlyInAnyOrder("Rossetti", "Kowal");
        assertThat(RepeatedNames.in("Die Bahn und die Gewerkschaft einigen sich. Die Bahn zahlt mehr.", "de")).isEmpty();
    }

    private StoryClusterer.Assignment assign(String articleId, Instant seenAt, List<Name> names, String originalId) {
        return stories.assign(new ArticleContext(articleId, "urn:test:" + articleId, articleId, seenAt), names, originalId);
    }
}
