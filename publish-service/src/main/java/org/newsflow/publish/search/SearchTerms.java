package org.newsflow.publish.search;

import java.util.HashSet;
import java.util.Set;

import org.newsflow.publish.subscription.ArticleFeatures;
import org.newsflow.publish.subscription.Field;

/**
 * The terms an article is indexed under, and for each wanted filter value the one term every matching article
 * must have. A term is a 64-bit FNV-1a hash of the field and the folded value. Names are also indexed by their
 * last word and key phrases by each of their words, because filters match "Aliyev" to "Ilham Aliyev" and
 * "pipeline" to the key phrase "gas pipeline"; text is indexed word by word.
 */
public final class SearchTerms {

    private static final char LAST_NAME = 'L';
    private static final char WORD = 'W';

    private SearchTerms() {
    }

    /** Every term of {@code article}. */
    public static Set<Long> of(ArticleFeatures article) {
        Set<Long> terms = new HashSet<>();
        for (Field field : Field.values()) {
            if (field == Field.TEXT) {
                article.textWords().forEach(word -> terms.add(hash(field, WORD, word)));
                continue;
            }
            for (String value : article.values(field)) {
                terms.add(hash(field, ' ', value));
                if (field == Field.PEOPLE) {
                    terms.add(hash(field, LAST_NAME, lastWord(value)));
                } else if (field == Field.KEYWORDS) {
                    for (String word : value.split(" ")) {
                        terms.add(hash(field, WORD, word));
                    }
                }
            }
        }
        return terms;
    }

    /**
     * A term that every article matching {@code wanted} (already folded) in {@code field} has. Necessary, not
     * sufficient: "port opens" needs the word "opens", and the phrase is checked on the article itself.
     */
    public static long required(Field field, String wanted) {
        return switch (field) {
            case TEXT -> hash(field, WORD, longestWord(wanted));
            case KEYWORDS -> hash(field, WORD, longestWord(wanted));
            case PEOPLE -> hash(field, LAST_NAME, lastWord(wanted));
            default -> hash(field, ' ', wanted);
        };
    }

    private static String lastWord(String value) {
        return value.substring(value.lastIndexOf(' ') + 1);
    }

    private static String longestWord(String value) {
        String longest = "";
        for (String word : value.split(" ")) {
            if (word.length() > longest.length()) {
                longest = word;
            }
        }
        return longest;
    }

    static long hash(Field field, char kind, String value) {
        long hash = 0xcbf29ce484222325L;
        hash = step(hash, (char) ('a' + field.ordinal()));
        hash = step(hash, kind);
        for (int i = 0; i < value.length(); i++) {
            hash = step(hash, value.charAt(i));
        }
        return hash;
    }

    private static long step(long hash, char c) {
        hash ^= c & 0xff;
        hash *= 0x100000001b3L;
        hash ^= c >>> 8;
        return hash * 0x100000001b3L;
    }
}
