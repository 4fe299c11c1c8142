package org.newsflow.enrich.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsflow.enrich.subjects.SubjectClassifier.Subject;
import org.newsflow.enrich.text.ArticleText;

class SubjectClassifierTest {

    private static final SubjectClassifier CLASSIFIER = new SubjectClassifier();

    @Test
    void aCourtStoryIsAboutCrimeLawAndJustice() {
        List<Subject> subjects = CLASSIFIER.classify(new ArticleText("Jury convicts harbour boss of fraud",
                List.of("A jury found the former harbour director guilty of fraud on Tuesday after a six-week trial.",
                        "The judge will announce the sentence next month; prosecutors asked for eight years in prison.")),
                "en");

        assertThat(subjects).isNotEmpty();
        assertThat(subjects.get(0).code()).isEqualTo("02000000");
        assertThat(subjects.get(0).label()).isEqualTo("crime, law and justice");
        assertThat(subjects.get(0).relevance()).isEqualTo(100);
    }

    @Test
    void aMatchReportIsAboutSport() {
        List<Subject> subjects = CLASSIFIER.classify(new ArticleText("Harbour United win the cup final",
                List.of("Harbour United beat the champion 2-1 in the final of the tournament on Saturday.",
                        "The coach praised his players after a long season.")), "en");

        assertThat(subjects.get(0).code()).isEqualTo("15000000");
    }

    @Test
    void aTextWithoutCuesGetsNoSubjectAndOtherLanguagesAreLeftAlone() {
        assertThat(CLASSIFIER.classify(new ArticleText("Hello", List.of("Nothing to see here.")), "en")).isEmpty();
        assertThat(CLASSIFIER.classify(new ArticleText("Prozess", List.of("Das Gericht hat entschieden.")), "de")).isEmpty();
    }
}
