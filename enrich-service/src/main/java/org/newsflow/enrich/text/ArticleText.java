package org.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The readable text of a ninjs article: its main headline and its main body as plain paragraphs, whatever
 * markup the body came in.
 */
public record ArticleText(String headline, List<String> paragraphs) {

    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";
    private static final Pattern WORD = Pattern.compile(
            "[\\p{L}\\p{N}]+(?:(?:['’\\-]|(?<=\\p{N})[.,](?=\\p{N}))[\\p{L}\\p{N}]+)*");

    public static ArticleText of(JsonNode article) {
        JsonNode headline = preferMain(article.get("headlines"));
        JsonNode body = preferMain(article.get("bodies"));
        return new ArticleText(headline == null ? "" : headline.path("value").asText("").strip(),
                body == null ? List.of() : paragraphs(body));
    }

    /** The body that enrichment works on: the one with role {@code main}, else the first. */
    public static JsonNode preferMain(JsonNode entries) {
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            return null;
        }
        for (JsonNode entry : entries) {
            if ("main".equals(entry.path("role").asText())) {
                return entry;
            }
        }
        return entries.get(0);
    }

    public String body() {
        return String.join("\n\n", paragraphs);
    }

    /** Headline and body, for tasks that read everything. */
    public String all() {
        return headline.isEmpty() ? body() : headline + "\n\n" + body();
    }

    /** "Aliyev's" → "Aliyev" (without a regular expression: this runs for every word). */
    public static String stripPossessive(String word) {
        int n = word.length();
        if (n > 2 && word.charAt(n - 1) == 's' && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '’')) {
            return word.substring(0, n - 2);
        }
        // a case ending after an apostrophe, as Turkish writes it on names: "Erdoğan'ın", "Ankara'ya", "ABD'nin"
        int apostrophe = Math.max(word.lastIndexOf('\''), word.lastIndexOf('’'));
        if (apostrophe >= 2 && n - apostrophe - 1 >= 1 && n - apostrophe - 1 <= 5
                && Character.isUpperCase(word.codePointAt(0))
                && word.substring(apostrophe + 1).codePoints().allMatch(Character::isLowerCase)) {
            return word.substring(0, apostrophe);
        }
        return word;
    }

    /**
     * The words of a text as {@link #words} reads them (letters and digits, joined by an apostrophe or a hyphen,
     * and digits by a point or a comma), counted without building them: this runs for every article.
     */
    public static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        int previous = 0;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (letterOrNumber(c)) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (inWord && i + width < text.length()) {
                int next = text.codePointAt(i + width);
                boolean joins = letterOrNumber(next) && (c == '\'' || c == '’' || c == '-'
                        || ((c == '.' || c == ',') && number(previous) && number(next)));
                inWord = joins;
            } else {
                inWord = false;
            }
            previous = c;
            i += width;
        }
        return words;
    }

    private static boolean letterOrNumber(int c) {
        return Character.isLetter(c) || number(c);
    }

    private static boolean number(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Runs of white space as one space. */
    private static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static List<String> paragraphs(JsonNode body) {
        String value = body.path("value").asText("");
        String contentType = body.path("contentType").asText("");
        boolean html = contentType.contains("html") || (contentType.isEmpty() && value.contains("</"));
        List<String> paragraphs = new ArrayList<>();
        if (html) {
            Document document = Jsoup.parseBodyFragment(value);
            List<Element> blocks = document.body().select(BLOCKS);
            if (blocks.isEmpty()) {
                addParagraph(paragraphs, document.body().text());
            }
            for (Element block : blocks) {
                if (block.select(BLOCKS).size() == 1) { // innermost blocks only (select includes the block itself)
                    addParagraph(paragraphs, block.text());
                }
            }
        } else {
            for (String paragraph : value.split("\\R\\s*\\R")) {
                addParagraph(paragraphs, collapseWhitespace(paragraph));
            }
        }
        return List.copyOf(paragraphs);
    }

    private static void addParagraph(List<String> paragraphs, String text) {
        String stripped = text.strip();
        if (!stripped.isEmpty()) {
            paragraphs.add(stripped);
        }
    }
}
