package org.newsflow.platform.html;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Reduces publisher HTML to a safe subset with jsoup: text structure, links (http, https, mailto), images (http,
 * https), tables. Scripts, styles, event handlers, iframes, forms and {@code javascript:} URLs do not survive.
 * Thread-safe. ingest sanitises what publishers send; publish sanitises again what it is about to hand to consumers,
 * since it cannot tell an event from ingest from one written to its topic by someone else.
 */
public class HtmlSanitizer {

    /** A tag, a comment or declaration, or a character entity: what a renderer would not show as written. */
    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("<[a-zA-Z/!?]|&(#?[a-zA-Z0-9]+);");
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption, dt, dd";

    private final Safelist safelist = Safelist.relaxed()
            .addTags("figure", "figcaption", "abbr", "mark", "s", "time")
            .addAttributes("time", "datetime")
            .addAttributes("a", "rel");
    private final Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);

    public String sanitize(String html) {
        return Jsoup.clean(html, "", safelist, compact);
    }

    /** Whether {@code text} holds markup; {@code Inflation < 2 %} or {@code AT&T} do not. */
    public boolean hasMarkup(String text) {
        return MARKUP.matcher(text).find();
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

    /**
     * Makes a ninjs article safe to hand on, in place, whoever wrote it: bodies and descriptions that are not
     * declared {@code text/plain} and hold markup are sanitised, headlines lose any markup. For what ingest already
     * cleaned this changes nothing (sanitising is idempotent).
     */
    public void neutralise(com.fasterxml.jackson.databind.JsonNode article) {
        for (String field : List.of("bodies", "descriptions")) {
            for (com.fasterxml.jackson.databind.JsonNode entry : article.path(field)) {
                if (entry instanceof com.fasterxml.jackson.databind.node.ObjectNode object && object.path("value").isTextual()
                        && !object.path("contentType").asText("").toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")
                        && hasMarkup(object.get("value").asText())) {
                    object.put("value", sanitize(object.get("value").asText()));
                }
            }
        }
        for (com.fasterxml.jackson.databind.JsonNode entry : article.path("headlines")) {
            if (entry instanceof com.fasterxml.jackson.databind.node.ObjectNode object && object.path("value").isTextual()
                    && hasMarkup(object.get("value").asText())) {
                object.put("value", textOf(object.get("value").asText()));
            }
        }
    }
}
