package org.newsflow.publish.subscription;

import java.util.Arrays;
import java.util.Optional;

/** What a subscription filter can ask about an article. */
public enum Field {
    /** IPTC Media Topic codes; a topic matches its narrower topics too. */
    SUBJECTS("subjects"),
    PEOPLE("people"),
    ORGANISATIONS("organisations"),
    /** Place names as the article writes them. */
    PLACES("places"),
    /** ISO 3166-1 alpha-2 codes of the countries the article names or is about. */
    COUNTRIES("countries"),
    /** The publisher's id, or the original source of a reprint. */
    SOURCES("sources"),
    /** BCP 47 tags; "pt" matches "pt-BR". */
    LANGUAGES("languages"),
    /** Key phrases enrichment found, or words of the headline. */
    KEYWORDS("keywords"),
    /** Words or phrases anywhere in headline or body. */
    TEXT("text");

    private final String json;

    Field(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Optional<Field> of(String json) {
        return Arrays.stream(values()).filter(f -> f.json.equals(json)).findFirst();
    }
}
