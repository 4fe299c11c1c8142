package org.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.enrich.places.Gazetteer;
import org.newsflow.enrich.text.ArticleText;

/**
 * A first rule-based finder of people and organisations in Latin-script text: runs of capitalised words are name
 * candidates; words like Ministry, Agency, Bank, University or an acronym make an organisation; a title before a
 * name (President, Minister, Judge, Mr …) or a run of two or three capitalised words that is neither a place nor
 * an organisation makes a person. A later lone surname ("Aliyev") is merged with the full name found before
 * ("Ilham Aliyev"). Deliberately simple: a statistical model is expected to replace it.
 */
@ApplicationScoped
public class NameFinder {

    public static final String SOURCE = "capitalised-runs-v1";

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{M}'’.\\-]*|[,;:!?()\"“”]");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "de", "del", "da", "von", "van", "der", "bin",
            "al", "the", "on", "&");
    private static final Set<String> ORGANISATION_WORDS = Set.of("Ministry", "Agency", "Bank", "Company", "Corporation", "Corp", "Inc", "Ltd", "Plc", "LLC", "University", "Council", "Party", "Union", "Association", "Organisation", "Organization", "Institute", "Committee", "Commission", "Court", "Police", "Army", "Forces", "Group", "Times", "Daily", "News", "Post", "Press", "Airlines", "Airways", "Federation", "Foundation", "Fund", "Parliament", "Assembly", "Congress", "Senate", "Department", "Office", "Authority", "Service", "Board", "League", "Club", "Nations", "Reuters", "Network", "Tribune", "Journal", "Herald", "Guardian", "Telegraph", "Motors", "Holdings", "Exchange", "Academy", "School", "College", "Hospital", "Church", "Centre", "Center", "Program", "Programme", "Alliance", "Coalition", "Front", "Movement", "Media", "Television", "Radio", "Broadcasting", "Review", "Magazine", "Gazette", "Courier", "Observer", "Energy", "Industries", "Technologies", "Systems", "Labs", "Labour", "Democrats", "Republicans");
    private static final Set<String> TITLES = Set.of("President", "Minister", "Judge", "Mr", "Mrs", "Ms", "Dr", "Prof", "Chancellor", "King", "Queen", "Prince", "Princess", "Pope", "Senator", "Governor", "Mayor", "Secretary", "Chairman", "Chairwoman", "Director", "Commissioner", "Ambassador", "General", "Colonel", "Captain", "Sheikh", "Spokesman", "Spokeswoman", "Premier", "Justice", "Rep", "Sen", "Gov", "Lord", "Lady", "Sir", "Dame", "CEO", "Coach", "Editor", "Author", "Writer", "Journalist", "Professor", "Adviser", "Advisor", "Chief");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "On", "At", "By", "For", "But", "And", "Or", "If", "It", "Its", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "His", "Her", "Their", "Our", "After", "Before", "When", "While", "As", "Since", "With", "From", "To", "Of", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "There", "Here", "What", "Who", "Why", "How", "Mr", "Mrs", "Ms", "Dr", "According", "Earlier", "Later", "Also", "However", "Der", "Die", "Das", "El", "La", "Los", "Las", "Le", "Les", "Os", "Laut", "Weitere", "Meanwhile", "Yet", "Still", "Some", "Many", "One");

    /** Last words of names of things, not people: "Nobel Prize", "Great Barrier Reef", "City Hall". */
    private static final Set<String> THING_WORDS = Set.of("Prize", "Award", "Awards", "Bowl", "Cup", "Slam", "Open",
            "Championship", "Championships", "Games", "Olympics", "Reef", "Hall", "Bill", "Act", "Law", "Show", "Festival",
            "Islands", "Island", "Asia", "Africa", "Europe", "America", "County", "Province", "Region", "River", "Lake",
            "Mountains", "Sea", "Ocean", "Bay", "Street", "Square", "Park", "Bridge", "Airport", "Station", "Day", "War",
            "Summit", "Conference", "Treaty", "Agreement", "Plan", "Project", "Mission", "Week", "Year", "Season",
            "Stadium", "Palace", "Tower", "Valley", "Desert", "Coast", "Peninsula", "Strait", "Canal", "Pass", "Corridor",
            "Route", "Road", "Highway", "Line");
    /** Words that make a name an organisation's even as the last word: "Alameda Research", "Amnesty International". */
    private static final Set<String> ORGANISATION_ENDINGS = Set.of("Research", "International", "Partners", "Capital",
            "Press", "Studios", "Entertainment", "Pharma", "Therapeutics", "Electric", "Airlines");

    private final Gazetteer gazetteer;

    public NameFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public enum Kind {
        PERSON, ORGANISATION
    }

    /** A person or organisation with how often the article names it. */
    public record Found(String name, Kind kind, int mentions, double relevance) {
    }

    public List<Found> find(ArticleText text) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<String, Integer> mentions = new LinkedHashMap<>();
        List<String> blocks = new ArrayList<>();
        blocks.add(text.headline());
        blocks.addAll(text.paragraphs());
        for (String block : blocks) {
            scan(block, kinds, mentions);
        }
        int most = mentions.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<Found> found = new ArrayList<>();
        kinds.forEach((name, kind) -> found.add(new Found(name, kind, mentions.get(name),
                Math.round(100.0 * mentions.get(name) / most) / 100.0)));
        return found;
    }

    private void scan(String block, Map<String, Kind> kinds, Map<String, Integer> mentions) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(block);
        while (matcher.find()) {
            tokens.add(matcher.group().replaceAll("['’]s$", "").replaceAll("[.\\-]+$", ""));
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (!capitalised(tokens.get(i)) || NOT_NAMES.contains(tokens.get(i))) {
                continue;
            }
            int end = i + 1;
            while (end < tokens.size() && (capitalised(tokens.get(end))
                    || (CONNECTORS.contains(tokens.get(end)) && end + 1 < tokens.size() && capitalised(tokens.get(end + 1))))) {
                end++;
            }
            List<String> run = new ArrayList<>(tokens.subList(i, end));
            for (int cut = 1; cut < run.size(); cut++) { // a sentence word or a shouted dateline ends the name
                if (NOT_NAMES.contains(run.get(cut)) || shouted(run.get(cut - 1)) != shouted(run.get(cut))) {
                    end = i + cut;
                    run = new ArrayList<>(run.subList(0, cut));
                    break;
                }
            }

            boolean titled = false;
            boolean organisationName = run.stream().anyMatch(ORGANISATION_WORDS::contains);
            while (run.size() > 1 && !organisationName && (TITLES.contains(run.get(0)) || run.get(0).equals("Prime")
                    || run.get(0).equals("Foreign") || gazetteer.countryOfDemonym(run.get(0)) != null
                    || gazetteer.find(run.get(0)) != null)) {
                titled |= TITLES.contains(run.get(0)) || run.get(0).equals("Prime");
                run.remove(0); // "Azerbaijani President Ilham Aliyev" → "Ilham Aliyev"
            }
            if (run.size() == 1 && TITLES.contains(run.get(0))) {
                run.clear();
            }
            boolean afterTitle = i > 0 && TITLES.contains(tokens.get(i - 1));
            i = end - 1;
            if (run.isEmpty()) {
                continue;
            }
            String name = String.join(" ", run);
            classify(name, run, titled || afterTitle, kinds, mentions);
        }
    }

    private void classify(String name, List<String> run, boolean titled, Map<String, Kind> kinds,
            Map<String, Integer> mentions) {
        if (gazetteer.find(name) != null || gazetteer.countryOfDemonym(name) != null) {
            return; // a place, or a nationality
        }
        if (shouted(run.get(0)) && run.size() > 1) {
            return; // a dateline or a shouted heading
        }
        boolean organisation = run.stream().anyMatch(ORGANISATION_WORDS::contains)
                || ORGANISATION_ENDINGS.contains(run.get(run.size() - 1))
                || (run.size() == 1 && isAcronym(run.get(0)));
        if (organisation) {
            count(name, Kind.ORGANISATION, kinds, mentions);
            return;
        }
        if (run.size() == 1) {
            String known = kinds.keySet().stream()
                    .filter(full -> kinds.get(full) == Kind.PERSON && full.endsWith(" " + name)).findFirst().orElse(null);
            if (known != null) {
                count(known, Kind.PERSON, kinds, mentions);
            } else if (titled) {
                count(name, Kind.PERSON, kinds, mentions);
            }
            return;
        }
        if (run.size() <= 3 && run.stream().noneMatch(CONNECTORS::contains) && !THING_WORDS.contains(run.get(run.size() - 1))
                && run.stream().noneMatch(w -> gazetteer.countryOfDemonym(w) != null)) {
            count(name, Kind.PERSON, kinds, mentions);
        }
    }

    private static void count(String name, Kind kind, Map<String, Kind> kinds, Map<String, Integer> mentions) {
        kinds.putIfAbsent(name, kind);
        mentions.merge(name, 1, Integer::sum);
    }

    private static boolean capitalised(String token) {
        return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0));
    }

    private static boolean shouted(String token) {
        return token.length() > 3 && token.equals(token.toUpperCase()) && !token.equals(token.toLowerCase());
    }

    private static boolean isAcronym(String token) {
        return token.length() >= 2 && token.length() <= 6 && token.chars().allMatch(c -> Character.isUpperCase(c)
                || Character.isDigit(c));
    }
}
