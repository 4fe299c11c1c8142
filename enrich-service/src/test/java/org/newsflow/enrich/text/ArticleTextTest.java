package org.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void wordsAreCountedAsTheyAreRead() {
        List<String> texts = List.of(
                "The ferry's 7.30 departure - moved to 8,15 - costs €12.50, said O'Neill-Smith.",
                "Die Brücke wird am Montag wieder für den Verkehr geöffnet.",
                "पांच सेटों के रोमांचक मुकाबले में जीत मिली।",
                "日本の探査機が月面着陸 2024",
                "well- known -- 'quoted' ... end.", "", "  ");

        for (String text : texts) {
            assertThat(ArticleText.countWords(text)).as(text).isEqualTo(ArticleText.words(text).size());
        }
        assertThat(ArticleText.countWords("The ferry's 7.30 departure")).isEqualTo(4);
    }
}
