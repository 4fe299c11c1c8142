package org.newsflow.publish.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Random but plausible subscriptions and articles, from a fixed seed: for the matching benchmark, and for the
 * test that the index finds exactly what testing every subscription finds.
 */
public final class RandomSubscriptions {

    static final String[] SUBJECTS = { "04000000", "20000256", "20000373", "11000000", "20000639", "06000000", "20000418",
            "15000000", "20000822", "13000000", "07000000", "02000000", "16000000", "01000000", "09000000" };
    static final String[] PEOPLE = new String[300];
    static final String[] ORGANISATIONS = new String[200];
    static final String[] COUNTRIES = { "AZ", "CN", "US", "GB", "DE", "FR", "KE", "NO", "SE", "IN", "JP", "BR", "MX", "ID",
            "RU", "UA", "NG", "ZA", "AU", "CA" };
    static final String[] LANGUAGES = { "en", "de", "fr", "es", "pt", "ru", "ja", "id" };
    static final String[] KEYWORDS = { "pipeline", "election", "vaccine", "strike", "drought", "final", "tariff",
            "wind power", "flood", "verdict", "merger", "ceasefire", "summit", "budget", "heatwave" };

    static {
        for (int i = 0; i < PEOPLE.length; i++) {
            PEOPLE[i] = "Person" + i + " Surname" + (i % 97);
        }
        for (int i = 0; i < ORGANISATIONS.length; i++) {
            ORGANISATIONS[i] = "Organisation " + i;
        }
    }

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();

    public RandomSubscriptions(long seed) {
        this.random = new Random(seed);
    }

    /** A filter of one to three criteria, mostly in {@code all}, sometimes with {@code any} and {@code none}. */
    public JsonNode filter() {
        ObjectNode filter = json.createObjectNode();
        ObjectNode all = filter.putObject("all");
        criterion(all);
        if (random.nextInt(4) == 0) { // a language only narrows another criterion
            all.putArray("languages").add(pick(LANGUAGES));
        }
        if (random.nextInt(3) == 0) {
            criterion(filter.putObject("any"));
        }
        if (random.nextInt(5) == 0) {
            filter.putObject("none").putArray("languages").add(pick(LANGUAGES));
        }
        return filter;
    }

    private void criterion(ObjectNode group) {
        switch (random.nextInt(5)) {
            case 0 -> values(group.putArray("subjects"), SUBJECTS, 1 + random.nextInt(2));
            case 1 -> values(group.putArray("people"), PEOPLE, 1 + random.nextInt(3));
            case 2 -> values(group.putArray("organisations"), ORGANISATIONS, 1 + random.nextInt(3));
            case 3 -> values(group.putArray("countries"), COUNTRIES, 1 + random.nextInt(2));
            default -> values(group.putArray("keywords"), KEYWORDS, 1);
        }
    }

    /** A generated article: its ninjs item, the key phrases enrichment found, its publisher. */
    public record Generated(ObjectNode article, List<String> keywords, String publisher) {

        public ArticleFeatures features() {
            ObjectNode enrichment = new ObjectMapper().createObjectNode();
            keywords.forEach(enrichment.putArray("keywords")::add);
            return ArticleFeatures.of(article, enrichment, publisher);
        }
    }

    /** An article as publish-service sees it: ninjs item and enrichment. */
    public ArticleFeatures article() {
        return generated().features();
    }

    /** A random article. */
    public Generated generated() {
        ObjectNode article = json.createObjectNode();
        article.put("uri", "urn:bench:" + random.nextLong()).put("language", pick(LANGUAGES));
        article.putArray("headlines").addObject().put("value", "News about " + pick(KEYWORDS));
        article.putArray("bodies").addObject().put("value", "Text about " + pick(KEYWORDS) + " and " + pick(KEYWORDS) + ".");
        ArrayNode subjects = article.putArray("subjects");
        for (int i = 0; i < 2; i++) {
            subjects.addObject().put("uri", "http://cv.iptc.org/newscodes/mediatopic/" + pick(SUBJECTS));
        }
        ArrayNode people = article.putArray("people");
        for (int i = 0; i < 4; i++) {
            people.addObject().put("name", pick(PEOPLE));
        }
        ArrayNode organisations = article.putArray("organisations");
        for (int i = 0; i < 3; i++) {
            organisations.addObject().put("name", pick(ORGANISATIONS));
        }
        ArrayNode places = article.putArray("places");
        for (int i = 0; i < 2; i++) {
            places.addObject().put("name", "x").put("uri", "http://cv.iptc.org/newscodes/iso3166-1a2/" + pick(COUNTRIES));
        }
        return new Generated(article, List.of(pick(KEYWORDS), pick(KEYWORDS)), "publisher-" + random.nextInt(20));
    }

    private void values(ArrayNode array, String[] from, int count) {
        for (int i = 0; i < count; i++) {
            array.add(pick(from));
        }
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    public List<JsonNode> filters(int count) {
        List<JsonNode> filters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            filters.add(filter());
        }
        return filters;
    }
}
