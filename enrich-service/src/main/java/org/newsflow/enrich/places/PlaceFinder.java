package org.newsflow.enrich.places;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.enrich.text.ArticleText;

/**
 * Finds countries and cities named in an article with the {@link Gazetteer}: the longest capitalised word
 * sequence that is a known name wins; a name directly followed by another capitalised word is taken as part of a
 * longer name ("China Daily") and skipped. A demonym ("Kenyan") counts as a mention of its country. A word in
 * capitals (a dateline: "NEW YORK") is read as a name. A city counts for its country too. A country is what the article is
 * <em>about</em> when it is named in the headline or the first paragraph, at least twice, or more often than any
 * other country.
 */
@ApplicationScoped
public class PlaceFinder {

    public static final String SOURCE = "gazetteer-v1";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}'’.\\-]*");
    private static final Set<String> TITLES = Set.of("President", "Prime", "Minister", "Foreign", "Defence", "Defense",
            "Interior", "King", "Queen", "Premier", "Chancellor", "Ambassador", "Embassy", "Government", "Parliament");

    /** Capitalised words before a city that do not make it part of a person's name ("In Derna", "The Hague"). */
    private static final Set<String> NOT_NAME_STARTS = Set.of("In", "At", "From", "To", "The", "And", "Of", "For", "On",
            "By", "Near", "Outside", "Inside", "Across", "Central", "Downtown", "North", "South", "East", "West",
            "Northern", "Southern", "Eastern", "Western", "Greater", "Old", "New", "Upper", "Lower", "En", "Em", "Dans",
            "À", "Au", "Aus", "Im", "Bei", "Nach", "Von", "Di", "Ke", "Dari", "Del", "Na", "No", "Da", "Desde", "Para");

    private final Gazetteer gazetteer;

    public PlaceFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A place found in the text, with the count of its mentions (a country's include its cities'). */
    public record Found(String name, String countryCode, boolean country, String geonamesId, int mentions,
            boolean inLead, double relevance, boolean about) {
    }

    public List<Found> find(ArticleText text) {
        String lead = text.headline() + "\n" + (text.paragraphs().isEmpty() ? "" : text.paragraphs().get(0));
        Map<String, int[]> counts = new LinkedHashMap<>(); // key: entry name → {mentions, inLead}
        Map<String, Gazetteer.Entry> entries = new LinkedHashMap<>();
        scan(lead, counts, entries, true);
        List<String> rest = text.paragraphs().size() > 1 ? text.paragraphs().subList(1, text.paragraphs().size()) : List.of();
        scan(String.join("\n", rest), counts, entries, false);

        Map<String, int[]> countries = new LinkedHashMap<>(); // code → {mentions, inLead}
        for (Map.Entry<String, Gazetteer.Entry> e : entries.entrySet()) {
            int[] c = counts.get(e.getKey());
            int[] country = countries.computeIfAbsent(e.getValue().countryCode(), k -> new int[2]);
            country[0] += c[0];
            country[1] |= c[1];
        }
        int most = countries.values().stream().mapToInt(c -> c[0]).max().orElse(1);
        long withMost = countries.values().stream().filter(c -> c[0] == most).count();
        List<Found> found = new ArrayList<>();
        countries.forEach((code, c) -> found.add(new Found(gazetteer.countryName(code), code, true, null, c[0], c[1] == 1,
                round((double) c[0] / most), c[1] == 1 || c[0] >= 2 || (c[0] == most && withMost == 1))));
        entries.forEach((name, entry) -> {
            if (!entry.country()) {
                int[] c = counts.get(name);
                found.add(new Found(name, entry.countryCode(), false, entry.geonamesId(), c[0], c[1] == 1,
                        round((double) c[0] / most), c[1] == 1 || c[0] >= 2));
            }
        });
        return found;
    }

    private void scan(String text, Map<String, int[]> counts, Map<String, Gazetteer.Entry> entries, boolean lead) {
        List<String> words = new ArrayList<>();
        List<Boolean> joinedToNext = new ArrayList<>(); // only a single space separates the word from the next
        List<Boolean> endsSentence = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        int previousEnd = -1;
        while (matcher.find()) {
            if (!words.isEmpty()) {
                joinedToNext.set(words.size() - 1, matcher.start() == previousEnd + 1 && text.charAt(previousEnd) == ' ');
            }
            words.add(titleCaseIfShouting(clean(matcher.group())));
            joinedToNext.add(false);
            endsSentence.add(matcher.group().endsWith("."));
            previousEnd = matcher.end();
        }
        for (int i = 0; i < words.size(); i++) {
            if (!Character.isUpperCase(words.get(i).codePointAt(0))) {
                continue;
            }
            for (int length = Math.min(gazetteer.longestNameInWords(), words.size() - i); length >= 1; length--) {
                String phrase = String.join(" ", words.subList(i, i + length));
                Gazetteer.Entry entry = gazetteer.find(phrase);
                boolean demonym = false;
                if (entry == null && length <= 2) {
                    entry = gazetteer.countryOfDemonym(phrase);
                    demonym = entry != null;
                }
                if (entry == null) {
                    continue;
                }
                int next = i + length;
                boolean afterAGivenName = !entry.country() && !demonym && i > 0 && joinedToNext.get(i - 1)
                        && !endsSentence.get(i - 1) && Character.isUpperCase(words.get(i - 1).codePointAt(0)) && !TITLES.contains(words.get(i - 1))
                        && !NOT_NAME_STARTS.contains(words.get(i - 1)) && gazetteer.find(words.get(i - 1)) == null;
                boolean partOfLongerName = afterAGivenName || !demonym && next < words.size() && joinedToNext.get(next - 1)
                        && Character.isUpperCase(words.get(next).codePointAt(0))
                        && !TITLES.contains(words.get(next)) && gazetteer.find(words.get(next)) == null;
                if (!partOfLongerName) {
                    int[] c = counts.computeIfAbsent(entry.name(), k -> new int[2]);
                    c[0]++;
                    c[1] |= lead ? 1 : 0;
                    entries.putIfAbsent(entry.name(), entry);
                }
                i = next - 1;
                break;
            }
        }
    }

    /** Datelines shout ("NEW YORK", "STOCKHOLM"): read them as names. Abbreviations of two letters stay. */
    private static String titleCaseIfShouting(String word) {
        if (word.length() < 3 || !word.equals(word.toUpperCase()) || word.equals(word.toLowerCase()) || word.contains(".")) {
            return word;
        }
        return word.charAt(0) + word.substring(1).toLowerCase();
    }

    /** "China's" → "China", "Russia." → "Russia"; "U.S." stays. */
    private static String clean(String word) {
        String w = word.replaceAll("['’]s$", "");
        if (w.endsWith(".") && w.indexOf('.') == w.length() - 1) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
