package org.newsflow.enrich.story;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The specific numbers of a text — a death toll of 179, a vote count of 5,586,019, an index closing at 39,098 — which
 * two reports of one event share in any language and script, while unrelated stories rarely do. Digits of any
 * script are read ("١٧٩" is 179); thousands separators and decimal marks are dropped, because outlets write
 * them differently ("40.05" and "40,05" are the same figure). Left out as too common to tell events apart:
 * numbers below 100, round hundreds, and years (1900–2099).
 */
public final class SpecificNumbers {

    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}+(?:[.,\u00a0\u202f]\\p{Nd}+)*");
    /** At most this many per article, in order of first mention, so that index work stays bounded. */
    private static final int MOST = 12;

    private SpecificNumbers() {
    }

    public static Set<String> in(String text) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find() && numbers.size() < MOST) {
            StringBuilder digits = new StringBuilder();
            matcher.group().codePoints().filter(Character::isDigit)
                    .forEach(c -> digits.append((char) ('0' + Character.digit(c, 10))));
            String number = digits.toString().replaceFirst("^0+(?=.)", "");
            if (specific(number)) {
                numbers.add(number);
            }
        }
        return numbers;
    }

    private static boolean specific(String number) {
        if (number.length() < 3 || number.endsWith("00")) {
            return false;
        }
        boolean year = number.length() == 4 && (number.startsWith("19") || number.startsWith("20"));
        return !year;
    }
}
