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
    void ordinaryNewsGetsItsTopLevelTopicInEveryLanguageWeDetect() {
        // given short reports of our own, one per language, on floods, a match, an election and a quake
        assertThat(first("Powódź zalała dwie wsie nad rzeką", "Strażacy i ratownicy ewakuowali mieszkańców po ulewnych "
                + "deszczach. Wały nie wytrzymały, a wojewoda ogłosił stan klęski żywiołowej.", "pl"))
                .isEqualTo("disaster, accident and emergency incident");
        assertThat(first("Milli takım deplasmanda kazandı", "Milli takım dün akşam oynanan maçta iki gol attı. "
                + "Teknik direktör oyuncularını tebrik etti ve ligdeki formu övdü.", "tr")).isEqualTo("sport");
        assertThat(first("فوز حزب المعارضة في الانتخابات البرلمانية", "أعلنت لجنة الانتخابات فوز المرشح بأغلبية الأصوات، "
                + "وقال رئيس الحكومة إن البرلمان الجديد سيجتمع الأسبوع المقبل.", "ar")).isEqualTo("politics");
        assertThat(first("지진으로 건물 붕괴", "규모 6.1의 지진이 발생해 사망자와 부상자가 늘고 있다. 구조대가 "
                + "피해 지역에서 수색을 계속하고 있다.", "ko")).isEqualTo("disaster, accident and emergency incident");
        assertThat(first("Verkiezingen: coalitie verliest meerderheid", "De regering en de oppositie voerden campagne tot "
                + "de laatste dag; de premier erkende het verlies van zijn coalitie.", "nl")).isEqualTo("politics");
        assertThat(first("台风登陆沿海城市", "强台风带来暴雨，气象部门发布预警，数万人被转移。", "zh")).isEqualTo("weather");
    }

    @Test
    void theMediaTopicLabelsInTheirOwnLanguagesAreCuesToo() {
        // given German farm news whose words are in no German cue list, only among IPTC's German labels
        // ("Ackerbau", "Tierhaltung", "Forstwirtschaft": agriculture, filed under economy)
        List<Subject> subjects = CLASSIFIER.classify(new ArticleText("Bauern in Sorge",
                List.of("Ackerbau und Tierhaltung leiden unter der Trockenheit; auch die Forstwirtschaft meldet Schäden.")),
                "de");

        assertThat(subjects).isNotEmpty();
        assertThat(subjects.get(0).label()).isEqualTo("economy, business and finance");
    }

    private static String first(String headline, String body, String language) {
        List<Subject> subjects = CLASSIFIER.classify(new ArticleText(headline, List.of(body)), language);
        assertThat(subjects).as("subjects of %s", headline).isNotEmpty();
        return subjects.get(0).label();
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

    @Test
    void aWindFarmApprovedDespiteFishermenIsAboutEnergyNotCrimeOrLeisure() {
        // given an energy story of our own that mentions an association, fishing grounds and a possible appeal to a court
        List<Subject> subjects = CLASSIFIER.classify(new ArticleText("Coastal town approves offshore wind farm",
                List.of("The council voted to approve an offshore wind farm of 30 turbines. The developer said the wind "
                        + "farm would supply electricity to 150,000 homes and bring jobs during construction.",
                        "The local fishermen's association said the turbines would close fishing grounds and that it "
                                + "might appeal to the environmental court.")), "en");

        assertThat(subjects.get(0).label()).isEqualTo("economy, business and finance");
        assertThat(subjects).extracting(Subject::label).contains("energy and resource")
                .doesNotContain("crime, law and justice", "lifestyle and leisure");
    }

    @Test
    void aPartyInElectionNewsIsAPoliticalOne() {
        assertThat(first("Coalition talks begin", "The largest party won 40 seats and the two smaller parties will "
                + "decide this week whether to join a government with it.", "en")).isEqualTo("politics");
    }
}
