package org.newsflow.enrich.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The knobs of enrichment ({@code newsflow.enrich.*}); defaults are documented in application.properties. */
@ConfigMapping(prefix = "newsflow.enrich")
public interface EnrichConfig {

    Summary summary();

    Keywords keywords();

    Language language();

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
}
