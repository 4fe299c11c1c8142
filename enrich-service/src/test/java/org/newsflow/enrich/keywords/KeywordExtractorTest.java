package org.newsflow.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsflow.enrich.config.StandaloneConfig;
import org.newsflow.enrich.support.TestArticles;

class KeywordExtractorTest {

    private final KeywordExtractor extractor = new KeywordExtractor(StandaloneConfig.load());

    @Test
    void keyPhrasesAreTheRepeatedMultiWordTermsInTheArticlesOwnSpelling() {
        List<String> phrases = extractor.extract(TestArticles.text("harbour-fire-original"), "en").stream()
                .map(KeywordExtractor.Keyword::phrase).toList();

        assertThat(phrases).hasSizeBetween(5, 10);
        assertThat(phrases).contains("Port Aldane", "fish market warehouse");
        assertThat(phrases).noneMatch(p -> p.matches("(?i).*\\b(the|said|and|of)\\b.*"));
    }
}
