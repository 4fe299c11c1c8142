package org.newsflow.enrich.keywords;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.newsflow.enrich.language.FunctionWords;

/**
 * Words that end a key phrase: the function words of the language, and for English a longer list of the
 * words news text uses everywhere (reporting verbs, auxiliaries, time words). Written for Newsflow.
 */
final class StopWords {

    private static final Set<String> ENGLISH = Set.copyOf(Arrays.asList(("a about above across after again against ago all almost also "
            + "although always am among an and another any anyone are around as at back be became because become been "
            + "before being below between both but by came can cannot could day days did do does doing done down during "
            + "each early either else even ever every few first for former from further get gets getting given go goes "
            + "going got had has have having he her here hers herself him himself his how however i if in including "
            + "into is it its itself just last later least less like made make makes many may me might more most much "
            + "must my near nearly never new next no nor not now of off often on once one only or other others our out "
            + "over own part per perhaps put rather really recent recently said same say saying says see seen several "
            + "she should show shows since so some still such take taken than that the their them themselves then there "
            + "these they this those though three through thus time times to today told too toward towards two under "
            + "until up upon us use used very via was way we week weeks well were what when where whether which while "
            + "who whole whom whose why will with within without would year years yesterday yet you your added according "
            + "announced called asked noted stated reported wrote want wants wanted took make making set sets also mr mrs "
            + "ms dr monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
            + "august september october november december").split(" ")));

    static Set<String> of(String language) {
        Set<String> words = new HashSet<>(FunctionWords.of(language));
        if (language != null && language.toLowerCase().startsWith("en")) {
            words.addAll(ENGLISH);
        }
        return words;
    }

    private StopWords() {
    }
}
