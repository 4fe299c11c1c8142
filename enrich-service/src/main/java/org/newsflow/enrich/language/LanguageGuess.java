package org.newsflow.enrich.language;

/**
 * A language decision.
 *
 * @param language BCP 47 tag, or {@code und} when undetermined
 * @param confidence 0..1
 * @param source {@code publisher} when declared by the publisher, otherwise the detector that decided
 */
public record LanguageGuess(String language, double confidence, String source) {

    public static final String UNDETERMINED = "und";
}
