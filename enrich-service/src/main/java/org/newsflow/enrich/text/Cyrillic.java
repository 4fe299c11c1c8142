package org.newsflow.enrich.text;

/** Cyrillic letters in Latin ones, by a plain letter-for-letter scheme ("Месси" → "messi", "Лионель" → "lionel"). */
public final class Cyrillic {

    private static final String LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ";
    private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
            "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye",
            "g"};

    private Cyrillic() {
    }

    /**
     * The word in lower-case Latin letters; letters already Latin are kept. Null when the word holds a letter of
     * another script.
     */
    public static String toLatin(String word) {
        StringBuilder latin = new StringBuilder();
        for (char c : word.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            int at = LETTERS.indexOf(c);
            if (at >= 0) {
                latin.append(LATIN[at]);
            } else if (c < 0x250 && Character.isLetter(c)) {
                latin.append(c);
            } else {
                return null;
            }
        }
        return latin.toString();
    }
}
