package org.newsflow.enrich.story;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single capitalised words an article writes more than once in mid-sentence and never in lower case: mostly the
 * surnames reports use after the first mention, or alone ("Sinner beat Medvedev"), which the name finder does not
 * list as people without a given name. They let two reports of one event meet by the people in them. Not read in
 * languages that capitalise every noun (German), nor in scripts without capitals.
 */
final class RepeatedNames {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{M}'’\\-]*|[.!?:;\"“”«»]");
    private static final Set<String> CAPITALISED_NOUNS = Set.of("de", "lb");

    private RepeatedNames() {
    }

    static Set<String> in(String text, String language) {
        String primary = language == null ? "" : language.split("-")[0];
        Set<String> found = new LinkedHashSet<>();
        if (CAPITALISED_NOUNS.contains(primary)) {
            return found;
        }
        Map<String, Integer> midSentence = new HashMap<>();
        Set<String> lowerCase = new HashSet<>();
        Matcher matcher = WORD.matcher(text);
        boolean sentenceStart = true;
        while (matcher.find()) {
            String token = matcher.group();
            if (token.length() == 1 && !Character.isLetter(token.charAt(0))) {
                sentenceStart = ".!?:;".contains(token) || sentenceStart;
                continue;
            }
            int first = token.codePointAt(0);
            if (Character.isLowerCase(first)) {
                lowerCase.add(token.toLowerCase(java.util.Locale.ROOT));
            } else if (Character.isUpperCase(first) && !sentenceStart && token.length() >= 3
                    && !token.equals(token.toUpperCase(java.util.Locale.ROOT))) {
                midSentence.merge(token, 1, Integer::sum);
            }
            sentenceStart = false;
            if (text.startsWith("\n", matcher.end())) {
                sentenceStart = true; // a paragraph or a headline ends here
            }
        }
        midSentence.forEach((word, count) -> {
            if (count >= 2 && !lowerCase.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                found.add(word);
            }
        });
        return found;
    }
}
