package org.newsflow.ingest.article;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Reduces publisher HTML to a safe subset with jsoup: text structure, links (http, https, mailto), images (http,
 * https), tables. Scripts, styles, event handlers, iframes, forms and {@code javascript:} URLs do not survive.
 */
@ApplicationScoped
public class HtmlSanitizer {

    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption, dt, dd";

    private final Safelist safelist = Safelist.relaxed()
            .addTags("figure", "figcaption", "abbr", "mark", "s", "time")
            .addAttributes("time", "datetime")
            .addAttributes("a", "rel");
    private final Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);

    public String sanitize(String html) {
        return Jsoup.clean(html, "", safelist, compact);
    }

    /** The text of a one-line field that holds markup: tags removed, entities decoded, spaces collapsed. */
    public String textOf(String markup) {
        return Jsoup.parseBodyFragment(markup).body().text();
    }

    /** The readable text of (sanitised) HTML: one paragraph per block, separated by a blank line. */
    public String plainText(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        List<String> paragraphs = new ArrayList<>();
        List<Element> blocks = document.body().select(BLOCKS);
        for (Element block : blocks) {
            if (block.select(BLOCKS).size() == 1) { // innermost blocks only (select includes the block itself)
                add(paragraphs, block.text());
            }
        }
        if (paragraphs.isEmpty()) {
            add(paragraphs, document.body().text());
        }
        return String.join("\n\n", paragraphs);
    }

    private static void add(List<String> paragraphs, String text) {
        String stripped = text.strip();
        if (!stripped.isEmpty()) {
            paragraphs.add(stripped);
        }
    }
}
