package org.newsflow.enrich.reprint;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.Attribution;
import org.newsflow.enrich.text.ArticleText;

/**
 * Reads explicit attribution in the opening and closing paragraphs of English text: "X reprints the article by
 * Y" (with the original publisher from "Z has published an article"), "originally/first published by Z",
 * "(MENAFN- Z)", and reports citing a news agency. Names the original source even when it was never pushed.
 */
@ApplicationScoped
public class AttributionParser {

    public static final String SOURCE = "attribution-patterns";

    private static final String NAME = "([A-Z][\\p{L}\\p{N}.&'’-]*(?: [A-Z][\\p{L}\\p{N}.&'’-]*){0,4})";
    private static final String PERSON = "([A-Z][\\p{L}.'’-]+(?: [A-Z][\\p{L}.'’-]+){1,3})";
    private static final String PIECE = "(?:article|column|op-ed|opinion piece|piece|story|commentary|interview)";
    private static final Pattern REPRINTS = Pattern.compile(NAME + " (?:reprints|republishes|reproduces) (?:the|this|an?) "
            + PIECE + "(?: [^.]{0,80}?)? by " + PERSON);
    private static final Pattern PUBLISHED = Pattern.compile(NAME + "(?:, [^,]{1,80},)? (?:has )?published (?:an?|the) "
            + PIECE);
    private static final Pattern ORIGINALLY = Pattern.compile("(?:originally|first) (?:published|appeared) (?:by|in|on) "
            + "(?:the )?" + NAME);
    private static final Pattern MENAFN = Pattern.compile("\\(MENAFN- ?([^)]{2,60})\\)");
    private static final String AGENCIES = "(?i:Reuters|AFP|Agence France-Presse|Associated Press|AP|Bloomberg|Xinhua|"
            + "TASS|Interfax|RIA Novosti|dpa|EFE|ANSA|Kyodo|Yonhap|PTI|Press Trust of India|ANI|Anadolu|Trend|APA|Azertac|"
            + "AzerNews|Report\\.az|News\\.Az|WAM|SPA|IRNA|BERNAMA|Antara|Notimex|Europa Press)";
    private static final Pattern CITING = Pattern.compile("(?:citing|according to|reported by|quoted by) (?:the )?("
            + AGENCIES + ")\\b");
    /** "Azernews reports", "as Reuters reported": an agency or an outlet-like name reporting. */
    private static final Pattern REPORTS = Pattern.compile("(?:^|, |as |\\. )(?:the )?(" + AGENCIES
            + "|[A-Z][\\p{L}]*(?: [A-Z][\\p{L}]*)? (?:News|Times|Post|Daily|Herald|Gazette|Journal|Tribune)"
            + "|[A-Z][\\p{L}]+\\.(?:[a-z]{2,3}|[A-Z][a-z]))(?:'s [a-z ]{0,20})? (?:reports|reported|writes|wrote)\\b");

    public Optional<Attribution> find(ArticleText text) {
        List<String> sentences = sentences(text);
        for (String sentence : sentences) {
            Matcher reprint = REPRINTS.matcher(sentence);
            if (reprint.find()) {
                String original = sentences.stream().map(PUBLISHED::matcher).filter(Matcher::find)
                        .map(m -> m.group(1)).filter(name -> !name.equals(reprint.group(1))).findFirst().orElse(null);
                return Optional.of(new Attribution(clean(original), clean(reprint.group(2)), "reprints-article-by", sentence));
            }
        }
        for (String sentence : sentences) {
            Matcher menafn = MENAFN.matcher(sentence);
            if (menafn.find()) {
                return Optional.of(new Attribution(clean(menafn.group(1)), null, "menafn", sentence));
            }
            Matcher originally = ORIGINALLY.matcher(sentence);
            if (originally.find()) {
                return Optional.of(new Attribution(clean(originally.group(1)), null, "originally-published", sentence));
            }
        }
        for (String sentence : sentences) {
            Matcher citing = CITING.matcher(sentence);
            if (citing.find()) {
                return Optional.of(new Attribution(citing.group(1), null, "citing", sentence));
            }
            Matcher reports = REPORTS.matcher(sentence);
            if (reports.find()) {
                return Optional.of(new Attribution(clean(reports.group(1)), null, "reports", sentence));
            }
        }
        return Optional.empty();
    }

    /** "Midland Herald." → "Midland Herald" (names may contain dots, as in News.Az, but do not end with one). */
    private static String clean(String name) {
        return name == null ? null : name.strip().replaceAll("[.,;:]+$", "");
    }

    /** Sentences of the headline, the first two paragraphs and the last one: where attribution is written. */
    private static List<String> sentences(ArticleText text) {
        List<String> blocks = new ArrayList<>();
        List<String> paragraphs = text.paragraphs();
        blocks.addAll(paragraphs.subList(0, Math.min(2, paragraphs.size())));
        if (paragraphs.size() > 2) {
            blocks.add(paragraphs.get(paragraphs.size() - 1));
        }
        List<String> sentences = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        for (String block : blocks) {
            breaks.setText(block);
            for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                String sentence = block.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }
}
