package org.newsflow.enrich.entities;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Puts a person's name declined by its sentence back into the nominative, as it is listed ("Лионеля Месси" →
 * "Лионель Месси", "Kordiana Kolbiarza" → "Kordian Kolbiarz", "Anny Kowalskiej" → "Anna Kowalska"), in Russian,
 * Ukrainian and Polish. The given name tells the case: the ending that turns it into a known given name is the
 * case's, and the surname is given the nominative ending of the same case (a surname the case does not change,
 * "Месси", "Nowak", stays). A name whose first word is no declined given name is left as written.
 */
final class DeclinedNames {

    /** One case of one gender: the given name's ending and its nominative, then the surname's, longest first. */
    private record Case(String ending, String nominative, List<String[]> surname) {
    }

    private static final List<String[]> RU_MASCULINE_OBLIQUE = List.of(new String[] {"ского", "ский"},
            new String[] {"цкого", "цкий"}, new String[] {"ова", "ов"}, new String[] {"ева", "ев"},
            new String[] {"ина", "ин"}, new String[] {"ына", "ын"}, new String[] {"ию", "ия"}, new String[] {"ии", "ия"},
            new String[] {"а", ""});
    private static final List<String[]> RU_MASCULINE_DATIVE = List.of(new String[] {"скому", "ский"},
            new String[] {"ову", "ов"}, new String[] {"еву", "ев"}, new String[] {"ину", "ин"}, new String[] {"у", ""});
    private static final List<String[]> RU_MASCULINE_INSTRUMENTAL = List.of(new String[] {"ским", "ский"},
            new String[] {"овым", "ов"}, new String[] {"евым", "ев"}, new String[] {"иным", "ин"}, new String[] {"ом", ""});
    private static final List<String[]> RU_FEMININE_OBLIQUE = List.of(new String[] {"ской", "ская"},
            new String[] {"овой", "ова"}, new String[] {"евой", "ева"}, new String[] {"иной", "ина"});
    private static final List<String[]> RU_FEMININE_ACCUSATIVE = List.of(new String[] {"скую", "ская"},
            new String[] {"ову", "ова"}, new String[] {"еву", "ева"}, new String[] {"ину", "ина"});

    private static final List<Case> RUSSIAN = List.of(
            new Case("ия", "ий", RU_MASCULINE_OBLIQUE), // Георгия
            new Case("я", "й", RU_MASCULINE_OBLIQUE), new Case("я", "ь", RU_MASCULINE_OBLIQUE), // Андрея, Лионеля
            new Case("а", "", RU_MASCULINE_OBLIQUE), // Мохаммеда
            new Case("ю", "й", RU_MASCULINE_DATIVE), new Case("ю", "ь", RU_MASCULINE_DATIVE),
            new Case("у", "", RU_MASCULINE_DATIVE),
            new Case("ем", "й", RU_MASCULINE_INSTRUMENTAL), new Case("ем", "ь", RU_MASCULINE_INSTRUMENTAL),
            new Case("ом", "", RU_MASCULINE_INSTRUMENTAL),
            new Case("ии", "ия", RU_FEMININE_OBLIQUE), new Case("ией", "ия", RU_FEMININE_OBLIQUE), // Марии
            new Case("ию", "ия", RU_FEMININE_ACCUSATIVE),
            new Case("ы", "а", RU_FEMININE_OBLIQUE), new Case("и", "а", RU_FEMININE_OBLIQUE), // Анны, Ольги
            new Case("ой", "а", RU_FEMININE_OBLIQUE), new Case("ей", "я", RU_FEMININE_OBLIQUE),
            new Case("у", "а", RU_FEMININE_ACCUSATIVE), new Case("ю", "я", RU_FEMININE_ACCUSATIVE));

    private static final List<String[]> PL_MASCULINE_GENITIVE = List.of(new String[] {"skiego", "ski"},
            new String[] {"ckiego", "cki"}, new String[] {"dzkiego", "dzki"}, new String[] {"ego", "y"},
            new String[] {"a", ""});
    private static final List<String[]> PL_MASCULINE_DATIVE = List.of(new String[] {"skiemu", "ski"},
            new String[] {"ckiemu", "cki"}, new String[] {"owi", ""});
    private static final List<String[]> PL_MASCULINE_INSTRUMENTAL = List.of(new String[] {"skim", "ski"},
            new String[] {"ckim", "cki"}, new String[] {"em", ""});
    private static final List<String[]> PL_FEMININE_OBLIQUE = List.of(new String[] {"skiej", "ska"},
            new String[] {"ckiej", "cka"}, new String[] {"dzkiej", "dzka"});
    private static final List<String[]> PL_FEMININE_ACCUSATIVE = List.of(new String[] {"ską", "ska"},
            new String[] {"cką", "cka"});

    private static final List<Case> POLISH = List.of(
            new Case("a", "", PL_MASCULINE_GENITIVE), // Kordiana
            new Case("owi", "", PL_MASCULINE_DATIVE), new Case("em", "", PL_MASCULINE_INSTRUMENTAL),
            new Case("ii", "ia", PL_FEMININE_OBLIQUE), new Case("y", "a", PL_FEMININE_OBLIQUE), // Marii, Anny
            new Case("i", "a", PL_FEMININE_OBLIQUE), new Case("ie", "a", PL_FEMININE_OBLIQUE), // Annie
            new Case("ę", "a", PL_FEMININE_ACCUSATIVE),
            new Case("ą", "a", PL_FEMININE_ACCUSATIVE));

    private static final Map<String, List<Case>> CASES = Map.of("ru", RUSSIAN, "uk", RUSSIAN, "pl", POLISH);

    private DeclinedNames() {
    }

    /** The person's name in the nominative, or {@code name} itself when it is not read as declined. */
    static String nominative(String name, String language, Predicate<String> givenName) {
        List<Case> cases = CASES.get(language == null ? "" : language.split("-")[0]);
        String[] words = name.split(" ");
        if (cases == null || words.length < 2) {
            return name;
        }
        // "Annie" is a given name of its own, but in "Annie Kowalskiej" the surname shows it declined
        boolean alreadyGiven = givenName.test(words[0]);
        for (Case form : cases) {
            String first = words[0];
            if (!first.endsWith(form.ending()) || first.length() - form.ending().length() < 2) {
                continue;
            }
            String given = first.substring(0, first.length() - form.ending().length()) + form.nominative();
            if (!givenName.test(given)) {
                continue;
            }
            StringBuilder nominative = new StringBuilder(given);
            boolean surnameDeclined = false;
            for (int w = 1; w < words.length; w++) {
                String nominal = surname(words[w], form);
                surnameDeclined |= !nominal.equals(words[w]);
                nominative.append(' ').append(nominal);
            }
            if (alreadyGiven && !surnameDeclined) {
                continue;
            }
            return nominative.toString();
        }
        return name;
    }

    /**
     * Whether a Cyrillic word is a given name known in its Latin spelling ("Лионель" → Lionel, "Мохаммед" →
     * Mohammed): foreign names are in the Latin lists, not the Russian one.
     */
    static boolean latinGivenName(String word, Predicate<String> givenName) {
        String latin = org.newsflow.enrich.text.Cyrillic.toLatin(word);
        if (latin == null || latin.length() < 3 || latin.equals(word.toLowerCase(java.util.Locale.ROOT))) {
            return false; // not Cyrillic
        }
        String name = Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
        return givenName.test(name) || givenName.test(name.replace("h", "kh").replace("kkh", "kh"))
                || givenName.test(name.replace("ie", "ye")) || givenName.test(name.replace("y", "i"));
    }

    private static String surname(String word, Case form) {
        if (!Character.isUpperCase(word.codePointAt(0))) {
            return word; // "аль", "ibn": a particle of the name
        }
        for (String[] ending : form.surname()) {
            if (word.endsWith(ending[0]) && word.length() - ending[0].length() >= 2) {
                return word.substring(0, word.length() - ending[0].length()) + ending[1];
            }
        }
        return word;
    }
}
