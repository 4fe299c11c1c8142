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

        assertThat(found).filteredOn(f -> f.kind() == Kind.PERSON).extracting(Found::name)
                .containsExactly("Maria Okonkwo", "Tomas Berglund");
        assertThat(found).filteredOn(f -> f.name().equals("Maria Okonkwo")).first()
                .satisfies(person -> assertThat(person.mentions()).isEqualTo(3));
        assertThat(found).filteredOn(f -> f.kind() == Kind.ORGANISATION).extracting(Found::name)
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
        // Merrick and Garland are both towns in the United States
        List<Found> found = FINDER.find(new ArticleText("Statement after the verdict",
                List.of("U.S. Attorney General Merrick Garland issued a statement after the verdict.",
                        "The money went to Alameda Research, the founder's trading firm.")));

        assertThat(found).filteredOn(f -> f.kind() == Kind.PERSON).extracting(Found::name).containsExactly("Merrick Garland");
        assertThat(found).filteredOn(f -> f.kind() == Kind.ORGANISATION).extracting(Found::name).contains("Alameda Research");
    }

    @Test
    void runningMatesJoinedByAHyphenAreTwoPeopleAndATitleBeforeAnAbbreviationIsThePersons() {
        List<Found> found = FINDER.find(new ArticleText("Hasil pemilu",
                List.of("Pasangan nomor urut 2 Rina Saputri-Bagus Hartono meraih suara terbanyak, ujar Ketua KPU Dewi Lestari.")),
                "id");

        assertThat(found).filteredOn(f -> f.kind() == Kind.PERSON).extracting(Found::name)
                .contains("Rina Saputri", "Bagus Hartono", "Dewi Lestari");
        assertThat(found).filteredOn(f -> f.kind() == Kind.ORGANISATION).extracting(Found::name).contains("KPU");
    }

    @Test
    void aKnownOrganisationInflectedInGermanIsFoundUnderItsName() {
        List<Found> found = FINDER.find(new ArticleText("Streik beendet",
                List.of("Für Fahrgäste der Deutschen Bahn beginnt am Montag wieder der normale Betrieb.")), "de");

        assertThat(found).filteredOn(f -> f.kind() == Kind.ORGANISATION).extracting(Found::name).containsExactly("Deutsche Bahn");
    }
}
