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
 * Names of countries (39 languages), regions, and cities of 15,000 or more (the bigger ones under their other
 * names and spellings too), from data derived into the project (see places/PLACES-DATA.md for sources and
 * licences). Loaded once; about 115,000 names.
 */
public final class Gazetteer {

    /** A place a name can stand for. */
    public record Entry(String name, String countryCode, boolean country, long population, String geonamesId) {
    }

    /** A place and the name of it that a word was read as ("Москве" → Москва, Moscow). */
    public record Named(Entry entry, String name) {
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
    private final Map<String, Entry> alternates = new HashMap<>();
    private final Map<String, Named> byStem = new HashMap<>();
    /** Chinese city names without their 市, which only Chinese writes so ("千歳" inside "新千歳空港" is no city). */
    private final Set<String> chineseCityStems = new java.util.HashSet<>();
    /** Names of two or three words by the first letters of each word ({@link #phraseKey}), for declined phrases. */
    private final Map<String, Named> byPhraseStem = new HashMap<>();
    private final List<String> unspacedNames = new ArrayList<>();
    private final Map<Character, List<String>> unspacedByFirst = new HashMap<>();
    /** The first word of every name and demonym → the most words a name starting with it has. */
    private final Map<String, Integer> firstWords = new HashMap<>();

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
        Map<String, Entry> cities = new HashMap<>(); // by GeoNames id
        read("cities.tsv", fields -> {
            String name = fields[0];
            if (name.length() < 4 || AMBIGUOUS_CITIES.contains(name) || byName.containsKey(name)) {
                return; // a country of that name, or a bigger city of that name, wins
            }
            Entry city = new Entry(name, fields[1], false, Long.parseLong(fields[2]), fields[3]);
            byName.put(name, city);
            cities.put(fields[3], city);
        });
        // other names of the bigger cities: "Derna" (Darnah), "Ulaanbaatar" (Ulan Bator), "Москва" (Moscow)
        read("city-names.tsv", fields -> {
            Entry city = cities.get(fields[1]);
            if (city != null && !AMBIGUOUS_CITIES.contains(fields[0]) && !byName.containsKey(fields[0])) {
                alternates.putIfAbsent(fields[0], city);
                String name = fields[0];
                if (name.length() >= 3 && name.endsWith("市") && unspaced(name.codePointAt(0))) {
                    String stem = name.substring(0, name.length() - 1); // "台北市" is mostly written "台北" in Chinese
                    if (alternates.putIfAbsent(stem, city) == null) {
                        chineseCityStems.add(stem);
                    }
                }
            }
        });
        read("demonyms.tsv", fields -> demonyms.put(fields[0], fields[1]));
        demonyms.keySet().forEach(d -> firstWords.merge(d.split(" ")[0], d.split(" ").length, Math::max));
        Map<String, Entry> all = new HashMap<>(alternates);
        all.putAll(byName);
        for (Map.Entry<String, Entry> named : all.entrySet()) {
            String name = named.getKey();
            firstWords.merge(name.split(" ")[0], name.split(" ").length, Math::max);
            if (name.codePoints().anyMatch(Gazetteer::unspaced)) {
                unspacedNames.add(name);
            }
            String stem = stem(name);
            String[] nameWords = name.split(" ");
            if (nameWords.length >= 2 && nameWords.length <= 3) {
                int[] lengths = new int[nameWords.length];
                for (int w = 0; w < nameWords.length; w++) {
                    lengths[w] = Math.min(5, nameWords[w].length() - 2);
                }
                if (java.util.Arrays.stream(lengths).allMatch(l -> l >= 3)) {
                    byPhraseStem.merge(phraseKey(nameWords, lengths), new Named(named.getValue(), name),
                            (x, y) -> x.entry().population() >= y.entry().population() ? x : y);
                }
            }
            if (!name.contains(" ")) {
                for (String key : new String[] { stem, name }) { // "Россия" → "Росси…"; "Oslo" → "Oslos"
                    if (key.length() >= 4) {
                        byStem.merge(key, new Named(named.getValue(), name),
                                (x, y) -> x.entry().population() >= y.entry().population() ? x : y);
                    }
                }
            }
        }
        unspacedNames.sort(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(n -> n));
        unspacedNames.forEach(n -> unspacedByFirst.computeIfAbsent(n.charAt(0), c -> new ArrayList<>()).add(n));
    }

    /** Unspaced names that start with {@code first}, longest first. */
    public List<String> unspacedNamesStartingWith(char first) {
        return unspacedByFirst.getOrDefault(first, List.of());
    }

    /** Names written in scripts without spaces between words (Chinese, Japanese, Thai), longest first. */
    public List<String> unspacedNames() {
        return unspacedNames;
    }

    /** Whether some name or demonym starts with this word; most words start none, and are skipped at once. */
    public boolean startsAName(String word) {
        return firstWords.containsKey(word);
    }

    /** The most words of a name or demonym that starts with {@code word}; 0 when none does. */
    public int longestNameStartingWith(String word) {
        return firstWords.getOrDefault(word, 0);
    }

    static boolean unspaced(int codePoint) {
        if (codePoint < 0x0E00) {
            return false; // below Thai: Latin, Greek, Cyrillic, Arabic, Indic scripts all use spaces
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }

    /** Whether the word holds a Latin letter with a diacritic ("París"). */
    public static boolean accented(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0xC0 && c < 0x250) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is a Chinese city's name without its 市, to be read in Chinese text only. */
    public boolean chineseCityStem(String name) {
        return chineseCityStems.contains(name);
    }

    /**
     * The place of a name, under any of its names; a name written with accents the gazetteer lacks is also found
     * without them ("París", "Berlín" → Paris, Berlin).
     */
    public Entry find(String name) {
        Entry entry = byName.get(name);
        if (entry == null) {
            entry = alternates.get(name);
        }
        if (entry == null && name.length() >= 4 && accented(name)) {
            String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            if (!plain.equals(name)) {
                entry = byName.get(plain);
                if (entry == null) {
                    entry = alternates.get(plain);
                }
            }
        }
        return entry;
    }

    /**
     * The place of a country's or region's name or a city's main name, not of a city's other names: those
     * include given names ("Vladimir", "Isabela") that must not stop a person's name from being read as one.
     */
    public Entry findPrimary(String name) {
        return byName.get(name);
    }

    /**
     * The place an inflected word names, for languages that inflect names ("Keenias" → Keenia, "России" →
     * Россия, "Deutschlands" → Deutschland): the word starts with a one-word name less its final vowels, followed
     * by at most three letters; the longest such stem wins. Null when no name fits.
     */
    public Named findInflected(String word) {
        if (word.length() < 5) {
            return null;
        }
        for (int stemLength = word.length(); stemLength >= Math.max(4, word.length() - 3); stemLength--) {
            Named candidate = byStem.get(word.substring(0, stemLength)); // the longest stem is the most specific
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The place a declined phrase of two or three words names ("Саудовской Аравии" → Саудовская Аравия, "Nowej
     * Zelandii" → Nowa Zelandia): each word starts as a word of the name does, its first five letters (fewer for
     * a short word) before the case ending. Null when no name fits.
     */
    public Named findInflectedPhrase(List<String> words) {
        if (words.size() < 2 || words.size() > 3) {
            return null;
        }
        int[] lengths = new int[words.size()];
        return findPhrase(words, lengths, 0);
    }

    private Named findPhrase(List<String> words, int[] lengths, int word) {
        if (word == words.size()) {
            return byPhraseStem.get(phraseKey(words.toArray(String[]::new), lengths));
        }
        for (int length = Math.min(5, words.get(word).length()); length >= 3; length--) {
            lengths[word] = length;
            Named found = findPhrase(words, lengths, word + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String phraseKey(String[] words, int[] lengths) {
        StringBuilder key = new StringBuilder();
        for (int w = 0; w < words.length; w++) {
            key.append(words[w], 0, Math.min(lengths[w], words[w].length())).append(' ');
        }
        return key.toString();
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
