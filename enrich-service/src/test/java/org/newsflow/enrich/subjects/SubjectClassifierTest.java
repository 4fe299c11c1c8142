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
    void aTextWithoutCuesGetsNoSubject() {
        assertThat(CLASSIFIER.classify(new ArticleText("Hello", List.of("Nothing to see here.")), "en")).isEmpty();
        assertThat(CLASSIFIER.classify(new ArticleText("Hallo", List.of("Hier gibt es nichts zu sehen.")), "de")).isEmpty();
    }

    @Test
    void otherLanguagesAreClassifiedByTheirOwnCueWordsAndStems() {
        List<Subject> german = CLASSIFIER.classify(new ArticleText("Lokführer beenden den Streik",
                List.of("Die Gewerkschaft und der Arbeitgeber haben sich auf einen neuen Tarifvertrag geeinigt.",
                        "Der Streik der Beschäftigten endet am Montag; die Löhne steigen um vier Prozent.")), "de");
        List<Subject> japanese = CLASSIFIER.classify(new ArticleText("探査機が月面に着陸",
                List.of("宇宙機関の探査機が月面への着陸に成功した。研究者は技術の成果を喜んだ。")), "ja");

        assertThat(german.get(0).label()).isEqualTo("labour");
        assertThat(japanese.get(0).label()).isEqualTo("science and technology");
        assertThat(CLASSIFIER.classify(new ArticleText("Gwyl", List.of("Mae'r ŵyl yn dechrau heddiw.")), "cy")).isEmpty();
    }

    @Test
    void aStoryTouchingSeveralFieldsGetsEachTopLevelWithItsNarrowerTopics() {
        List<Subject> subjects = CLASSIFIER.classify(new ArticleText("Harbour town signs wind power deal with its neighbour",
                List.of("The two countries signed a bilateral agreement on renewable energy cooperation, the foreign minister said.",
                        "The new wind power farms are meant to cut emissions and slow climate change, and the ambassador "
                                + "called the renewable energy plan a milestone of cooperation and of diplomacy between them.")), "en");

        List<String> labels = subjects.stream().map(Subject::label).toList();
        assertThat(labels).contains("environment", "renewable energy", "politics", "diplomacy");
        assertThat(subjects.stream().filter(s -> s.level() == 1).count()).isBetween(2L, 3L);
    }
}
