package org.newsflow.contract;

/**
 * A place an article names, as enrichment found it.
 *
 * @param kind {@code country} or {@code city}
 * @param countryCode ISO 3166-1 alpha-2 of the country (of the city's country for a city)
 * @param mentions how often the article names it (a country's count includes its cities)
 * @param relevance mentions relative to the most mentioned country, 0..1
 * @param about true when the article is about it (named in headline or lead, or at least twice)
 * @param source the rule or model that found it
 */
public record PlaceMention(String name, String kind, String countryCode, int mentions, double relevance, boolean about,
        String source) {
}
