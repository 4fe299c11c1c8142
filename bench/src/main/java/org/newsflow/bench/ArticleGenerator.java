package org.newsflow.bench;

import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Realistic-looking generated news articles: a headline and a body of several paragraphs, all distinct. */
final class ArticleGenerator {

    private static final String[] SUBJECTS = { "The council", "The ministry", "Local fishermen", "The port authority",
            "Union leaders", "The regional government", "Engineers", "The central bank", "Residents", "The operator" };
    private static final String[] VERBS = { "announced", "rejected", "approved", "questioned", "postponed", "welcomed",
            "criticised", "confirmed", "presented", "reviewed" };
    private static final String[] OBJECTS = { "a plan to expand the harbour", "new rules for offshore wind farms",
            "the budget for next year", "a two-year pay offer", "the closure of the night ferry",
            "higher tariffs on imported steel", "a study of the river flood defences", "the new rail timetable",
            "a proposal to cut energy prices", "the results of the inspection" };
    private static final String[] TAILS = { "on Tuesday", "after a long debate", "despite protests", "in a statement",
            "at a press conference", "earlier this week", "according to officials", "for the second time this year" };

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();

    ArticleGenerator(long seed) {
        this.random = new Random(seed);
    }

    ObjectNode next(int words) {
        ObjectNode article = json.createObjectNode();
        article.put("uri", "urn:newsflow:bench:" + UUID.randomUUID());
        article.put("type", "text");
        article.put("language", "en");
        article.putArray("headlines").addObject().put("role", "main").put("value", sentence().replace(".", ""));
        StringBuilder body = new StringBuilder();
        int written = 0;
        while (written < words) {
            body.append("<p>");
            for (int s = 0; s < 4 && written < words; s++) {
                String sentence = sentence();
                body.append(sentence).append(' ');
                written += sentence.split(" ").length;
            }
            body.append("</p>");
        }
        article.putArray("bodies").addObject().put("role", "main").put("contentType", "text/html")
                .put("value", body.toString());
        return article;
    }

    private String sentence() {
        return pick(SUBJECTS) + " " + pick(VERBS) + " " + pick(OBJECTS) + " " + pick(TAILS) + ", " + random.nextInt(1000)
                + " people said.";
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }
}
