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
 * longer name ("China Daily") and skipped, as is a city after a given name ("Merrick Garland"). A demonym
 * ("Kenyan") or an adjective ("U.S. Attorney") counts as a mention of its country but names no place. A word in
 * capitals (a dateline: "NEW YORK") is read as a name. Chinese, Japanese and Thai names are found inside runs of
 * characters; outside English, inflected forms count for their base form. A city counts for its country too.
 * A country is what the article is <em>about</em> when it is named in the headline or the first paragraph, or
 * is the one country mentioned most; a country only implied (by its cities or a demonym) is listed only then.
 * Places are reported in the fullest form the article writes.
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

    /** Towns below this population need their country named too. */
    private static final long SMALL_CITY = 100_000;

    private final Gazetteer gazetteer;

    public PlaceFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A place found in the text, with the count of its mentions (a country's include its cities'). */
    public record Found(String name, String countryCode, boolean country, String geonamesId, int mentions,
            boolean inLead, double relevance, boolean about) {
    }

    public List<Found> find(ArticleText text) {
        return find(text, "en");
    }

    /** How often the article names a place, and how. */
    private static final class Tally {
        final Gazetteer.Entry entry;
        final Map<String, Integer> forms = new LinkedHashMap<>(); // as written
        int named;      // mentions by name
        int indirect;   // mentions by demonym, adjective ("U.S. Attorney") or, for a country, by one of its cities
        boolean inLead;

        Tally(Gazetteer.Entry entry) {
            this.entry = entry;
        }

        int mentions() {
            return named + indirect;
        }

        /** The fullest form the article writes ("United States" over "U.S."). */
        String name() {
            return forms.keySet().stream().max(java.util.Comparator.comparingInt(String::length)
                    .thenComparing(f -> forms.get(f))).orElse(entry.name());
        }
    }

    /**
     * The places the article names. Outside English, an inflected form ("Keenias", "России") counts for the
     * name it inflects, which is what is reported.
     */
    public List<Found> find(ArticleText text, String language) {
        boolean inflected = language != null && !language.startsWith("en") && !language.equals("und");
        String lead = text.headline() + "\n" + (text.paragraphs().isEmpty() ? "" : text.paragraphs().get(0));
        Map<String, Tally> tallies = new LinkedHashMap<>(); // entry name → tally
        scan(lead, tallies, true, inflected);
        List<String> rest = text.paragraphs().size() > 1 ? text.paragraphs().subList(1, text.paragraphs().size()) : List.of();
        scan(String.join("\n", rest), tallies, false, inflected);

        scanUnspaced(text.headline(), tallies, true);
        scanUnspaced(text.body(), tallies, false);

        // a small town is believed only when the article also names its country or another place in it: a bare
        // "March", "Police" or "Como" is far more often a word or a name than a town of 20,000 people
        tallies.values().removeIf(t -> !t.entry.country() && t.entry.population() < SMALL_CITY
                && tallies.values().stream().noneMatch(other -> other != t
                        && java.util.Objects.equals(other.entry.countryCode(), t.entry.countryCode())));
        Map<String, Tally> countries = new LinkedHashMap<>(); // code → the country's tally, its cities included
        for (Tally tally : tallies.values()) {
            String code = tally.entry.countryCode();
            if (code == null) {
                continue; // a continent or a sea belongs to no country
            }
            Tally country = countries.computeIfAbsent(code, k -> new Tally(
                    new Gazetteer.Entry(gazetteer.countryName(k), k, true, Long.MAX_VALUE, null)));
            if (tally.entry.country()) {
                country.named += tally.named;
                tally.forms.forEach((form, n) -> country.forms.merge(form, n, Integer::sum));
                country.indirect += tally.indirect;
            } else {
                country.indirect += tally.mentions();
            }
            country.inLead |= tally.inLead;
        }
        int most = countries.values().stream().mapToInt(Tally::mentions).max().orElse(1);
        long withMost = countries.values().stream().filter(c -> c.mentions() == most).count();
        int mostOrOne = Math.max(1, most);
        List<Found> found = new ArrayList<>();
        countries.forEach((code, c) -> {
            boolean about = c.inLead || (c.mentions() == most && withMost == 1);
            if (c.named > 0 || about) { // a country only implied (by a city, a demonym) is listed when it is the subject
                found.add(new Found(c.name(), code, true, null, c.mentions(), c.inLead, round((double) c.mentions() / most),
                        about));
            }
        });
        tallies.forEach((name, t) -> {
            if (!t.entry.country()) {
                found.add(new Found(t.name(), t.entry.countryCode(), false, t.entry.geonamesId(), t.mentions(), t.inLead,
                        round((double) t.mentions() / mostOrOne), t.inLead || t.mentions() >= 2));
            }
        });
        return found;
    }

    private void scan(String text, Map<String, Tally> tallies, boolean lead, boolean inflected) {
        List<String> words = new ArrayList<>();
        List<Boolean> joinedToNext = new ArrayList<>(); // only a single space separates the word from the next
        List<Boolean> endsSentence = new ArrayList<>();
        List<Boolean> shouted = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        int previousEnd = -1;
        while (matcher.find()) {
            if (!words.isEmpty()) {
                joinedToNext.set(words.size() - 1, matcher.start() == previousEnd + 1 && text.charAt(previousEnd) == ' ');
            }
            String word = clean(matcher.group());
            words.add(titleCaseIfShouting(word));
            shouted.add(!word.equals(words.get(words.size() - 1)));
            joinedToNext.add(false);
            endsSentence.add(matcher.group().endsWith(".") && !matcher.group().matches(".*\\..*\\."));
            previousEnd = matcher.end();
        }
        for (int i = 0; i < words.size(); i++) {
            int first = words.get(i).codePointAt(0);
            if (Character.isLowerCase(first) || Gazetteer.unspaced(first)) {
                continue; // names start with a capital, in the scripts that have them
            }
            if (!gazetteer.startsAName(words.get(i)) && !(inflected && words.get(i).length() >= 5)) {
                continue;
            }
            for (int length = Math.min(gazetteer.longestNameInWords(), words.size() - i); length >= 1; length--) {
                String phrase = String.join(" ", words.subList(i, i + length));
                Gazetteer.Entry entry = gazetteer.find(phrase);
                boolean indirect = false;
                String form = phrase;
                if (entry == null && length <= 2) {
                    entry = gazetteer.countryOfDemonym(phrase);
                    indirect = entry != null;
                }
                if (entry == null && length == 1 && inflected) {
                    entry = gazetteer.findInflected(phrase);
                    form = entry == null ? phrase : entry.name();
                }
                if (entry == null) {
                    continue;
                }
                int next = i + length;
                boolean followedByName = next < words.size() && joinedToNext.get(next - 1)
                        && Character.isUpperCase(words.get(next).codePointAt(0)) && !TITLES.contains(words.get(next))
                        && gazetteer.find(words.get(next)) == null;
                if (entry.country() && !indirect && phrase.contains(".") && followedByName) {
                    indirect = true; // "U.S. Attorney": an adjective, not a place
                } else if (!indirect && followedByName) {
                    i = next - 1; // part of a longer name: "China Daily"
                    break;
                }
                boolean afterAGivenName = !entry.country() && !indirect && i > 0 && joinedToNext.get(i - 1)
                        && !endsSentence.get(i - 1) && Character.isUpperCase(words.get(i - 1).codePointAt(0))
                        && !TITLES.contains(words.get(i - 1)) && !NOT_NAME_STARTS.contains(words.get(i - 1))
                        && gazetteer.find(words.get(i - 1)) == null;
                if (!afterAGivenName) {
                    Tally tally = tallies.get(entry.name());
                    if (tally == null) {
                        tally = new Tally(entry);
                        tallies.put(entry.name(), tally);
                    }
                    if (indirect) {
                        tally.indirect++;
                    } else {
                        tally.named++;
                        tally.forms.merge(form, 1, Integer::sum);
                    }
                    tally.inLead |= lead && !shouted.get(i); // a dateline says where it was written, not what about
                }
                i = next - 1;
                break;
            }
        }
    }

    /** Chinese, Japanese, Thai: names are found inside runs of characters, longest names first. */
    private void scanUnspaced(String text, Map<String, Tally> tallies, boolean lead) {
        boolean any = false;
        for (int i = 0; i < text.length() && !any; i++) {
            any = Gazetteer.unspaced(text.charAt(i)); // the scripts concerned are all in the basic plane
        }
        if (!any) {
            return;
        }
        StringBuilder rest = new StringBuilder(text);
        for (String name : gazetteer.unspacedNames()) {
            boolean katakana = name.codePoints().allMatch(PlaceFinder::katakana);
            for (int at = rest.indexOf(name); at >= 0; at = rest.indexOf(name, at + name.length())) {
                if (katakana && ((at > 0 && katakana(rest.charAt(at - 1)))
                        || (at + name.length() < rest.length() && katakana(rest.charAt(at + name.length()))))) {
                    continue; // part of a longer katakana word: タイ in ネクタイ is no Thailand
                }
                Gazetteer.Entry entry = gazetteer.find(name);
                Tally tally = tallies.computeIfAbsent(entry.name(), k -> new Tally(entry));
                tally.named++;
                tally.forms.merge(name, 1, Integer::sum);
                tally.inLead |= lead;
                for (int c = at; c < at + name.length(); c++) {
                    rest.setCharAt(c, ' '); // a longer name's characters are not read again as a shorter one
                }
            }
        }
    }

    private static boolean katakana(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA || c == 'ー' || c == '・';
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
        String w = ArticleText.stripPossessive(word);
        if (w.endsWith(".") && w.indexOf('.') == w.length() - 1) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
