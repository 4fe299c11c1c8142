package org.newsflow.enrich.summary;

import java.text.BreakIterator;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.text.ArticleText;

/**
 * An extractive summary from the lead: news is written top-down, so the opening sentences carry the story.
 * Takes whole sentences, in the article's language, up to the configured count and length.
 */
@ApplicationScoped
public class LeadSummarizer {

    public static final String SOURCE = "lead-sentences";

    private final EnrichConfig config;

    public LeadSummarizer(EnrichConfig config) {
        this.config = config;
    }

    public String summarize(ArticleText text, String language) {
        String body = text.body();
        if (body.isBlank()) {
            return text.headline();
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.forLanguageTag(language));
        sentences.setText(body);
        StringBuilder summary = new StringBuilder();
        int taken = 0;
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
                start = end, end = sentences.next()) {
            String sentence = body.substring(start, end).strip();
            if (sentence.isEmpty()) {
                continue;
            }
            if (taken > 0 && summary.length() + 1 + sentence.length() > config.summary().maxChars()) {
                break;
            }
            if (taken > 0) {
                summary.append(' ');
            }
            summary.append(sentence);
            if (++taken >= config.summary().maxSentences()) {
                break;
            }
        }
        String result = summary.toString();
        return result.length() <= config.summary().maxChars() ? result
                : result.substring(0, config.summary().maxChars() - 1).strip() + "…";
    }
}
