package org.newsflow.enrich.pipeline;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.Enrichment;
import org.newsflow.enrich.keywords.KeywordExtractor;
import org.newsflow.enrich.language.LanguageDetector;
import org.newsflow.enrich.language.LanguageGuess;
import org.newsflow.enrich.summary.LeadSummarizer;
import org.newsflow.enrich.text.ArticleText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Computes the enrichment of one article. Pure: no I/O, the same input gives the same output (apart from the
 * timestamp), so the service and the command line share it. What fits ninjs goes into its standard fields;
 * the rest goes into {@link Enrichment}.
 */
@ApplicationScoped
public class Enricher {

    /** Bump when the rules change, so stored enrichments show which rules made them. */
    public static final String VERSION = "0.2.0";

    private final LanguageDetector languages;
    private final LeadSummarizer summarizer;
    private final KeywordExtractor keywords;

    public Enricher(LanguageDetector languages, LeadSummarizer summarizer, KeywordExtractor keywords) {
        this.languages = languages;
        this.summarizer = summarizer;
        this.keywords = keywords;
    }

    public record Result(ObjectNode article, Enrichment enrichment, String summary) {
    }

    public Result enrich(ObjectNode submitted) {
        ObjectNode article = submitted.deepCopy();
        ArticleText text = ArticleText.of(article);
        LanguageGuess language = languages.decide(article.path("language").asText(null), text);
        int wordCount = ArticleText.countWords(text.body());
        String summary = summarizer.summarize(text, language.language());
        List<String> keyPhrases = keywords.extract(text, language.language());

        if (!LanguageGuess.UNDETERMINED.equals(language.language())) {
            article.put("language", language.language());
        }
        JsonNode mainBody = ArticleText.preferMain(article.get("bodies"));
        if (mainBody instanceof ObjectNode body) {
            body.put("wordCount", wordCount);
            body.put("charCount", text.body().length());
        }
        if (!summary.isBlank() && !hasSummary(article)) {
            ArrayNode descriptions = article.has("descriptions") && article.get("descriptions").isArray()
                    ? (ArrayNode) article.get("descriptions") : article.putArray("descriptions");
            descriptions.addObject().put("role", "summary").put("contentType", "text/plain").put("value", summary);
        }
        Enrichment enrichment = new Enrichment(VERSION, language.language(), language.source(), language.confidence(),
                wordCount, keyPhrases, Instant.now());
        return new Result(article, enrichment, summary);
    }

    private static boolean hasSummary(ObjectNode article) {
        for (JsonNode description : article.path("descriptions")) {
            if ("summary".equals(description.path("role").asText())) {
                return true;
            }
        }
        return false;
    }
}
