package org.newsflow.enrich.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The knobs of enrichment ({@code newsflow.enrich.*}); defaults are documented in application.properties. */
@ConfigMapping(prefix = "newsflow.enrich")
public interface EnrichConfig {

    Summary summary();

    Keywords keywords();

    Language language();

    Reprints reprints();

    Stories stories();

    /** How often fingerprints and story keys outside their windows are deleted (a scheduler period, e.g. 1h). */
    @WithDefault("1h")
    String janitorInterval();

    /** CloudEvents {@code source} of the events this service emits. */
    @WithDefault("/newsflow/enrich-service")
    URI eventSource();

    interface Summary {
        /** Most sentences in a summary. */
        @WithDefault("2")
        int maxSentences();

        /** Longest summary in characters; a longer first sentence is cut with an ellipsis. */
        @WithDefault("400")
        int maxChars();
    }

    interface Language {
        /** Characters of headline and body the detector reads; more is slower and rarely changes the answer. */
        @WithDefault("300")
        int maxChars();
    }

    interface Keywords {
        /** Most keywords per article. */
        @WithDefault("10")
        int max();
    }

    interface Reprints {
        /** How far back an original may lie; older fingerprints are forgotten. */
        @WithDefault("P30D")
        Duration window();

        /** Words per compared word sequence (shingle); characters for scripts written without spaces. */
        @WithDefault("4")
        int shingleWords();

        /** One in this many shingles is sampled into the fingerprint. */
        @WithDefault("8")
        int sampleRate();

        /** Most sampled shingles kept per article (the smallest hashes), which bounds the work per article. */
        @WithDefault("48")
        int maxSamples();

        /** Share of the shorter text's sampled shingles that must appear in the other text. */
        @WithDefault("0.5")
        double minContainment();

        /** Fewest shared sampled shingles for a match, so that two short texts sharing one quote do not match. */
        @WithDefault("3")
        int minShared();
    }

    interface Stories {
        /** Articles join a story only when their dates lie at most this far apart. */
        @WithDefault("P3D")
        Duration window();

        /** Weighted share of the smaller article's names that the other must share (0..1). */
        @WithDefault("0.3")
        double minSimilarity();

        /**
         * Fewest shared weight (person 3, organisation, city or specific number 2, country or top-level subject 1)
         * between articles in the same language.
         */
        @WithDefault("4")
        int minSharedWeight();

        /**
         * Fewest shared weight between articles in different languages, whose names in their own scripts rarely
         * meet: a city and its country, or a specific number and the subject, are then enough.
         */
        @WithDefault("3")
        int minSharedWeightAcrossLanguages();

        /** Most earlier articles compared per article. */
        @WithDefault("25")
        int maxCandidates();

        /**
         * A name, place or number found in more recent articles than this tells no story apart and finds no
         * candidates (the article's rarer ones do); it also bounds the index rows one lookup reads.
         */
        @WithDefault("64")
        int commonFeatureArticles();
    }
}
