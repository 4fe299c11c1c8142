package org.newsflow.enrich.entities;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Foreign people's names in Japanese text: katakana words joined by a middle dot ("ビル・ネルソン"), the way
 * Japanese writes a foreign given name and surname.
 */
final class KatakanaNames {

    private static final Pattern NAME = Pattern.compile("[\\p{IsKatakana}ー]{2,}(?:[・･][\\p{IsKatakana}ー]{2,})+");

    static Set<String> find(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private KatakanaNames() {
    }
}
