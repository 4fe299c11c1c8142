package org.newsflow.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the finder knows without context: well-known organisations a single word or an abbreviation names
 * ("Airbus", "AFP"), and common given names (entities/organisations.txt, entities/given-names.txt).
 */
final class KnownNames {

    /**
     * A known organisation found at a token position, spanning {@code length} tokens; {@code form} is how the
     * article writes it, without a case ending ("Reutersi" → "Reuters").
     */
    record Match(String canonical, int length, String form) {
    }

    private final Map<String, String> organisations = new HashMap<>(); // form → canonical name
    /** Multi-word forms by their words' first five letters, for languages that inflect every word. */
    private final Map<String, String> inflectedForms = new HashMap<>(); // key → form
    private final Set<String> givenNames = new HashSet<>();
    private int longestOrganisation = 1;
    private final Set<String> firstWords = new HashSet<>(); // first word of every form, and the first four letters

    static KnownNames load() {
        KnownNames names = new KnownNames();
        for (String line : lines("organisations.txt")) {
            String[] forms = line.split("\\|");
            for (String form : forms) {
                names.organisations.put(form.strip(), forms[0].strip());
                if (form.strip().contains(" ")) {
                    names.inflectedForms.putIfAbsent(inflectionKey(form.strip()), form.strip());
                }
                String firstWord = form.strip().split(" ")[0];
                names.firstWords.add(firstWord);
                names.firstWords.add(firstWord.length() >= 4 ? firstWord.substring(0, 4) : firstWord);
                names.longestOrganisation = Math.max(names.longestOrganisation, form.strip().split(" ").length);
            }
        }
        for (String file : List.of("given-names.txt", "given-names-locales.txt")) {
            for (String line : lines(file)) {
                for (String name : line.split(" ")) {
                    names.givenNames.add(name);
                }
            }
        }
        return names;
    }

    /**
     * The longest known organisation name starting at token {@code i}, or null. With {@code inflected}, the last
     * word may carry a case ending of up to two letters ("Associated Pressi", "Reutersi").
     */
    Match organisationAt(List<String> tokens, int i, boolean inflected) {
        String first = tokens.get(i);
        if (!firstWords.contains(first) && !(inflected && first.length() >= 4 && firstWords.contains(first.substring(0, 4)))) {
            return null;
        }
        for (int length = Math.min(longestOrganisation, tokens.size() - i); length >= 1; length--) {
            String phrase = String.join(" ", tokens.subList(i, i + length));
            String form = phrase;
            String canonical = organisations.get(phrase);
            for (int cut = 1; canonical == null && inflected && cut <= 3 && phrase.length() - cut >= 4; cut++) {
                form = phrase.substring(0, phrase.length() - cut);
                canonical = organisations.get(form);
            }
            if (canonical == null && inflected && length > 1) { // "Deutschen Bahn" → Deutsche Bahn
                form = inflectedForms.get(inflectionKey(phrase));
                canonical = form == null ? null : organisations.get(form);
            }
            if (canonical != null) {
                return new Match(canonical, length, form);
            }
        }
        return null;
    }

    private static String inflectionKey(String phrase) {
        StringBuilder key = new StringBuilder();
        for (String word : phrase.split(" ")) {
            key.append(word.length() > 5 ? word.substring(0, 5) : word).append(' ');
        }
        return key.toString();
    }

    boolean isGivenName(String word) {
        return givenNames.contains(word);
    }

    private static List<String> lines(String file) {
        try (InputStream in = KnownNames.class.getResourceAsStream("/org/newsflow/enrich/entities/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the name list " + file + " is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
