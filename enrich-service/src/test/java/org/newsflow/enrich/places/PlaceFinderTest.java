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
}
