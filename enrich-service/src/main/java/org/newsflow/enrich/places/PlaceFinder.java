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
 * characters; in languages that inflect names, inflected forms count for their base form. A city counts for its country too.
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
            "À", "Au", "Aus", "Im", "Bei", "Nach", "Von", "Di", "Ke", "Dari", "Del", "Na", "No", "Da", "Desde", "Para",
            "В", "Во", "На", "Из", "С", "Со", "К", "По", "О", "Об", "От", "До", "У", "За", "Под", "Над", "Для", "Из-за");

    private static final Set<String> FEATURE_SUFFIXES = Set.of("Reef", "Strait", "Straits", "Island", "Islands", "Isles",
            "Sea", "Ocean", "River", "Bay", "Gulf", "Peninsula", "Desert", "Mountains", "Range", "Valley", "Canal",
            "Coast", "Archipelago", "Basin", "Delta", "Glacier", "Falls", "Volcano", "Plateau", "Lagoon", "Fjord", "Atoll");
    private static final Set<String> FEATURE_PREFIXES = Set.of("Lake", "Mount", "Mt", "Cape", "Gulf", "Bay", "Isle",
            "Strait", "Sea");
    private static final Set<String> AREA_WORDS = Set.of("district", "region", "province", "county", "prefecture",
            "oblast", "governorate", "archipelago");
    /** Capitalised words that start a sentence or a name of something else, never a feature's name. */
    private static final Set<String> NOT_FEATURE_STARTS = Set.of("The", "A", "An", "In", "On", "At", "From", "To", "Of",
            "And", "Its", "This", "That", "Their", "His", "Her", "Our", "Every", "Each", "Some", "Many", "Most", "New",
            "Old", "Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West", "Central", "Upper",
            "Lower", "Greater", "Pacific", "Atlantic", "Indian", "Arctic", "Federal", "Capital", "Autonomous", "Special",
            "Administrative", "Metropolitan", "Electoral", "Congressional", "School", "Military", "Health", "Wine");

    /**
     * Languages that inflect names with endings ("Keenias", "России", "Deutschlands"); in the others ("रोमांचक" is
     * no form of "रोम", Rome) only whole names count.
     */
    private static final Set<String> INFLECTING = Set.of("et", "fi", "hu", "ru", "uk", "be", "pl", "cs", "sk", "sl", "hr",
            "sr", "bs", "lv", "lt", "de", "el", "tr", "is", "sv", "no", "nb", "nn", "da", "ka", "hy", "az", "kk", "uz");

    /** Whether {@code language} declines names ("Keenias", "Москве"), so inflected forms are read for their base. */
    public static boolean inflectsNames(String language) {
        return language != null && INFLECTING.contains(language.split("-")[0]);
    }

    /** Languages that elide an article or preposition into the next word: "l'Europe", "dell'Italia". */
    private static final Set<String> ELIDING = Set.of("fr", "it", "ca");

    /** Whether {@code language} elides articles into the next word ("l'AFP"), read by {@link #withoutElision}. */
    public static boolean elides(String language) {
        return language != null && ELIDING.contains(language.split("-")[0]);
    }
    private static final Pattern ELISION = Pattern.compile("^(?:[A-Za-z]{0,4})['’](?=\\p{Lu})");

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
     * The places the article names. In a language that inflects names, an inflected form ("Keenias", "России") counts for the
     * name it inflects, which is what is reported.
     */
    public List<Found> find(ArticleText text, String language) {
        String base = language == null ? "und" : language.split("-")[0];
        boolean inflected = inflectsNames(base);
        boolean english = base.equals("en");
        boolean elided = ELIDING.contains(base);
        String lead = text.headline() + "\n" + (text.paragraphs().isEmpty() ? "" : text.paragraphs().get(0));
        Map<String, Tally> tallies = new LinkedHashMap<>(); // entry name → tally
        boolean arabic = base.equals("ar");
        // German declines a place name only in the genitive ("Frankreichs"): "Stadien" is no form of "Stadi"
        boolean genitiveOnly = base.equals("de");
        boolean korean = base.equals("ko");
        scan(lead, tallies, true, inflected, english, elided, arabic, genitiveOnly, korean);
        List<String> rest = text.paragraphs().size() > 1 ? text.paragraphs().subList(1, text.paragraphs().size()) : List.of();
        scan(String.join("\n", rest), tallies, false, inflected, english, elided, arabic, genitiveOnly, korean);

        scanUnspaced(text.headline(), tallies, true, base.equals("zh"));
        scanUnspaced(text.body(), tallies, false, base.equals("zh"));

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
        if (base.equals("ja")) {
            addJapanesePlaces(text, lead, found, mostOrOne);
        }
        if (base.equals("zh")) {
            addChinesePlaces(text, lead, found, mostOrOne);
        }
        return found;
    }

    /**
     * Prefectures, cities, stations and airports that Japanese writes as a region and its ending ("奈良県",
     * "羽田空港"), which the gazetteer knows without the ending if at all; the country is the gazetteer's.
     */
    private void addJapanesePlaces(ArticleText text, String lead, List<Found> found, int most) {
        java.util.Set<String> named = new java.util.HashSet<>();
        found.forEach(f -> named.add(f.name()));
        for (org.newsflow.enrich.entities.JapaneseNames.Name name : org.newsflow.enrich.entities.JapaneseNames.find(text.all())) {
            if (name.kind() != org.newsflow.enrich.entities.JapaneseNames.Kind.PLACE || named.contains(name.text())) {
                continue;
            }
            Gazetteer.Entry known = gazetteer.findPrimary(org.newsflow.enrich.entities.JapaneseNames.withoutPlaceEnding(name.text()));
            int mentions = 0;
            for (int at = text.all().indexOf(name.text()); at >= 0; at = text.all().indexOf(name.text(), at + 1)) {
                mentions++;
            }
            boolean inLead = lead.contains(name.text());
            found.add(new Found(name.text(), known == null ? null : known.countryCode(), false, null, Math.max(1, mentions),
                    inLead, round((double) Math.max(1, mentions) / most), inLead || mentions >= 2));
            named.add(name.text());
        }
    }

    private void scan(String text, Map<String, Tally> tallies, boolean lead, boolean inflected, boolean english,
            boolean elided, boolean arabic, boolean genitiveOnly, boolean korean) {
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
            String word = clean(elided ? withoutElision(matcher.group()) : matcher.group());
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
            boolean handled = false;
            int longest = Math.max(gazetteer.longestNameStartingWith(words.get(i)),
                    (inflected && words.get(i).length() >= 5) || arabic || korean ? 1 : 0);
            if (inflected) {
                longest = Math.max(longest, 3); // a declined phrase starts with no name's first word: "Nowej Zelandii"
            }
            if (longest == 0 && Gazetteer.accented(words.get(i))) {
                longest = 1; // "París": a name the gazetteer holds without its accent
            }
            for (int length = Math.min(longest, words.size() - i); length >= 1; length--) {
                String phrase = String.join(" ", words.subList(i, i + length));
                Gazetteer.Entry entry = gazetteer.find(phrase);
                boolean indirect = false;
                String form = phrase;
                if (entry == null && length <= 2) {
                    entry = gazetteer.countryOfDemonym(phrase);
                    indirect = entry != null;
                }
                if (entry == null && length == 1 && korean) {
                    String bare = org.newsflow.enrich.entities.KoreanNames.withoutParticle(phrase);
                    entry = gazetteer.find(bare);
                    form = bare; // "방콕에서" (in Bangkok) names 방콕
                }
                if (entry == null && length == 1 && arabic) {
                    for (String bare : withoutArabicProclitics(phrase)) {
                        entry = gazetteer.find(bare);
                        if (entry != null) {
                            form = bare; // "والمكسيك" (and Mexico) names المكسيك
                            break;
                        }
                    }
                }
                if (entry == null && length >= 2 && inflected && !genitiveOnly
                        && words.subList(i, i + length).stream().allMatch(w -> Character.isUpperCase(w.codePointAt(0)))) {
                    Gazetteer.Named named = gazetteer.findInflectedPhrase(words.subList(i, i + length));
                    entry = named == null ? null : named.entry();
                    form = named == null ? phrase : named.name();
                }
                if (entry == null && length == 1 && inflected && (!genitiveOnly || phrase.endsWith("s"))) {
                    Gazetteer.Named named = gazetteer.findInflected(phrase);
                    entry = named == null ? null : named.entry();
                    form = named == null ? phrase : named.name(); // the name it inflects, in the article's language
                } else if (entry != null && length == 1 && inflected && gazetteer.findPrimary(phrase) == null) {
                    form = uninflected(phrase, entry); // "Nairobis" is also a name of Nairobi, but inflects it here
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
                    if (english && FEATURE_SUFFIXES.contains(words.get(next))) {
                        break; // "Torres Strait": a feature named after a town, read below
                    }
                    i = next - 1; // part of a longer name: "China Daily"
                    handled = true;
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
                handled = true;
                break;
            }
            if (!handled && english) {
                i = naturalFeature(words, joinedToNext, endsSentence, i, tallies, lead);
            }
        }
    }

    /**
     * A reef, strait, island group, river, mountain or district the gazetteer does not list, by the shape of its
     * English name: capitalised words ending in a feature word ("Great Barrier Reef", "Torres Strait", "Keppel
     * Islands"), a feature word before a name ("Lake Victoria", "Mount Kenya", "Gulf of Aden"), or a name before
     * "district" or "region" ("the Hardanger district"). Not when more capitalised words follow ("Great Barrier
     * Reef Marine Park Authority" is an organisation). Such a place has no country code. Returns the index of the
     * last word read.
     */
    private static int naturalFeature(List<String> words, List<Boolean> joined, List<Boolean> endsSentence, int i,
            Map<String, Tally> tallies, boolean lead) {
        int length = 0;
        String word = words.get(i);
        if (FEATURE_PREFIXES.contains(word) && i + 1 < words.size() && joined.get(i)) {
            boolean of = words.get(i + 1).equals("of") && i + 2 < words.size() && joined.get(i + 1);
            int nameAt = of ? i + 2 : i + 1;
            if (capitalised(words.get(nameAt)) && !FEATURE_SUFFIXES.contains(words.get(nameAt))) {
                length = nameAt - i + 1;
            }
        } else if (!NOT_FEATURE_STARTS.contains(word)) {
            for (int run = 1; run <= 3 && i + run < words.size() && joined.get(i + run - 1) && !endsSentence.get(i + run - 1); run++) {
                String next = words.get(i + run);
                if (!capitalised(next)) {
                    boolean midSentence = i > 0 && joined.get(i - 1) && !endsSentence.get(i - 1);
                    if (run == 1 && midSentence && AREA_WORDS.contains(next) && !FEATURE_SUFFIXES.contains(word)) {
                        length = -1; // "the Hardanger district": the name alone
                    }
                    break;
                }
                if (FEATURE_SUFFIXES.contains(next)) {
                    length = run + 1;
                    break;
                }
            }
        }
        if (length == 0) {
            return i;
        }
        int after = i + Math.abs(length);
        boolean partOfLongerName = length > 0 && after < words.size() && joined.get(after - 1) && !endsSentence.get(after - 1)
                && capitalised(words.get(after));
        if (partOfLongerName) {
            while (after < words.size() && capitalised(words.get(after)) && joined.get(after - 1)) {
                after++;
            }
            return after - 1;
        }
        String name = length < 0 ? word : String.join(" ", words.subList(i, after));
        Tally tally = tallies.computeIfAbsent(name, k -> new Tally(new Gazetteer.Entry(name, null, false, Long.MAX_VALUE / 2, null)));
        tally.named++;
        tally.forms.merge(name, 1, Integer::sum);
        tally.inLead |= lead;
        return after - 1;
    }

    private String uninflected(String word, Gazetteer.Entry entry) {
        for (int cut = 1; cut <= 3 && word.length() - cut >= 4; cut++) {
            String shorter = word.substring(0, word.length() - cut);
            if (entry.equals(gazetteer.find(shorter))) {
                return shorter;
            }
        }
        return word;
    }

    private static boolean capitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    /** Chinese, Japanese, Thai: names are found inside runs of characters, longest names first. */
    private void scanUnspaced(String text, Map<String, Tally> tallies, boolean lead, boolean chinese) {
        boolean any = false;
        for (int i = 0; i < text.length() && !any; i++) {
            any = Gazetteer.unspaced(text.charAt(i)); // the scripts concerned are all in the basic plane
        }
        if (!any) {
            return;
        }
        // left to right, the longest name at each position; a name's characters are not read again
        for (int at = 0; at < text.length();) {
            String match = null;
            for (String name : gazetteer.unspacedNamesStartingWith(text.charAt(at))) {
                if (text.startsWith(name, at) && (chinese || !gazetteer.chineseCityStem(name))
                        && !(name.codePoints().allMatch(PlaceFinder::katakana)
                        && ((at > 0 && katakanaLetter(text.charAt(at - 1)))
                                || (at + name.length() < text.length() && katakanaLetter(text.charAt(at + name.length())))))) {
                    match = name; // (a name inside a longer katakana word is not one: タイ in ネクタイ is no Thailand)
                    break;
                }
            }
            if (match == null) {
                at++;
                continue;
            }
            int after = at + match.length();
            if (TIME_ZONE_AFTER.stream().anyMatch(time -> text.startsWith(time, after))) {
                at += match.length(); // "北京时间": Beijing time, the clock of the whole country, not a place of the story
                continue;
            }
            Gazetteer.Entry entry = gazetteer.find(match);
            Tally tally = tallies.computeIfAbsent(entry.name(), k -> new Tally(entry));
            tally.named++;
            tally.forms.merge(match, 1, Integer::sum);
            tally.inLead |= lead;
            at += match.length();
        }
    }

    /** Endings of Chinese place names the gazetteer does not hold: airports, air bases, peninsulas, counties, provinces. */
    private static final List<String> CHINESE_PLACE_ENDINGS = List.of("国际机场", "國際機場", "机场", "機場", "空港",
            "航空基地", "空军基地", "空軍基地", "半岛", "半島", "县", "縣", "省");
    /** Characters that end the word before a place's name: particles, prepositions, pronouns, "whole", "this". */
    private static final String CHINESE_BOUNDARY = "的了在是和与與及对對于於向从從由被将將把为為以据據至到给給让讓等也都又并並而或但"
            + "就则則已曾当當今昨因所之其这這那此该該全本各每两兩一";

    /**
     * Airports, peninsulas, counties and provinces that Chinese names by an ending ("羽田机场", "能登半岛", "奈良县"): the
     * two characters before the ending (three when those are a place the gazetteer knows), with the gazetteer's
     * country of that stem when it has one.
     */
    private void addChinesePlaces(ArticleText text, String lead, List<Found> found, int most) {
        String all = text.all();
        java.util.Set<String> named = new java.util.HashSet<>();
        found.forEach(f -> named.add(f.name()));
        for (String ending : CHINESE_PLACE_ENDINGS) {
            for (int at = all.indexOf(ending); at >= 0; at = all.indexOf(ending, at + ending.length())) {
                int start = at - 2;
                if (at >= 3 && gazetteer.find(all.substring(at - 3, at)) != null && chineseNameCharacter(all.charAt(at - 3))) {
                    start = at - 3;
                }
                if (start < 0 || !chineseNameCharacter(all.charAt(start)) || !chineseNameCharacter(all.charAt(start + 1))) {
                    continue;
                }
                int endsAt = at + ending.length();
                if (CHINESE_PLACE_ENDINGS.stream().anyMatch(longer -> longer.length() > ending.length()
                        && longer.endsWith(ending) && endsAt >= longer.length() && all.startsWith(longer, endsAt - longer.length()))) {
                    continue; // "国际机场" was read as a whole, not as "际机场"
                }
                String name = all.substring(start, at + ending.length());
                if (!named.add(name)) {
                    continue;
                }
                Gazetteer.Entry stem = gazetteer.find(all.substring(start, at));
                int mentions = 0;
                for (int n = all.indexOf(name); n >= 0; n = all.indexOf(name, n + name.length())) {
                    mentions++;
                }
                boolean inLead = lead.contains(name);
                found.add(new Found(name, stem == null ? null : stem.countryCode(), false, null, mentions, inLead,
                        round((double) mentions / most), inLead || mentions >= 2));
            }
        }
    }

    private static boolean chineseNameCharacter(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && CHINESE_BOUNDARY.indexOf(c) < 0;
    }

    /** Chinese and Japanese words for a time zone's clock after a city's name: "北京时间", "東京時間". */
    private static final List<String> TIME_ZONE_AFTER = List.of("时间", "時間");

    /** A katakana letter or the long-vowel mark; the middle dot between two names ("タイ・バンコク") separates them. */
    private static boolean katakanaLetter(int c) {
        return c != '・' && c != '･' && katakana(c);
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

    /** "l'Europe" → "Europe", "dell'Italia" → "Italia". */
    public static String withoutElision(String word) {
        return ELISION.matcher(word).replaceFirst("");
    }

    /** "China's" → "China", "Russia." → "Russia"; "U.S." stays. */
    /** The word without an attached conjunction and preposition: "وبسوريا" → "بسوريا", "سوريا". */
    private static List<String> withoutArabicProclitics(String word) {
        List<String> forms = new ArrayList<>();
        String rest = word;
        if ((rest.startsWith("و") || rest.startsWith("ف")) && rest.length() > 3) {
            rest = rest.substring(1);
            forms.add(rest);
        }
        if ((rest.startsWith("ب") || rest.startsWith("ل") || rest.startsWith("ك")) && rest.length() > 3) {
            forms.add(rest.substring(1));
            if (rest.startsWith("ل") && rest.length() > 3) {
                forms.add("ا" + rest.substring(1)); // "للمكسيك" = لـ + المكسيك
            }
        }
        return forms;
    }

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
