package org.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsflow.enrich.entities.NameFinder.Found;
import org.newsflow.enrich.entities.NameFinder.Kind;
import org.newsflow.enrich.places.Gazetteer;
import org.newsflow.enrich.text.ArticleText;

class NameFinderTest {

    private static final NameFinder FINDER = new NameFinder(new Gazetteer());

    @Test
    void peopleAndOrganisationsAreFoundAndALoneSurnameCountsForTheFullName() {
        List<Found> found = FINDER.find(new ArticleText("Port deal signed",
                List.of("President Maria Okonkwo met the board of the Harbour Development Agency in Lagos on Monday.",
                        "Okonkwo said the agency and Nordvind Energy would share the cost. The IMF welcomed the plan.",
                        "Tomas Berglund, a spokesman for the Baltic Courier, said Okonkwo had visited twice.")));

        assertThat(named(found, Kind.PERSON))
                .containsExactly("Maria Okonkwo", "Tomas Berglund");
        assertThat(found).filteredOn(f -> f.name().equals("Maria Okonkwo")).first()
                .satisfies(person -> assertThat(person.mentions()).isEqualTo(3));
        assertThat(named(found, Kind.ORGANISATION))
                .contains("Harbour Development Agency", "Nordvind Energy", "IMF", "Baltic Courier");
    }

    @Test
    void placesNationalitiesDatesAndNamedThingsAreNotPeople() {
        List<Found> found = FINDER.find(new ArticleText("LONDON",
                List.of("NEW YORK — The Kenyan runner won the Nobel Prize on Wednesday in Nairobi.",
                        "Earlier Wednesday the Great Barrier Reef was closed.")));

        assertThat(found).filteredOn(f -> f.kind() == Kind.PERSON).isEmpty();
    }

    @Test
    void aGivenNameThatIsAlsoATownStillStartsAPersonsName() {
        // Austin and Plano are both cities in the United States
        List<Found> found = FINDER.find(new ArticleText("Reporters wait outside",
                List.of("U.S. Attorney General Austin Plano spoke to reporters on the courthouse steps.",
                        "Prosecutors traced the money to Oakland Research, a small trading desk.")));

        assertThat(named(found, Kind.PERSON)).containsExactly("Austin Plano");
        assertThat(named(found, Kind.ORGANISATION)).contains("Oakland Research");
    }

    @Test
    void runningMatesJoinedByAHyphenAreTwoPeopleAndATitleBeforeAnAbbreviationIsThePersons() {
        List<Found> found = FINDER.find(new ArticleText("Hasil pemilu",
                List.of("Tim kampanye Rina Saputri-Bagus Hartono menang di kota itu, kata Ketua KPU Dewi Lestari.")),
                "id");

        assertThat(named(found, Kind.PERSON))
                .contains("Rina Saputri", "Bagus Hartono", "Dewi Lestari");
        assertThat(named(found, Kind.ORGANISATION)).contains("KPU");
    }

    @Test
    void aKnownOrganisationInflectedInGermanIsFoundUnderItsName() {
        List<Found> found = FINDER.find(new ArticleText("Streik beendet",
                List.of("Reisende der Deutschen Bahn müssen am Montag mit Verspätungen rechnen.")), "de");

        assertThat(named(found, Kind.ORGANISATION)).containsExactly("Deutsche Bahn");
    }

    @Test
    void japanesePeopleAndOrganisationsAreFoundByTheirPartOfSpeech() {
        // given a Japanese report of our own: a surname and given name, a ministry, a company and a prefecture
        ArticleText text = new ArticleText("田中太郎氏が新社長に就任", List.of(
                "トヨタ自動車は１日、田中太郎氏が社長に就任したと発表した。経済産業省の担当者は歓迎した。"
                        + "田中氏は愛知県の工場を視察した。"));

        List<Found> found = FINDER.find(text, "ja");

        assertThat(found).extracting(Found::name).contains("田中太郎", "経済産業省")
                .doesNotContain("田中", "愛知県");
        assertThat(found).filteredOn(f -> f.name().equals("田中太郎")).extracting(Found::kind)
                .containsExactly(Kind.PERSON);
        assertThat(found).filteredOn(f -> f.name().equals("経済産業省")).extracting(Found::kind)
                .containsExactly(Kind.ORGANISATION);
    }

    @Test
    void chinesePeopleAreReadFromTitlesAndVerbsOfSayingAndOrganisationsFromTheirEndings() {
        // given a Chinese report of our own, in simplified characters
        ArticleText text = new ArticleText("王建国当选市长", List.of(
                "新当选的市长王建国表示，将优先修建地铁。候选人刘明、陈静也出席了活动。"
                        + "长江银行和民生党的代表向他祝贺。一个好机会已经来了。"));

        List<Found> found = FINDER.find(text, "zh");

        assertThat(named(found, Kind.PERSON))
                .containsExactlyInAnyOrder("王建国", "刘明", "陈静");
        assertThat(named(found, Kind.ORGANISATION))
                .contains("长江银行", "民生党").doesNotContain("好机会");
    }

    @Test
    void aGermanKindOfBodyIsNoOrganisationUntilAPlaceNamesIt() {
        // given a German report of our own: "die Polizei" and "das Gericht" are kinds of bodies, the court of a
        // named city is one
        ArticleText text = new ArticleText("Urteil gegen Betrüger", List.of(
                "Das Landgericht Hamburg hat am Dienstag einen Betrüger verurteilt. Die Polizei hatte ihn im Mai "
                        + "festgenommen; das Gericht folgte der Staatsanwaltschaft."));

        List<Found> found = FINDER.find(text, "de");

        assertThat(named(found, Kind.ORGANISATION))
                .containsExactly("Landgericht Hamburg");
    }

    @Test
    void turkishCaseEndingsAfterAnApostropheAreReadThroughAndMonthsAreNoNames() {
        // given a Turkish report of our own: names carry case endings after an apostrophe
        ArticleText text = new ArticleText("Bakan Ayşe Demirtaş'ın açıklaması", List.of(
                "Sağlık Bakanlığı'nın yaptığı açıklamaya göre Bakan Ayşe Demirtaş Ankara'ya döndü. "
                        + "Toplantı 12 Kasım Cumartesi günü yapılacak; Demirtaş'ın ekibi hazırlık yapıyor."));

        List<Found> found = FINDER.find(text, "tr");

        assertThat(named(found, Kind.PERSON)).containsExactly("Ayşe Demirtaş");
        assertThat(named(found, Kind.ORGANISATION))
                .containsExactly("Sağlık Bakanlığı");
    }

    @Test
    void arabicPeopleStartWithAGivenNameOrATitleAndOrganisationsWithTheWordThatNamesOne() {
        // given an Arabic report of our own: no capital letters to go by
        ArticleText text = new ArticleText("وزارة الخارجية التركية تفتح مكتبا جديدا", List.of(
                "قال الرئيس التركي كمال أوزتورك إن وزارة الخارجية التركية ستفتح مكتبا جديدا في المدينة. "
                        + "وأكد المدرب سالم الدوسري أن الفريق جاهز للمباراة، وقال إن الجمهور سيحضر بكثافة."));

        List<Found> found = FINDER.find(text, "ar");

        assertThat(named(found, Kind.PERSON))
                .containsExactlyInAnyOrder("كمال أوزتورك", "سالم الدوسري");
        assertThat(named(found, Kind.ORGANISATION))
                .containsExactly("وزارة الخارجية التركية");
    }

    @Test
    void inADecliningLanguageAPlaceOrAPlaceAdjectiveInARunMakesNoPerson() {
        // given a Polish flood report of our own: the river and its town are declined, the lake has its own word
        ArticleText text = new ArticleText("Woda opada w Nysie Kłodzkiej", List.of(
                "Mieszkańcy Nysy Kłodzkiej wracają do domów. Jezioro Otmuchowskie przyjęło część fali, "
                        + "powiedziała burmistrz Anna Nowak. Władze Opola przysłały pomoc."));

        List<Found> found = FINDER.find(text, "pl");

        assertThat(named(found, Kind.PERSON)).containsExactly("Anna Nowak");
    }

    @Test
    void inGermanARoleBeforeAGivenNameIsNoPartOfTheNameAndTwoPeopleSideBySideAreTwo() {
        // given a German motor-racing report of our own: roles written as nouns, two drivers named in a row
        ArticleText text = new ArticleText("Spätes Duell in der Wüste", List.of(
                "Im letzten Rennen überholte Jonas Keller Tobias Wendt in der vorletzten Runde. Teamchef Stefan Albers "
                        + "sprach von einem verdienten Sieg, auch Niklas Hofer von Kestrel Racing kam ins Ziel.",
                "Die Landesministerin Sabine Krüger (SPD) gratulierte. Der Fahrer Karim B. wurde nach dem Unfall "
                        + "untersucht. Die Zuschauer auf dem Sola Marina Circuit jubelten."));

        List<Found> found = FINDER.find(text, "de");

        assertThat(named(found, Kind.PERSON)).containsExactlyInAnyOrder("Jonas Keller", "Tobias Wendt", "Stefan Albers",
                "Niklas Hofer", "Sabine Krüger", "Karim B");
    }

    @Test
    void aTitleWrittenInLowerCaseMidSentenceMakesThePersonAndAPlaceDeclinedAfterItIsNoPartOfTheName() {
        // given Polish and Italian sentences of our own: the office in lower case, the town in the genitive
        List<Found> polish = FINDER.find(new ArticleText("Zalane drogi", List.of(
                "Wieczorem burmistrz Opola Radomir Wąsik zwołał sztab kryzysowy.")), "pl");
        List<Found> italian = FINDER.find(new ArticleText("Strade chiuse", List.of(
                "Secondo il sindaco Bertoldi la strada resterà chiusa. È il premier Colombiano a vincere la tappa?")), "it");

        assertThat(named(polish, Kind.PERSON)).containsExactly("Radomir Wąsik");
        assertThat(named(italian, Kind.PERSON)).containsExactly("Bertoldi");
    }

    @Test
    void aPersonNamedInADeclinedFormIsListedInTheNominativeAndADeclinedPlaceIsNoPerson() {
        // given Russian and Polish sentences of our own: names in the genitive, dative and instrumental
        List<Found> russian = FINDER.find(new ArticleText("Финал", List.of(
                "Тренер поблагодарил Лионеля Гарсию за гол. Болельщики Саудовской Аравии аплодировали. Встреча с "
                        + "Андреем Смирновым прошла вечером, а награду вручили Марии Ивановой.")), "ru");
        List<Found> polish = FINDER.find(new ArticleText("Powódź", List.of(
                "Mieszkańcy czekali na Tomasza Wiśniewskiego. Dziękujemy Annie Kowalskiej za pomoc.")), "pl");

        assertThat(named(russian, Kind.PERSON)).containsExactlyInAnyOrder("Лионель Гарсия", "Андрей Смирнов",
                "Мария Иванова");
        assertThat(named(polish, Kind.PERSON)).containsExactlyInAnyOrder("Tomasz Wiśniewski", "Anna Kowalska");
    }

    @Test
    void anElidedArticleIsReadThroughAndABodyWrittenInLowerCaseBeforeItsNameIsAnOrganisation() {
        // given French and Dutch sentences of our own
        List<Found> french = FINDER.find(new ArticleText("Lancement reporté", List.of(
                "Selon l'AFP, le lancement de l'Agence Spatiale Européenne est reporté.")), "fr");
        List<Found> dutch = FINDER.find(new ArticleText("Reisadvies", List.of(
                "Het ministerie van Buitenlandse Zaken past het reisadvies aan.")), "nl");

        assertThat(named(french, Kind.ORGANISATION)).contains("AFP", "Agence Spatiale Européenne");
        assertThat(named(dutch, Kind.ORGANISATION)).containsExactly("ministerie van Buitenlandse Zaken");
        assertThat(named(dutch, Kind.PERSON)).isEmpty();
    }

    @Test
    void aChineseAgencyBeforeItsDatelineIsAnOrganisationAndPeopleListedWithAConjunctionAreFound() {
        // given a Chinese report of our own: an agency's dateline, two candidates joined by 及, the parliament
        List<Found> found = FINDER.find(new ArticleText("选举结果", List.of(
                "新华社东京3月2日电 候选人王小明及李大华当晚发表讲话。新一届国会将于下月召开。")), "zh");

        assertThat(named(found, Kind.ORGANISATION)).contains("新华社", "国会");
        assertThat(named(found, Kind.PERSON)).contains("王小明", "李大华");
    }

    @Test
    void koreanPeopleAreReadBeforeTheirTitleAndOrganisationsFromTheirEnding() {
        // given a Korean report of our own: a reporter, a minister, an airline and a broadcaster; "항공사" is any airline
        List<Found> found = FINDER.find(new ArticleText("사고 조사", List.of(
                "김하나 기자에 따르면 박도윤 장관은 한빛항공과 서울방송에 자료를 요청했다. 다른 항공사도 점검을 받았다.")), "ko");

        assertThat(named(found, Kind.PERSON)).containsExactlyInAnyOrder("김하나", "박도윤");
        assertThat(named(found, Kind.ORGANISATION)).containsExactlyInAnyOrder("한빛항공", "서울방송");
    }

    @Test
    void aCompanyNamedByItsTradeInAnotherLanguageIsAnOrganisationAndACommonNounStartingASentenceIsNone() {
        // given an English report of our own about a Swedish developer and a union written in lower case elsewhere
        List<Found> found = FINDER.find(new ArticleText("Turbines approved", List.of(
                "The developer, Havsvind Energi, will build the turbines. Drivers said their union agreed.",
                "Union leaders welcomed the vote.")));

        assertThat(named(found, Kind.ORGANISATION)).containsExactly("Havsvind Energi");
        assertThat(named(found, Kind.PERSON)).isEmpty();
    }

    @Test
    void aGivenNameBeforeAnOrganisationWordMakesAnOrganisationUnlessTheWordIsAlsoASurname() {
        // given an English sentence of our own: "Stanford" is a given name too, "Court" a surname too
        List<Found> found = FINDER.find(new ArticleText("Lecture series", List.of(
                "She studied at Stanford University and later coached Margaret Court for a season.")));

        assertThat(named(found, Kind.ORGANISATION)).contains("Stanford University");
        assertThat(named(found, Kind.PERSON)).containsExactly("Margaret Court");
    }

    @Test
    void katakanaPlacesJoinedByAMiddleDotAreNoPersonButAForeignNameIs() {
        // given a Japanese sentence of our own: "Thailand · Bangkok", then a foreign person's name
        List<Found> found = FINDER.find(new ArticleText("到着便", List.of(
                "タイ・バンコク発の便が到着し、ジョン・スミス氏が記者会見した。")), "ja");

        assertThat(named(found, Kind.PERSON)).contains("ジョン・スミス").doesNotContain("タイ・バンコク");
    }

    private static List<String> named(List<Found> found, Kind kind) {
        return found.stream().filter(f -> f.kind() == kind).map(Found::name).toList();
    }
}
