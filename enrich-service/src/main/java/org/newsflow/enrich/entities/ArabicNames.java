package org.newsflow.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People and organisations in Arabic text, which has no capital letters:
 * <ul>
 * <li>a person starts with a known given name (or follows a title such as الرئيس or اللاعب, past the adjective
 * that often comes between: "الرئيس التركي …") and runs on for one more word, and further through name
 * connectors (بن, عبد, أبو) and family names of the form ال…ي ("الدوسري"), at most four words; it needs some
 * evidence beyond a given name — a title before it, a family name, a second given name, a verb of saying after
 * it, or a second mention;</li>
 * <li>an organisation starts with a word that names one (وزارة, وكالة, هيئة, جامعة, حزب, المنتخب …) and runs on
 * through one name and the definite or genitive words that follow ("وكالة تاس الروسية للأنباء").</li>
 * </ul>
 * Words are compared without diacritics and with the hamza forms of alef unified; an attached "و" (and) is
 * taken off a word before it is read.
 */
final class ArabicNames {

    // diacritics such as the shadda belong to no script of their own ("Inherited"), so marks join any word
    private static final Pattern TOKEN = Pattern.compile("[\\p{IsArabic}&&\\p{L}][\\p{L}\\p{M}]*|[^\\s\\p{IsArabic}\\p{M}]+");
    private static final Set<String> GIVEN = load("given-names-arabic.txt");
    private static final Set<String> TITLES = normalised(Set.of("الرئيس", "رئيس", "رئيسة", "وزير", "الوزير", "وزيرة",
            "الأمير", "الملك", "الملكة", "الشيخ", "اللاعب", "اللاعبة", "المدرب", "النجم", "قائد", "القائد", "المتحدث",
            "السفير", "الجنرال", "العقيد", "اللواء", "الدكتور", "السيد", "السيدة", "نائب", "النائب", "الزعيم", "المستشار",
            "المرشح", "المرشحة", "الكاتب", "الكاتبة", "الصحفي", "الصحفية", "المراسل", "الفنان", "الفنانة", "المهاجم",
            "الحارس", "المدير", "مدير", "الأمين", "رئيسا", "الروائي", "الشاعر"));
    private static final Set<String> SAYING = normalised(Set.of("قال", "وقال", "قالت", "وقالت", "أكد", "وأكد", "أكدت",
            "أعلن", "وأعلن", "أعلنت", "أوضح", "وأوضح", "أشار", "وأشار", "صرح", "وصرح", "أضاف", "وأضاف", "يقول", "تقول"));
    private static final Set<String> STOP = normalised(Set.of("في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "قد", "لا",
            "ما", "هذا", "هذه", "ذلك", "تلك", "الذي", "التي", "الذين", "كان", "كانت", "بعد", "قبل", "خلال", "حتى", "بين",
            "أمام", "ضد", "عند", "منذ", "كما", "أو", "ثم", "هو", "هي", "هم", "يوم", "اليوم", "أمس", "عام", "إنه", "أنه",
            "لم", "لن", "كل", "بعض", "غير", "عبر", "نحو", "حول", "لدى", "أي", "وفي", "ومن", "الى", "علي", "اي", "او"));
    private static final Set<String> CONNECTORS = normalised(Set.of("بن", "بنت", "ابن", "عبد", "أبو", "أبي", "آل"));
    private static final Set<String> ORGANISATION_STARTS = normalised(Set.of("وزارة", "وكالة", "الوكالة", "هيئة", "الهيئة",
            "شركة", "الشركة", "جامعة", "الجامعة", "منظمة", "المنظمة", "مجلس", "المجلس", "حزب", "الحزب", "بنك", "البنك",
            "المنتخب", "منتخب", "نادي", "النادي", "الاتحاد", "اتحاد", "جمعية", "لجنة", "اللجنة", "محكمة", "المحكمة",
            "المعهد", "معهد", "مؤسسة", "المؤسسة", "صندوق", "صحيفة", "قناة", "الأمم", "حركة", "جبهة", "رابطة", "مصرف",
            "المصرف", "بلدية", "البلدية"));
    private static final int LONGEST_PERSON = 4;
    private static final int LONGEST_ORGANISATION = 5;

    record Name(String text, boolean person) {
    }

    private ArabicNames() {
    }

    static List<Name> find(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        Map<String, Boolean> names = new LinkedHashMap<>();
        Map<String, Integer> personMentions = new LinkedHashMap<>();
        Set<String> evidenced = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String word = withoutAnd(tokens.get(i));
            String key = normalise(word);
            if (ORGANISATION_STARTS.contains(key)) {
                int end = organisationEnd(tokens, i);
                if (end > i + 1) {
                    names.putIfAbsent(join(word, tokens, i + 1, end), false);
                    i = end - 1;
                    continue;
                }
            }
            boolean titled = i > 0 && TITLES.contains(normalise(tokens.get(i - 1)));
            int start = i;
            if (titled && isNisba(tokens.get(i)) && i + 1 < tokens.size() && arabic(tokens.get(i + 1))) {
                start = i + 1; // "الرئيس التركي رجب طيب أردوغان": past the adjective
                word = withoutAnd(tokens.get(start));
                key = normalise(word);
            }
            if (!(GIVEN.contains(key) || titled) || STOP.contains(key) || !arabic(word)) {
                continue;
            }
            int end = personEnd(tokens, start);
            if (end <= start + 1) {
                continue;
            }
            String name = join(word, tokens, start + 1, end);
            boolean evidence = titled || end - start > 2 || isNisba(tokens.get(end - 1))
                    || GIVEN.contains(normalise(tokens.get(start + 1)))
                    || end < tokens.size() && SAYING.contains(normalise(tokens.get(end)));
            personMentions.merge(name, 1, Integer::sum);
            if (evidence) {
                evidenced.add(name);
            }
            i = end - 1;
        }
        personMentions.forEach((name, mentions) -> {
            if (evidenced.contains(name) || mentions >= 2) {
                names.putIfAbsent(name, true);
            }
        });
        List<Name> found = new ArrayList<>();
        names.forEach((name, person) -> found.add(new Name(name, person)));
        return found;
    }

    private static int personEnd(List<String> tokens, int start) {
        int end = start + 1;
        while (end < tokens.size() && end - start < LONGEST_PERSON) {
            String word = tokens.get(end);
            String key = normalise(word);
            if (!arabic(word) || STOP.contains(key) || SAYING.contains(key) || TITLES.contains(key)
                    || word.startsWith("و") && word.length() > 3 && end > start + 1) {
                break;
            }
            boolean previousConnects = CONNECTORS.contains(normalise(tokens.get(end - 1)));
            if (end > start + 1 && !previousConnects && !isNisba(word) && !GIVEN.contains(key)
                    && !CONNECTORS.contains(key)) {
                break; // past the second word only through connectors, family names and more given names
            }
            end++;
        }
        return end;
    }

    private static int organisationEnd(List<String> tokens, int start) {
        int end = start + 1;
        while (end < tokens.size() && end - start < LONGEST_ORGANISATION) {
            String word = tokens.get(end);
            String key = normalise(word);
            if (!arabic(word) || STOP.contains(key) || SAYING.contains(key)) {
                break;
            }
            // on the word as written: "إلغاء" (cancelling) is no "ال…" once its hamza is unified
            String bare = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            boolean definite = bare.startsWith("ال") || bare.startsWith("لل") || bare.startsWith("ل") && end > start + 1;
            if (end > start + 1 && !definite) {
                break; // one name ("وكالة تاس"), then the definite and genitive words that qualify it
            }
            end++;
        }
        return end;
    }

    /** A family name or an adjective of origin: "الدوسري", "التركي", "التركية". */
    private static boolean isNisba(String word) {
        String key = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return key.startsWith("ال") && key.length() > 4 && (key.endsWith("ي") || key.endsWith("ية"));
    }

    private static String withoutAnd(String word) {
        String rest = word.substring(1);
        return word.startsWith("و") && word.length() > 3
                && (GIVEN.contains(normalise(rest)) || ORGANISATION_STARTS.contains(normalise(rest))) ? rest : word;
    }

    private static String join(String first, List<String> tokens, int from, int to) {
        StringBuilder joined = new StringBuilder(first);
        for (String token : tokens.subList(from, to)) {
            joined.append(' ').append(token);
        }
        return joined.toString();
    }

    private static boolean arabic(String word) {
        return !word.isEmpty() && Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.ARABIC;
    }

    /** Without diacritics and tatweel, the hamza forms of alef as plain alef. */
    static String normalise(String word) {
        String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace("ـ", "");
        return plain.replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا');
    }

    private static Set<String> normalised(Set<String> words) {
        Set<String> normal = new HashSet<>();
        words.forEach(w -> normal.add(normalise(w)));
        return Set.copyOf(normal);
    }

    private static Set<String> load(String file) {
        try (InputStream in = ArabicNames.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the name list " + file + " is missing from the build");
            }
            Set<String> names = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(normalise(line.strip()));
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new IllegalStateException("the name list " + file + " cannot be read", e);
        }
    }
}
