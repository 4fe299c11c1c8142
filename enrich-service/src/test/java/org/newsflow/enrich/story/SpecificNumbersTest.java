package org.newsflow.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecificNumbersTest {

    @Test
    void aDeathTollReadsTheSameInEveryScriptAndEverySeparator() {
        // given the same toll and vote count as three outlets write them
        assertThat(SpecificNumbers.in("At least 137 people died; the winner had 5,586,019 votes (40.05%)."))
                .containsExactly("137", "5586019", "4005");
        assertThat(SpecificNumbers.in("لقي ١٣٧ شخصا حتفهم")).containsExactly("137");
        assertThat(SpecificNumbers.in("Der Sieger erhielt 5.586.019 Stimmen, 40,05 Prozent.")).containsExactly("5586019", "4005");
    }

    @Test
    void yearsRoundHundredsAndSmallNumbersTellNoEventApart() {
        assertThat(SpecificNumbers.in("In 2024, 12 of the 300 boats left at 10:30 on 29 December.")).isEmpty();
    }
}
