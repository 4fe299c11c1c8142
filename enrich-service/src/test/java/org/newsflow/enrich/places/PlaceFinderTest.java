package org.newsflow.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsflow.enrich.places.PlaceFinder.Found;
import org.newsflow.enrich.text.ArticleText;

class PlaceFinderTest {

    private static final PlaceFinder FINDER = new PlaceFinder(new Gazetteer());

    @Test
    void countriesAndCitiesAreFoundWithTheirCodesAndCitiesCountForTheirCountry() {
        List<Found> found = FINDER.find(new ArticleText("Azerbaijan and China sign solar deal",
                List.of("BAKU — Officials from Azerbaijan and China signed an agreement in Baku on Monday.",
                        "The first panels will be made in Shenzhen, the Chinese partner said.")));

        assertThat(found).filteredOn(Found::country).extracting(Found::countryCode).containsExactly("AZ", "CN");
        Found azerbaijan = found.get(0);
        assertThat(azerbaijan.name()).isEqualTo("Azerbaijan");
        assertThat(azerbaijan.mentions()).isEqualTo(4); // headline, lead, BAKU dateline, Baku
        assertThat(azerbaijan.about()).isTrue();
        assertThat(found).filteredOn(p -> !p.country()).extracting(Found::name).containsExactly("Baku", "Shenzhen");
        assertThat(found).filteredOn(p -> p.name().equals("Shenzhen")).first()
                .satisfies(city -> assertThat(city.countryCode()).isEqualTo("CN"));
    }

    @Test
    void aCountryNameInsideALongerNameIsNotAPlace() {
        List<Found> found = FINDER.find(new ArticleText("Editorial",
                List.of("China Daily published the column on Tuesday.")));

        assertThat(found).isEmpty();
    }

    @Test
    void aCountryNamedOnceDeepInTheTextIsMentionedButNotWhatTheArticleIsAbout() {
        List<Found> found = FINDER.find(new ArticleText("Rail strike ends",
                List.of("Drivers in Leeds returned to work on Monday after Britain's longest rail strike.",
                        "The union said it had studied similar agreements in Germany.")));

        assertThat(found).filteredOn(p -> p.countryCode().equals("DE") && p.country()).first()
                .satisfies(germany -> assertThat(germany.about()).isFalse());
        assertThat(found).filteredOn(p -> p.countryCode().equals("GB") && p.country()).first()
                .satisfies(britain -> assertThat(britain.about()).isTrue());
    }

    @Test
    void placesAreReportedAsTheArticleWritesThemAndInflectedFormsByTheirBase() {
        List<Found> spanish = FINDER.find(new ArticleText("Elecciones en Noruega",
                List.of("Los votantes de Noruega eligen hoy un nuevo parlamento en Oslo.")), "es");
        List<Found> estonian = FINDER.find(new ArticleText("Valimised",
                List.of("Norras valiti uus parlament, teatas valimiskomisjon Oslos.")), "et");

        assertThat(spanish).filteredOn(Found::country).extracting(Found::name).containsExactly("Noruega");
        assertThat(estonian).extracting(Found::name).contains("Norra", "Oslo");
        assertThat(estonian).filteredOn(Found::country).extracting(Found::countryCode).containsExactly("NO");
    }

    @Test
    void aRegionCountsForItsCountryAndATownNeedsItsCountryNamed() {
        List<Found> wildfire = FINDER.find(new ArticleText("Wildfire spreads in California",
                List.of("Firefighters in California were still fighting the blaze on Sunday.")));
        List<Found> festival = FINDER.find(new ArticleText("Spring festival",
                List.of("March brings the first lambs, and Como the first tourists, say the farmers.")));

        assertThat(wildfire).extracting(Found::name).contains("California");
        assertThat(wildfire).filteredOn(Found::country).extracting(Found::countryCode, Found::about)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("US", true));
        assertThat(festival).isEmpty();
    }

    @Test
    void aDatelineAndAnAdjectiveDoNotMakeACountryTheSubject() {
        List<Found> found = FINDER.find(new ArticleText("Verdict in fraud trial",
                List.of("LONDON — A jury in Manhattan found the founder guilty, U.S. Attorney Damian Lowe said.",
                        "The founder will be sentenced in Manhattan in March.")));

        assertThat(found).filteredOn(p -> "GB".equals(p.countryCode()) && p.country()).isEmpty();
        assertThat(found).filteredOn(Found::country).extracting(Found::name).doesNotContain("U.S.");
        assertThat(found).filteredOn(p -> p.name().equals("Manhattan")).hasSize(1);
    }

    @Test
    void japaneseNamesAreFoundInsideTheTextButNotInsideLongerWords() {
        List<Found> found = FINDER.find(new ArticleText("日本の探査機が月面着陸",
                List.of("日本と米国の研究者が協力した。ネクタイ姿の記者も集まった。")), "ja");

        assertThat(found).filteredOn(Found::country).extracting(Found::countryCode).containsExactlyInAnyOrder("JP", "US");
    }

    @Test
    void citiesAreFoundUnderTheirOtherNamesAndSpellings() {
        List<Found> english = FINDER.find(new ArticleText("Floods in Libya",
                List.of("Rescuers reached Derna on Wednesday, two days after the dams above the Libyan city burst.",
                        "Aid flights also landed in Ulaanbaatar, where Mongolia collected blankets for Libya.")));
        List<Found> russian = FINDER.find(new ArticleText("Совещание",
                List.of("В Москве прошло совещание о подготовке к зиме.")), "ru");

        assertThat(english).filteredOn(p -> p.name().equals("Derna")).extracting(Found::countryCode).containsExactly("LY");
        assertThat(english).filteredOn(p -> p.name().equals("Ulaanbaatar")).extracting(Found::countryCode).containsExactly("MN");
        assertThat(russian).extracting(Found::name).contains("Москва"); // inflected, reported as the article's base form
    }

    @Test
    void reefsStraitsIslandsAndDistrictsAreFoundByTheShapeOfTheirNames() {
        List<Found> found = FINDER.find(new ArticleText("Coral survey",
                List.of("Divers counted corals from the Bass Strait up to the Whitsunday Islands this winter.",
                        "The survey team grew up in the Otago district and had dived at Ningaloo Reef for years.",
                        "Its report goes to the Ningaloo Reef Marine Park Authority next month.")));

        assertThat(found).extracting(Found::name).contains("Bass Strait", "Whitsunday Islands", "Otago", "Ningaloo Reef");
        assertThat(found).filteredOn(p -> p.name().equals("Ningaloo Reef")).extracting(Found::mentions).containsExactly(1);
        assertThat(found).extracting(Found::name).doesNotContain("Ningaloo Reef Marine Park Authority");
    }

    @Test
    void aFormerStateIsAPlaceWithoutACountry() {
        List<Found> found = FINDER.find(new ArticleText("Space race",
                List.of("Only the Soviet Union, the United States and China had landed on the Moon before.")));

        assertThat(found).filteredOn(p -> p.name().equals("Soviet Union")).singleElement()
                .satisfies(union -> assertThat(union.countryCode()).isNull());
    }

    @Test
    void wordsThatMerelyBeginWithANameAreNotItInLanguagesThatDoNotInflectNames() {
        // Hindi: "रोमांचक" (thrilling) begins like "रोम" (Rome) but is no form of it
        List<Found> hindi = FINDER.find(new ArticleText("फाइनल", List.of("कल रात का मैच बहुत रोमांचक रहा।")), "hi");
        // French: "l'Europe" is Europe
        List<Found> french = FINDER.find(new ArticleText("Sommet", List.of("Les dirigeants de l'Europe se retrouvent à Paris.")), "fr");

        assertThat(hindi).isEmpty();
        assertThat(french).extracting(Found::name).contains("Europe", "Paris");
    }

    @Test
    void anArabicPlaceIsFoundUnderTheConjunctionOrPrepositionAttachedToIt() {
        // given an Arabic sentence of our own: "and Syria", "in Lebanon" are written as one word each
        List<Found> found = FINDER.find(new ArticleText("زيارة إقليمية",
                List.of("وصل الوزير إلى الأردن ثم توجه إلى بلبنان وسوريا لإجراء محادثات.")), "ar");

        assertThat(found).filteredOn(Found::country).extracting(Found::countryCode).contains("LB", "SY", "JO");
    }

    @Test
    void germanDeclinesAPlaceOnlyInTheGenitive() {
        // given German sentences of our own: "Frankreichs" is France's; "Romanen" (novels) and "Konzert" (concert)
        // are no forms of Romania or of the town of Konz
        List<Found> found = FINDER.find(new ArticleText("Lesung in Berlin",
                List.of("In den Romanen der Autorin spielt Berlin eine Rolle. Nach dem Konzert sprach sie über die "
                        + "Verlage Frankreichs.")), "de");

        assertThat(found).extracting(Found::countryCode).contains("FR", "DE").doesNotContain("RO");
        assertThat(found).extracting(Found::name).doesNotContain("Konz");
    }

    @Test
    void aPlaceOfTwoWordsDeclinedWordByWordIsFoundUnderItsName() {
        // given Russian and Polish sentences of our own, the country's name in the genitive and the locative
        List<Found> russian = FINDER.find(new ArticleText("Переговоры",
                List.of("Делегация Саудовской Аравии прибыла на переговоры о поставках зерна.")), "ru");
        List<Found> polish = FINDER.find(new ArticleText("Wymiana handlowa",
                List.of("Eksporterzy z Korei Południowej rozmawiali w Warszawie o nowych umowach.")), "pl");

        assertThat(russian).filteredOn(p -> "SA".equals(p.countryCode())).extracting(Found::name)
                .containsExactly("Саудовская Аравия");
        assertThat(polish).extracting(Found::countryCode).contains("KR");
    }

    @Test
    void chinesePlacesNamedByTheirEndingAreFoundAndACitysClockIsNoPlace() {
        // given Chinese sentences of our own: an airport and a county the gazetteer lacks, Beijing time, Taipei
        List<Found> found = FINDER.find(new ArticleText("航班延误", List.of(
                "北京时间上午十点,一架客机在长水机场降落。该航班随后飞往桐庐县,乘客在台北转机。")), "zh");

        assertThat(found).extracting(Found::name).contains("长水机场", "桐庐县", "台北").doesNotContain("北京");
        assertThat(found).filteredOn(p -> p.name().equals("台北")).extracting(Found::countryCode).containsExactly("TW");
    }

    @Test
    void koreanPlacesAreFoundUnderTheParticleAttachedToThem() {
        // given a Korean sentence of our own: "in Bangkok", "Korea (topic)"
        List<Found> found = FINDER.find(new ArticleText("항공편 지연", List.of(
                "방콕에서 출발한 여객기가 도착했다. 한국은 조사단을 보냈다.")), "ko");

        assertThat(found).extracting(Found::name).contains("방콕", "한국");
        assertThat(found).extracting(Found::countryCode).contains("TH", "KR");
    }

    @Test
    void aCityWrittenWithAnAccentTheGazetteerLacksIsFoundUnderItsName() {
        // given a Spanish sentence of our own: "París" and "Berlín", which the gazetteer holds without accents
        List<Found> found = FINDER.find(new ArticleText("Gira europea", List.of(
                "La orquesta tocó en París el sábado y viajará a Berlín la próxima semana.")), "es");

        assertThat(found).filteredOn(p -> !p.country()).extracting(Found::countryCode).contains("FR", "DE");
    }

    @Test
    void japanesePlacesJoinedByAMiddleDotAreEachFound() {
        List<Found> found = FINDER.find(new ArticleText("到着便", List.of("タイ・バンコク発の便が到着した。")), "ja");

        assertThat(found).extracting(Found::countryCode).contains("TH");
    }
}
