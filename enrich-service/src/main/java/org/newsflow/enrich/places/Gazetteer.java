package org.newsflow.enrich.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Names of countries (39 languages) and of cities of 100,000 or more, from data derived into the project (see
 * places/PLACES-DATA.md for sources and licences). Loaded once; about 11,000 names.
 */
public final class Gazetteer {

    /** A place a name can stand for. */
    public record Entry(String name, String countryCode, boolean country, long population, String geonamesId) {
    }

    /**
     * City names that are more often something else in news text: common words, first names, or names of
     * bigger places elsewhere.
     */
    private static final Set<String> AMBIGUOUS_CITIES = Set.of("Reading", "Mobile", "Nice", "Split", "Independence",
            "Surprise", "Normal", "Orange", "Eugene", "Victoria", "Aurora", "Sandy", "Lafayette", "Columbia", "Irving",
            "Mesa", "Garden Grove", "Hollywood", "Pueblo", "Marina", "Bello", "Santa", "Sale", "Bath", "Hamilton",
            "Kent", "Lincoln", "Jackson", "Madison", "Charlotte", "Arlington", "Springfield", "Georgetown", "Concord",
            "Manchester", "Cambridge", "Paterson", "Franklin", "Jersey City", "Salem", "Union", "Providence",
            "Mandela", "Lenin", "Gandhi", "Kirov", "Marx", "Lion", "Leon", "Trump", "Buffalo", "Temple", "Oxford");

    private final Map<String, Entry> byName = new HashMap<>();
    private final Map<String, String> countryNames = new HashMap<>();
    private final Map<String, String> demonyms = new HashMap<>();
    private final Map<String, Entry> byStem = new HashMap<>();
    private final List<String> unspacedNames = new ArrayList<>();
    private final java.util.Set<String> firstWords = new java.util.HashSet<>();
    private int longest = 1;

    public Gazetteer() {
        read("countries.tsv", fields -> {
            Entry entry = new Entry(fields[1], fields[0], true, Long.MAX_VALUE, null);
            byName.merge(fields[1], entry, (a, b) -> a);
            if (fields.length > 2 && "*".equals(fields[2])) {
                countryNames.put(fields[0], fields[1]);
            }
        });
        read("country-aliases.tsv", fields -> byName.putIfAbsent(fields[1],
                new Entry(fields[1], fields[0], true, Long.MAX_VALUE, null)));
        read("regions.tsv", fields -> {
            for (String name : fields[1].split(",")) {
                String region = name.strip();
                byName.putIfAbsent(region, new Entry(region, fields[0].equals("-") ? null : fields[0], false,
                        Long.MAX_VALUE / 2, null));
            }
        });
        read("cities.tsv", fields -> {
            String name = fields[0];
            if (name.length() < 4 || AMBIGUOUS_CITIES.contains(name) || byName.containsKey(name)) {
                return; // a country of that name, or a bigger city of that name, wins
            }
            byName.put(name, new Entry(name, fields[1], false, Long.parseLong(fields[2]), fields[3]));
        });
        read("demonyms.tsv", fields -> demonyms.put(fields[0], fields[1]));
        demonyms.keySet().forEach(d -> firstWords.add(d.split(" ")[0]));
        for (Map.Entry<String, Entry> named : byName.entrySet()) {
            String name = named.getKey();
            firstWords.add(name.split(" ")[0]);
            if (name.codePoints().anyMatch(Gazetteer::unspaced)) {
                unspacedNames.add(name);
            }
            longest = Math.max(longest, name.split(" ").length);
            String stem = stem(name);
            if (!name.contains(" ")) {
                for (String key : new String[] { stem, name }) { // "Россия" → "Росси…"; "Oslo" → "Oslos"
                    if (key.length() >= 4) {
                        byStem.merge(key, named.getValue(), (x, y) -> x.population() >= y.population() ? x : y);
                    }
                }
            }
        }
        unspacedNames.sort(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(n -> n));
    }

    /** Names written in scripts without spaces between words (Chinese, Japanese, Thai), longest first. */
    public List<String> unspacedNames() {
        return unspacedNames;
    }

    /** Whether some name or demonym starts with this word; most words start none, and are skipped at once. */
    public boolean startsAName(String word) {
        return firstWords.contains(word);
    }

    static boolean unspaced(int codePoint) {
        if (codePoint < 0x0E00) {
            return false; // below Thai: Latin, Greek, Cyrillic, Arabic, Indic scripts all use spaces
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }

    public Entry find(String name) {
        return byName.get(name);
    }

    /**
     * The place an inflected word names, for languages that inflect names ("Keenias" → Keenia, "России" →
     * Россия, "Deutschlands" → Deutschland): the word starts with a one-word name less its final vowels, followed
     * by at most three letters; the longest such stem wins. Null when no name fits.
     */
    public Entry findInflected(String word) {
        if (word.length() < 5) {
            return null;
        }
        for (int stemLength = word.length(); stemLength >= Math.max(4, word.length() - 3); stemLength--) {
            Entry candidate = byStem.get(word.substring(0, stemLength)); // the longest stem is the most specific
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    private static String stem(String name) {
        int end = name.length();
        while (end > 0 && end > name.length() - 2 && "aeiouyäöüåáéíóúаяеёиоуыьйэюі".indexOf(Character.toLowerCase(name.charAt(end - 1))) >= 0) {
            end--;
        }
        return name.substring(0, end);
    }

    /** The country of an adjective or demonym ("Kenyan" → a Kenya entry), or null. */
    public Entry countryOfDemonym(String word) {
        String code = demonyms.get(word);
        return code == null ? null : new Entry(countryName(code), code, true, Long.MAX_VALUE, null);
    }

    /** The English name of a country. */
    public String countryName(String code) {
        return countryNames.getOrDefault(code, code);
    }

    public int longestNameInWords() {
        return longest;
    }

    private static void read(String file, Consumer<String[]> row) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(file);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    row.accept(line.split("\t"));
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the gazetteer file " + file + " is missing from the build", e);
        }
    }
}
