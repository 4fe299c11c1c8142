package org.newsflow.enrich.reprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsflow.contract.Attribution;
import org.newsflow.enrich.text.ArticleText;

class AttributionParserTest {

    private static final AttributionParser PARSER = new AttributionParser();

    @Test
    void aReprintNamesItsOriginalPublisherAndAuthor() {
        Attribution found = PARSER.find(new ArticleText("Ports of the north",
                List.of("The Baltic Courier, a weekly from Karlshamn, has published an article entitled \"Ports of the "
                        + "north\". Nordic Energy Wire reprints the article by Marta Lindqvist, a writer based in Sweden.",
                        "Harbours are changing fast."))).orElseThrow();

        assertThat(found.originator()).isEqualTo("The Baltic Courier");
        assertThat(found.author()).isEqualTo("Marta Lindqvist");
        assertThat(found.rule()).isEqualTo("reprints-article-by");
    }

    @Test
    void syndicationMarkersAndCitedAgenciesAreRead() {
        assertThat(PARSER.find(new ArticleText("Oil", List.of("(MENAFN- Harbour Wire) Oil prices rose on Monday."))))
                .hasValueSatisfying(a -> assertThat(a.originator()).isEqualTo("Harbour Wire"));
        assertThat(PARSER.find(new ArticleText("Talks", List.of("The talks ended without a deal, citing Reuters sources."))))
                .hasValueSatisfying(a -> assertThat(a.rule()).isEqualTo("citing"));
        assertThat(PARSER.find(new ArticleText("Column", List.of("This column was first published by the Midland Herald."))))
                .hasValueSatisfying(a -> assertThat(a.originator()).isEqualTo("Midland Herald"));
    }

    @Test
    void anOrdinaryReportHasNoAttribution() {
        assertThat(PARSER.find(new ArticleText("Ferry", List.of("The night ferry returns on Monday, the operator said."))))
                .isEmpty();
    }

    @Test
    void anAgencyOrOutletThatReportsIsTheOriginator() {
        Attribution agency = PARSER.find(new ArticleText("Ferry link restored",
                List.of("The ferry between the two islands sails again from Monday, Azernews reports.",
                        "The crossing takes forty minutes."))).orElseThrow();
        Attribution outlet = PARSER.find(new ArticleText("Bridge reopens",
                List.of("The old bridge reopened on Friday, as the Valley Herald reported last week."))).orElseThrow();

        assertThat(agency.originator()).isEqualTo("Azernews");
        assertThat(agency.rule()).isEqualTo("reports");
        assertThat(outlet.originator()).isEqualTo("Valley Herald");
        assertThat(PARSER.find(new ArticleText("Budget", List.of("The Ministry reported a surplus on Friday.")))).isEmpty();
    }
}
