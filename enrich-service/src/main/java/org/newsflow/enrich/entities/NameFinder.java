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
import org.newsflow.enrich.places.PlaceFinder;
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
    /**
     * Kinds of public body that Dutch and the Romance languages write in lower case before the capitalised rest of
     * the body's name ("ministerie van Buitenlandse Zaken", "ministero della Difesa").
     */
    private static final Set<String> LOWER_CASE_ORGANISATION_HEADS = Set.of("ministerie", "ministerio", "ministère",
            "ministero", "ministério", "departement", "departamento", "dipartimento", "secretaría", "secretaria",
            "consejería", "assessorato", "gemeente", "provincie");
    private static final Set<String> HEAD_CONNECTORS = Set.of("van", "voor", "de", "di", "del", "della", "delle", "dei",
            "degli", "des", "du", "do", "da", "dos", "das");
    /**
     * Organisation words that are also surnames ("Margaret Court", "Emily Post"): after a given name they make a
     * person; the others make an organisation even then ("Stanford University").
     */
    private static final Set<String> SURNAME_LIKE_ORGANISATION_WORDS = Set.of("Court", "Post", "Press", "Bank", "Fund",
            "Front", "Board", "Church", "Hall", "Times", "Guardian", "Herald", "Union", "Service", "League", "Energy",
            "Radio", "Review", "Observer", "Courier", "Gazette", "Society");
    /** Connectors that, two words or more into a person's name, end it: "Nicholas Latifi von Williams". */
    private static final Set<String> PARTING_CONNECTORS = Set.of("of", "for", "von", "from");
    private static final Set<String> ORGANISATION_WORDS = Set.of("Ministry", "Agency", "Bank", "Company", "Corporation", "Corp", "Inc", "Ltd", "Plc", "LLC", "University", "Council", "Party", "Union", "Association", "Organisation", "Organization", "Institute", "Committee", "Commission", "Court", "Police", "Army", "Forces", "Group", "Times", "Daily", "News", "Post", "Press", "Airlines", "Airways", "Federation", "Foundation", "Fund", "Parliament", "Assembly", "Congress", "Senate", "Department", "Office", "Authority", "Service", "Board", "League", "Club", "Nations", "Reuters", "Network", "Tribune", "Journal", "Herald", "Guardian", "Telegraph", "Motors", "Holdings", "Exchange", "Society", "Societies", "Academy", "School", "College", "Hospital", "Church", "Centre", "Center", "Program", "Programme", "Alliance", "Coalition", "Front", "Movement", "Media", "Television", "Radio", "Broadcasting", "Review", "Magazine", "Gazette", "Courier", "Observer", "Energy", "Industries", "Technologies", "Systems", "Labs", "Labour", "Democrats", "Republicans");
    private static final Set<String> ENGLISH_TITLES = Set.of("President", "Minister", "Judge", "Mr", "Mrs", "Ms", "Dr", "Prof", "Chancellor", "King", "Queen", "Prince", "Princess", "Pope", "Senator", "Governor", "Mayor", "Secretary", "Chairman", "Chairwoman", "Director", "Commissioner", "Ambassador", "General", "Colonel", "Captain", "Sheikh", "Spokesman", "Spokeswoman", "Premier", "Justice", "Rep", "Sen", "Gov", "Lord", "Lady", "Sir", "Dame", "CEO", "Coach", "Editor", "Author", "Writer", "Journalist", "Professor", "Adviser", "Advisor", "Chief", "Attorney", "Prosecutor", "District", "Speaker",
            "Deputy", "Vice", "Lieutenant", "Sergeant", "Major", "Admiral", "Marshal", "Bishop", "Archbishop", "Cardinal",
            "Rabbi", "Imam", "Father", "Sister", "Brother", "Detective", "Inspector", "Superintendent", "Constable",
            "Officer", "Manager", "Founder");
    /** Titles of the other languages we read, capitalised as at a sentence's start. */
    private static final Set<String> FOREIGN_TITLES = Set.of(
            "Presidente", "Präsident", "Präsidentin", "Ministerin", "Kanzler",
            "Kanzlerin", "Président", "Présidente", "Ministre", "Ministro", "Ministra", "Presiden", "Menteri",
            "Ketua", "Wakil", "Gubernur", "Bupati", "Walikota", "Jenderal", "Anggota",
            "Президент", "Министр", "Премьер", "Глава", "Директор", "Генерал", "Председатель",
            "Cumhurbaşkanı", "Başbakan", "Bakan", "Bakanı", "Başkan", "Başkanı", "Sözcüsü", "Büyükelçisi",
            "Bürgermeister", "Bürgermeisterin", "Oberbürgermeister", "Oberbürgermeisterin", "Ministerpräsident",
            "Ministerpräsidentin", "Bundeskanzler", "Bundeskanzlerin", "Bundespräsident", "Bundespräsidentin",
            "Sprecher", "Sprecherin", "Vorsitzende", "Vorsitzender", "Trainer", "Trainerin", "Papst", "König", "Königin",
            "Burmistrz", "Prezydent", "Wojewoda", "Starosta", "Marszałek", "Poseł", "Posłanka", "Rzecznik",
            "Rzeczniczka", "Prezes", "Wójt", "Komendant", "Papież", "Ksiądz", "Biskup", "Burgemeester", "Wethouder",
            "Staatssecretaris", "Koning", "Koningin", "Voorzitter", "Woordvoerder", "Sindaco", "Senatore", "Deputato",
            "Segretario", "Portavoce", "Alcalde", "Alcaldesa", "Presidenta", "Secretario", "Secretaria", "Portavoz",
            "Senador", "Senadora", "Diputado", "Diputada", "Rey", "Reina", "Maire", "Secrétaire", "Porte-parole",
            "Sénateur", "Député", "Députée", "Prefeito", "Prefeita", "Governador", "Governadora", "Deputado", "Deputada",
            "Secretário", "Secretária", "Porta-voz", "Мэр", "Губернатор", "Спикер", "Посол", "Патриарх", "Пресс-секретарь");
    private static final Set<String> TITLES = union(ENGLISH_TITLES, FOREIGN_TITLES);
    /**
     * The other languages' titles in lower case, as they write them mid-sentence ("il sindaco", "burmistrz");
     * "premier" is also French for "first".
     */
    private static final Set<String> LOWER_CASE_TITLES = FOREIGN_TITLES.stream().filter(t -> !t.equals("Premier"))
            .map(t -> t.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
    /** Words that end a sentence without ending in a full stop of their own: "Mr." does not end one. */
    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt",
            "Col", "Sgt", "Rev", "Prof", "Gov", "Sen", "Rep", "Capt", "Cmdr", "Maj", "Mt", "No", "Inc", "Corp", "Ltd", "Co");
    /** Regional adjectives: "North African", "Latin American" name no person. */
    private static final Set<String> REGION_ADJECTIVES = Set.of("African", "European", "Asian", "Arab", "American",
            "Latin", "Nordic", "Scandinavian", "Caribbean", "Pacific", "Atlantic", "Mediterranean", "Balkan", "Baltic",
            "Gulf", "Western", "Eastern", "Northern", "Southern", "Central", "Middle");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "On", "At", "By", "For", "But", "And", "Or", "If", "It", "Its", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "His", "Her", "Their", "Our", "After", "Before", "When", "While", "As", "Since", "With", "From", "To", "Of", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "There", "Here", "What", "Who", "Why", "How", "Mr", "Mrs", "Ms", "Dr", "According", "Earlier", "Later", "Also", "However", "Der", "Die", "Das", "El", "La", "Los", "Las", "Le", "Les", "Os", "Laut", "Weitere", "Meanwhile", "Yet", "Still", "Some", "Many", "One",
            // sentence-opening prepositions and articles of other languages: "Für Fahrgäste der Deutschen Bahn"
            "Für", "Mit", "Bei", "Nach", "Von", "Aus", "Auf", "Über", "Unter", "Gegen", "Ohne", "Durch", "Im", "Am",
            "Beim", "Vom", "Zum", "Zur", "Seit", "Wegen", "Trotz", "Ein", "Eine", "Auch", "Doch", "Nun", "Dies", "Diese",
            "Pour", "Avec", "Selon", "Dans", "Sur", "Une", "Un", "Ce", "Cette", "Mais", "Según", "Para", "Con", "Por",
            "Desde", "Sobre", "Una", "Uno", "Pero", "Em", "Com", "Segundo", "Mas", "Uma", "Dengan", "Untuk", "Dalam",
            "Menurut", "Pada", "Yang", "Dan", "Ini", "Itu");

    /** Last words of names of things, not people: "Nobel Prize", "Great Barrier Reef", "City Hall". */
    private static final Set<String> THING_WORDS = Set.of("Prize", "Award", "Awards", "Bowl", "Cup", "Slam", "Open",
            "Championship", "Championships", "Games", "Olympics", "Reef", "Hall", "Bill", "Act", "Law", "Show", "Festival",
            "Islands", "Island", "Asia", "Africa", "Europe", "America", "County", "Province", "Region", "River", "Lake",
            "Mountains", "Sea", "Ocean", "Bay", "Street", "Square", "Park", "Bridge", "Airport", "Station", "Day", "War",
            "Summit", "Conference", "Treaty", "Agreement", "Plan", "Project", "Mission", "Week", "Year", "Season",
            "Stadium", "Palace", "Tower", "Valley", "Desert", "Coast", "Peninsula", "Strait", "Canal", "Pass", "Corridor",
            "Route", "Road", "Highway", "Line", "Tax", "Levy", "Cathedral", "Mosque", "Temple", "Basilica", "Chapel",
            "Arena", "Court", "Initiative", "Programme", "Strategy", "Forum", "Expo", "Stadyumu", "Stadı", "Stadion",
            "Stadio", "Estadio", "Stade", "Circuit", "Circuito", "Rennstrecke");
    /** Words that make a name an organisation's even as the last word: "Alameda Research", "Amnesty International". */
    private static final Set<String> ORGANISATION_ENDINGS = Set.of("Research", "International", "Partners", "Capital",
            "Press", "Studios", "Entertainment", "Pharma", "Therapeutics", "Electric", "Airlines");

    /** Capitalised abbreviations that name no organisation. */
    private static final Set<String> NOT_ORGANISATIONS = Set.of("PM", "MP", "MPs", "MEP", "VAT", "GDP", "CEO", "CFO",
            "TV", "AI", "OK", "USD", "EUR", "GMT", "UTC", "COVID", "HIV", "AIDS", "DNA", "CO2", "II", "III", "IV", "VI",
            "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "PS",
            "NB", "AM", "BC", "AD", "ID", "IT", "UK", "US", "USA", "EU", "UAE", "DRC", "PR", "Q1", "Q2", "Q3", "Q4");
    /** Words that make a capitalised run an organisation in languages other than English. */
    private static final Set<String> FOREIGN_ORGANISATION_WORDS = Set.of("Instituto", "Institut", "Istituto", "Academia",
            "Akademie", "Académie", "Accademia", "Conselho", "Consejo", "Conseil", "Consiglio", "Rat", "Komisi", "Komisja",
            "Kommission", "Comisión", "Comissão", "Commissione", "Dewan", "Partai", "Partido", "Parti", "Partei", "Partito",
            "Gewerkschaft", "Sindicato", "Syndicat", "Ministerio", "Ministère", "Ministerium", "Ministero", "Kementerian",
            "Banco", "Banque", "Banca", "Universidad", "Universidade", "Université", "Universität", "Università",
            "Universitas", "Tribunal", "Tribunale", "Corte", "Gericht", "Gerichtshof", "Agentur", "Agencia", "Agence",
            "Agência", "Agenzia", "Panitia", "Badan", "Lembaga", "Mahkamah", "Federación", "Fédération", "Verband",
            "Konzern", "AG", "GmbH", "SA", "SpA", "Gruppe", "Grupo", "Groupe", "Fundación", "Fondation", "Stiftung",
            "Organización", "Organização", "Organizzazione", "Bundestag", "Bundesrat", "Bundestagsfraktion", "Fraktion",
            "Asamblea", "Assemblée", "Assembleia", "Congreso", "Senado", "Sénat", "Parlamento", "Parlement", "Bahn",
            "Polícia", "Policía", "Polizei", "Ejército", "Armée", "Exército", "Zeitung", "Rundfunk", "Organisatsioon",
            "Ülikool", "Erakond", "Agentuur", "Комитет", "Агентство", "Министерство", "Партия", "Союз", "Совет", "Фонд",
            "Банк", "Университет", "Академия", "Служба", "Госдума", "Корпорация", "Компания",
            "Komitesi", "Bakanlığı", "Başkanlığı", "Partisi", "Üniversitesi", "Bankası", "Ajansı", "Derneği", "Vakfı",
            "Kurumu", "Meclisi", "Konseyi", "Örgütü", "Birliği", "Federasyonu", "Kulübü", "Şirketi", "Müdürlüğü",
            "Belediyesi", "Ministerstwo", "Ministerstwa", "Urząd", "Urzędu", "Policja", "Policji", "Instytut", "Uniwersytet",
            "Fundacja", "Stowarzyszenie", "Partia", "Telewizja", "Telewizji", "Agencja", "Związek", "Ministerie", "Gemeente",
            "Politie", "Universiteit", "Stichting", "Vereniging", "Omroep", "Radio", "Radiem", "Rada", "Rady", "Radzie",
            "Oddział", "Szpital", "Сборная", "Сборной", "Сборную",
            // companies by their trade or legal form in other languages: "Nordvind Energi", "Telia AB", "Kone Oyj"
            "Energi", "Energie", "Energía", "Energia", "Enerji", "Energético", "AB", "ASA", "Oyj", "Oy", "NV", "BV",
            "Srl", "SAS", "SARL", "KK", "Holding", "Gruppen", "Koncernen", "Konsern", "Aktiengesellschaft");

    /**
     * German compounds that name a kind of public body: "Landgericht", "Staatsanwaltschaft", "Polizeiinspektion";
     * followed by a place ("Landgericht Magdeburg") they name one.
     */
    private static final Pattern GERMAN_BODY_ENDING = Pattern.compile(
            "(?:gericht|gerichts|anwaltschaft|inspektion|ministerium|ministeriums|behörde|kanzlei|präsidium|direktion|"
                    + "verwaltung|amt|amts|verband|verbands|gewerkschaft|partei|polizei|kommission|agentur|stiftung)$");

    /**
     * Month and weekday names of the languages we read ("Kasım", "Cumartesi", "Donnerstag", "Septembre"), from the
     * JDK's locale data, capitalised as they start a run of capitalised words.
     */
    private static final Set<String> CALENDAR_WORDS = calendarWords();

    private static Set<String> calendarWords() {
        Set<String> words = new java.util.HashSet<>();
        for (String tag : List.of("en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ru", "uk", "id", "et", "sv", "da",
                "nb", "fi", "cs", "ro", "hu", "hr")) {
            java.text.DateFormatSymbols symbols = java.text.DateFormatSymbols.getInstance(java.util.Locale.forLanguageTag(tag));
            for (String[] names : List.of(symbols.getMonths(), symbols.getWeekdays())) {
                for (String name : names) {
                    if (!name.isEmpty()) {
                        words.add(name.substring(0, 1).toUpperCase(java.util.Locale.forLanguageTag(tag)) + name.substring(1));
                    }
                }
            }
        }
        return Set.copyOf(words);
    }

    /** Slavic adjectives made from place names, declined: "Kłodzkiej", "Śląskim", "Nyskie", "Opolskiego". */
    private static final Pattern PLACE_ADJECTIVE = Pattern.compile("(?:sk|ck|dzk)(?:a|i|ie|iej|im|iego|ich|imi|ą)$");
    /** First words of lakes, rivers, mountains and squares in other languages: no person's name starts so. */
    private static final Set<String> FEATURE_FIRST_WORDS = Set.of("Jezioro", "Jeziora", "Rzeka", "Rzeki", "Góra", "Góry",
            "Zalew", "Ulica", "Ulicy", "Plac", "Placu", "Park", "Parku", "Lago", "Monte", "Lac", "Mont", "Rio", "Río",
            "Озеро", "Река", "Гора", "Площадь", "Oude", "Nieuwe");
    private static boolean notAName(String word) {
        return NOT_NAMES.contains(word) || CALENDAR_WORDS.contains(word);
    }

    private final Gazetteer gazetteer;
    private final KnownNames known = KnownNames.load();

    public NameFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public enum Kind {
        PERSON, ORGANISATION
    }

    /** How much a language's capitals tell: English capitalises names only; German every noun. */
    enum Style {
        /** English: a run of two or three capitalised words is a name. */
        ENGLISH,
        /** German, Luxembourgish: capitals mark nouns, so a person needs a given name or a title. */
        CAPITALISED_NOUNS,
        /** Other languages with capitals: a person's words are never written in lower case in the same article. */
        OTHER_LATIN,
        /** Scripts other than Latin: names are reported in the article's script. */
        OTHER_SCRIPT;

        private static final Set<String> NON_LATIN = Set.of("ru", "uk", "be", "bg", "mk", "sr", "kk", "el", "hy", "ka",
                "ar", "fa", "ur", "he", "hi", "bn", "mr", "ta", "te", "pa", "gu", "zh", "ja", "ko", "th");

        static Style of(String language) {
            String primary = language == null ? "und" : language.split("-")[0].toLowerCase(java.util.Locale.ROOT);
            if (primary.equals("en") || primary.equals("und")) {
                return ENGLISH;
            }
            if (primary.equals("de") || primary.equals("lb")) {
                return CAPITALISED_NOUNS;
            }
            return NON_LATIN.contains(primary) ? OTHER_SCRIPT : OTHER_LATIN;
        }
    }

    /**
     * A person or organisation with how often the article names it; {@code canonical} is the name Newsflow knows
     * it by ("Associated Press" for "AP"), the same in every article.
     */
    public record Found(String name, Kind kind, int mentions, double relevance, String canonical) {
    }

    public List<Found> find(ArticleText text) {
        return find(text, "en");
    }

    /**
     * The people and organisations of the article. In English a run of two or three capitalised words is a
     * person; in other languages, whose capitals mark nouns or titles as well, only a run that starts with a
     * known given name or follows a title is.
     */
    public List<Found> find(ArticleText text, String language) {
        Style style = Style.of(language);
        Set<String> lowercase = new LowerCaseWords(text.all()); // read from the text only when a rule asks
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<String, Integer> mentions = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>(); // known organisation → the longest form the article writes
        List<String> blocks = new ArrayList<>();
        blocks.add(text.headline());
        blocks.addAll(text.paragraphs());
        for (String block : blocks) {
            scan(withoutDateline(block), kinds, mentions, written, style, language, lowercase);
        }
        if (style == Style.OTHER_SCRIPT) {
            // names are reported in the article's own script: a Latin-script form is an aside ("(JAXA)"), unless
            // it is how a known organisation is written everywhere ("AFP", "NHK")
            kinds.keySet().removeIf(name -> !written.containsKey(name) && name.codePoints().filter(Character::isLetter)
                    .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN));
            mentions.keySet().retainAll(kinds.keySet());
            written.keySet().retainAll(kinds.keySet());
            // "タイ・バンコク" (Thailand · Bangkok) is places joined by the same dot, not a person
            KatakanaNames.find(text.all()).stream()
                    .filter(name -> !java.util.Arrays.stream(name.split("[・･]")).allMatch(part -> gazetteer.find(part) != null))
                    .forEach(name -> count(name, Kind.PERSON, kinds, mentions));
            String primary = language == null ? "" : language.split("-")[0];
            String all = text.all();
            switch (primary) {
                case "ar" -> ArabicNames.find(all).forEach(n -> countUnlessPlace(all, n.text(), n.person(), kinds, mentions));
                case "zh" -> ChineseNames.find(all, n -> gazetteer.find(n) != null)
                        .forEach(n -> countUnlessPlace(all, n.text(), n.person(), kinds, mentions));
                case "ko" -> KoreanNames.find(all).forEach(n -> countUnlessPlace(all, n.text(), n.person(), kinds, mentions));
                case "ja" -> JapaneseNames.find(all).stream().filter(n -> n.kind() != JapaneseNames.Kind.PLACE)
                        .forEach(n -> countUnlessPlace(all, n.text(), n.kind() == JapaneseNames.Kind.PERSON, kinds, mentions));
                default -> {
                }
            }
        }
        toNominative(language, kinds, mentions);
        foldAliases(kinds, mentions);
        Map<String, String> canonicals = new java.util.HashMap<>();
        written.forEach((canonical, form) -> {
            if (!form.equals(canonical) && kinds.containsKey(canonical) && !kinds.containsKey(form)) {
                rename(canonical, form, kinds, mentions);
                canonicals.put(form, canonical);
            }
        });
        int most = mentions.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<Found> found = new ArrayList<>();
        kinds.forEach((name, kind) -> found.add(new Found(name, kind, mentions.get(name),
                Math.round(100.0 * mentions.get(name) / most) / 100.0, canonicals.getOrDefault(name, name))));
        return found;
    }

    private void scan(String block, Map<String, Kind> kinds, Map<String, Integer> mentions, Map<String, String> written,
            Style style, String language, Set<String> lowercase) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(block);
        boolean elides = PlaceFinder.elides(language);
        while (matcher.find()) {
            String word = elides ? PlaceFinder.withoutElision(matcher.group()) : matcher.group();
            if (word.length() < matcher.group().length()) {
                tokens.add("'"); // "dell'Agenzia": the elided article ends a name before it, as a lower-case word would
            }
            String token = ArticleText.stripPossessive(word);
            String bare = stripTrailing(token);
            tokens.add(bare);
            if (token.endsWith(".") && bare.length() > 1 && !ABBREVIATIONS.contains(bare) && bare.indexOf('.') < 0) {
                tokens.add("."); // a sentence ends here: a name does not run on into the next sentence
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            KnownNames.Match organisation = known.organisationAt(tokens, i, style != Style.ENGLISH);
            if (organisation != null && !continuesAsOrganisation(tokens, i + organisation.length())) {
                count(organisation.canonical(), Kind.ORGANISATION, kinds, mentions);
                written.merge(organisation.canonical(), organisation.form(), (a, b) -> b.length() > a.length() ? b : a);
                i += organisation.length() - 1;
                continue;
            }
            if (!capitalised(tokens.get(i)) || notAName(tokens.get(i))) {
                continue;
            }
            int end = i + 1;
            while (end < tokens.size() && (capitalised(tokens.get(end))
                    || (CONNECTORS.contains(tokens.get(end)) && end + 1 < tokens.size() && capitalised(tokens.get(end + 1))))) {
                if (style == Style.CAPITALISED_NOUNS && known.organisationAt(tokens, end, true) != null) {
                    break; // "Fahrgäste der Deutschen Bahn": the known name is read on its own
                }
                end++;
            }
            while (end - 1 > i && CONNECTORS.contains(tokens.get(end - 1))) {
                end--; // "… der" before a known name
            }
            List<String> run = new ArrayList<>(tokens.subList(i, end));
            for (int cut = 1; cut + 1 < run.size(); cut++) { // "Soviet Union and China": "and" ends a name unless an
                // organisation's name goes on after it ("Red Cross and Red Crescent Societies")
                if ((run.get(cut).equals("and") || run.get(cut).equals("&"))
                        && run.subList(cut + 1, run.size()).stream().noneMatch(ORGANISATION_WORDS::contains)
                        && !THING_WORDS.contains(run.get(run.size() - 1))) {
                    end = i + cut;
                    run = new ArrayList<>(run.subList(0, cut));
                    break;
                }
            }
            for (int cut = 1; cut < run.size(); cut++) { // a sentence word or a shouted dateline ends the name
                if (notAName(run.get(cut)) || shouted(run.get(cut - 1)) != shouted(run.get(cut))) {
                    end = i + cut;
                    run = new ArrayList<>(run.subList(0, cut));
                    break;
                }
            }

            for (int k = 1; k + 1 < run.size(); k++) { // "National Assembly Speaker Moses Wetang'ula": a title inside
                // a run separates an organisation from the person who holds the title
                if (TITLES.contains(run.get(k)) && run.size() - k - 1 <= 3 && !TITLES.contains(run.get(k - 1))
                        && run.subList(k + 1, run.size()).stream().allMatch(w -> !TITLES.contains(w))) {
                    List<String> holder = run.subList(0, k);
                    if (holder.stream().anyMatch(w -> ORGANISATION_WORDS.contains(w) || FOREIGN_ORGANISATION_WORDS.contains(w))) {
                        classify(String.join(" ", holder), new ArrayList<>(holder), false, style, language, lowercase, kinds, mentions);
                        run = new ArrayList<>(run.subList(k + 1, run.size()));
                        i = i + k + 1;
                        classify(String.join(" ", run), run, true, style, language, lowercase, kinds, mentions);
                        run = List.of();
                    }
                    break;
                }
            }
            if (run.isEmpty()) {
                i = end - 1;
                continue;
            }
            if (style == Style.OTHER_LATIN && i >= 2 && HEAD_CONNECTORS.contains(tokens.get(i - 1))
                    && LOWER_CASE_ORGANISATION_HEADS.contains(tokens.get(i - 2))) {
                // "ministerie van Buitenlandse Zaken", "ministerio de Defensa": the body's kind in lower case
                count(tokens.get(i - 2) + " " + tokens.get(i - 1) + " " + String.join(" ", run), Kind.ORGANISATION,
                        kinds, mentions);
                i = end - 1;
                continue;
            }
            if (splitAroundGivenNames(run, style, language, lowercase, kinds, mentions)) {
                i = end - 1;
                continue;
            }
            run = new ArrayList<>(run);
            // outside English a title is mostly written in lower case before the name ("il sindaco Mario Rossi")
            boolean afterTitle = i > 0 && (TITLES.contains(tokens.get(i - 1))
                    || (style != Style.ENGLISH && LOWER_CASE_TITLES.contains(tokens.get(i - 1))));
            boolean titled = false;
            boolean organisationName = run.stream().anyMatch(ORGANISATION_WORDS::contains)
                    || ORGANISATION_ENDINGS.contains(run.get(run.size() - 1));
            while (run.size() > 1 && !organisationName && (TITLES.contains(run.get(0)) || run.get(0).equals("Prime")
                    || run.get(0).equals("Foreign") || gazetteer.countryOfDemonym(run.get(0)) != null
                    || leadingPlace(run) || gazetteer.findPrimary(run.get(0) + ".") != null
                    || ((titled || afterTitle) && PlaceFinder.inflectsNames(language)
                            && gazetteer.findInflected(run.get(0)) != null))) {
                titled |= TITLES.contains(run.get(0)) || run.get(0).equals("Prime");
                run.remove(0); // "Azerbaijani President Ilham Aliyev" → "Ilham Aliyev"
            }
            if (run.size() == 1 && TITLES.contains(run.get(0))) {
                run.clear();
            }
            if (titled && run.size() >= 3 && run.size() <= 4 && isAcronym(run.get(0))) {
                // "Ketua KPU Hasyim Asy'ari": a title, the body's abbreviation, then the person
                classify(run.get(0), List.of(run.get(0)), false, style, language, lowercase, kinds, mentions);
                run = new ArrayList<>(run.subList(1, run.size()));
            }
            i = end - 1;
            if (run.isEmpty()) {
                continue;
            }
            int pair = pairedNames(run);
            if (pair > 0) { // "Ganjar Pranowo-Mahfud MD": a ticket of two people
                String joined = run.get(pair);
                int dash = joined.indexOf('-');
                List<String> first = new ArrayList<>(run.subList(0, pair));
                first.add(joined.substring(0, dash));
                List<String> second = new ArrayList<>(List.of(joined.substring(dash + 1)));
                second.addAll(run.subList(pair + 1, run.size()));
                classify(String.join(" ", first), first, titled || afterTitle, style, language, lowercase, kinds, mentions);
                classify(String.join(" ", second), second, titled || afterTitle, style, language, lowercase, kinds, mentions);
                continue;
            }
            if (style != Style.ENGLISH && run.size() >= 3 && gazetteer.findPrimary(run.get(run.size() - 1)) != null
                    && run.stream().noneMatch(w -> ORGANISATION_WORDS.contains(w) || FOREIGN_ORGANISATION_WORDS.contains(w))) {
                run = new ArrayList<>(run.subList(0, run.size() - 1)); // "Ayşe Demirtaş Ankara'ya döndü": the place goes
            }
            String name = String.join(" ", run);
            classify(name, run, titled || afterTitle, style, language, lowercase, kinds, mentions);
        }
    }

    /** The words an article writes in lower case, read from its text when first asked for. */
    private static final class LowerCaseWords extends java.util.AbstractSet<String> {
        private final String text;
        private Set<String> words;

        LowerCaseWords(String text) {
            this.text = text;
        }

        private Set<String> words() {
            if (words == null) {
                words = new java.util.HashSet<>();
                for (String word : ArticleText.words(text)) {
                    if (Character.isLowerCase(word.codePointAt(0))) {
                        words.add(word);
                    }
                }
            }
            return words;
        }

        @Override
        public boolean contains(Object word) {
            return words().contains(word);
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return words().iterator();
        }

        @Override
        public int size() {
            return words().size();
        }
    }

    /** A known given name, in Cyrillic also one known in its Latin spelling ("Лионель"). */
    private boolean givenName(String word) {
        return known.isGivenName(word) || DeclinedNames.latinGivenName(word, known::isGivenName);
    }

    /** People named in a declined form are listed in the nominative, their mentions in every case counted together. */
    private void toNominative(String language, Map<String, Kind> kinds, Map<String, Integer> mentions) {
        for (String name : List.copyOf(kinds.keySet())) {
            if (kinds.get(name) != Kind.PERSON) {
                continue;
            }
            String nominative = DeclinedNames.nominative(name, language, this::givenName);
            if (nominative.equals(name)) {
                continue;
            }
            int count = mentions.remove(name);
            kinds.remove(name);
            kinds.putIfAbsent(nominative, Kind.PERSON);
            mentions.merge(nominative, count, Integer::sum);
        }
    }

    /**
     * Runs that hold a person's name beside other words, told by where a known given name stands: two people side by
     * side ("Max Verstappen Lewis Hamilton"); a role or an organisation before the name, which languages that
     * capitalise nouns write without a title we know ("Teamchef Christian Horner", "Williams-Piloten Nicholas
     * Latifi"); an organisation after it ("Nicholas Latifi von Williams"). Classifies the parts and returns true
     * when it split the run.
     */
    private boolean splitAroundGivenNames(List<String> run, Style style, String language, Set<String> lowercase,
            Map<String, Kind> kinds, Map<String, Integer> mentions) {
        if (run.size() < 3 || style == Style.OTHER_SCRIPT) {
            return false;
        }
        if (run.size() == 4 && known.isGivenName(run.get(0)) && known.isGivenName(run.get(2))
                && run.stream().noneMatch(w -> isOrganisationWord(w) || CONNECTORS.contains(w) || TITLES.contains(w))) {
            classify(run.get(0) + " " + run.get(1), run.subList(0, 2), false, style, language, lowercase, kinds, mentions);
            classify(run.get(2) + " " + run.get(3), run.subList(2, 4), false, style, language, lowercase, kinds, mentions);
            return true;
        }
        if (known.isGivenName(run.get(0))) {
            for (int c = 2; c + 1 < run.size() && c <= 3; c++) {
                if (PARTING_CONNECTORS.contains(run.get(c))) {
                    List<String> person = run.subList(0, c);
                    List<String> rest = run.subList(c + 1, run.size());
                    classify(String.join(" ", person), person, false, style, language, lowercase, kinds, mentions);
                    classify(String.join(" ", rest), rest, false, style, language, lowercase, kinds, mentions);
                    return true;
                }
            }
            return false;
        }
        if (style == Style.ENGLISH || TITLES.contains(run.get(0))) {
            return false; // English has no capitalised role nouns; a known title is read as one further on
        }
        for (int k = 1; k < run.size() - 1; k++) {
            if (known.isGivenName(run.get(k)) && run.size() - k <= 3 && !CONNECTORS.contains(run.get(k - 1))) {
                List<String> before = run.subList(0, k);
                List<String> person = run.subList(k, run.size());
                if (person.stream().anyMatch(w -> isOrganisationWord(w) || CONNECTORS.contains(w))
                        || THING_WORDS.contains(person.get(person.size() - 1))) {
                    return false; // "Yas Marina Circuit": a given name inside the name of a thing
                }
                if (before.stream().anyMatch(NameFinder::isOrganisationWord)) {
                    classify(String.join(" ", before), before, false, style, language, lowercase, kinds, mentions);
                }
                classify(String.join(" ", person), person, true, style, language, lowercase, kinds, mentions);
                return true;
            }
        }
        return false;
    }

    private static boolean isOrganisationWord(String word) {
        return ORGANISATION_WORDS.contains(word) || FOREIGN_ORGANISATION_WORDS.contains(word);
    }

    /**
     * A place before a name that is not part of it: a country or region ("Kenyan" is a demonym; "Kenya Police
     * chief …"), or a city before a title ("Moscow Mayor Sergei Sobyanin"). A town before a surname is the
     * person's given name ("Merrick Garland").
     */
    private boolean leadingPlace(List<String> run) {
        Gazetteer.Entry place = gazetteer.findPrimary(run.get(0));
        return place != null && (place.country() || place.geonamesId() == null || TITLES.contains(run.get(1)));
    }

    /**
     * The index of the word that joins two people's names with a hyphen, each of two words or more ("Anies
     * Baswedan-Muhaimin Iskandar"), or -1. "Sam Bankman-Fried" is one name: one word after the hyphen.
     */
    private static int pairedNames(List<String> run) {
        for (int k = 1; k + 1 < run.size(); k++) {
            String word = run.get(k);
            int dash = word.indexOf('-');
            if (dash > 0 && dash + 1 < word.length() && word.indexOf('-', dash + 1) < 0
                    && Character.isUpperCase(word.codePointAt(dash + 1))) {
                return k;
            }
        }
        return -1;
    }

    /** A known organisation followed by an organisation word is part of a longer name ("Apple Daily"). */
    private static boolean continuesAsOrganisation(List<String> tokens, int next) {
        return next < tokens.size() && (ORGANISATION_WORDS.contains(tokens.get(next))
                || FOREIGN_ORGANISATION_WORDS.contains(tokens.get(next)));
    }

    /** A dateline ("NEW YORK (AP) —", "LONDON —") names a place, not a person or an organisation. */
    private static String withoutDateline(String block) {
        return DATELINE.matcher(block).replaceFirst("");
    }

    private static final Pattern WEB_NAME = Pattern.compile("\\p{Lu}[\\p{L}\\p{N}\\-]+\\.(?:[A-Z][a-z]|[a-z]{2,6})");
    private static final Pattern DATELINE = Pattern.compile("^\\p{Lu}[\\p{Lu}.'’\\- ]*\\p{Lu}(?=\\s*(?:\\(|,|—|–|-|:))");

    /**
     * Folds an abbreviation into the full name it abbreviates ("ISRO", "Isro" → "Indian Space Research
     * Organisation"), and a shorter organisation name into the longer one containing its words in order
     * ("Reef Authority" → "Great Barrier Reef Marine Park Authority").
     */
    private static void foldAliases(Map<String, Kind> kinds, Map<String, Integer> mentions) {
        List<String> organisations = kinds.entrySet().stream().filter(e -> e.getValue() == Kind.ORGANISATION)
                .map(Map.Entry::getKey).toList();
        for (String alias : organisations) {
            String full = null;
            for (String candidate : organisations) {
                if (!candidate.equals(alias) && candidate.length() > alias.length()
                        && (abbreviates(alias, candidate) || containsInOrder(candidate, alias))) {
                    full = full == null || candidate.length() > full.length() ? candidate : full;
                }
            }
            if (full != null && kinds.containsKey(alias)) {
                mentions.merge(full, mentions.remove(alias), Integer::sum);
                kinds.remove(alias);
            }
        }
    }

    static boolean abbreviates(String alias, String full) {
        if (alias.contains(" ") || alias.length() < 2 || alias.length() > 8) {
            return false;
        }
        StringBuilder initials = new StringBuilder();
        StringBuilder initialsWithConnectors = new StringBuilder();
        for (String word : full.split("[ \\-]+")) {
            if (word.isEmpty()) {
                continue;
            }
            initialsWithConnectors.appendCodePoint(word.codePointAt(0));
            if (!CONNECTORS.contains(word) && Character.isUpperCase(word.codePointAt(0))) {
                initials.appendCodePoint(word.codePointAt(0));
            }
        }
        return alias.equalsIgnoreCase(initials.toString()) || alias.equalsIgnoreCase(initialsWithConnectors.toString());
    }

    private static boolean containsInOrder(String full, String part) {
        String[] partWords = part.split(" ");
        if (partWords.length < 2) {
            return false;
        }
        String[] words = full.split(" ");
        int at = 0;
        for (String word : words) {
            if (at < partWords.length && word.equals(partWords[at])) {
                at++;
            }
        }
        return at == partWords.length;
    }

    private static void rename(String from, String to, Map<String, Kind> kinds, Map<String, Integer> mentions) {
        Map<String, Kind> reordered = new LinkedHashMap<>();
        kinds.forEach((name, kind) -> reordered.put(name.equals(from) ? to : name, kind));
        kinds.clear();
        kinds.putAll(reordered);
        mentions.put(to, mentions.remove(from));
    }

    private void classify(String name, List<String> run, boolean titled, Style style, String language, Set<String> lowercase,
            Map<String, Kind> kinds, Map<String, Integer> mentions) {
        if (gazetteer.findPrimary(name) != null || gazetteer.countryOfDemonym(name) != null) {
            return; // a place, or a nationality
        }
        if (PlaceFinder.inflectsNames(language) && style != Style.CAPITALISED_NOUNS && run.size() >= 2
                && gazetteer.findInflectedPhrase(run.subList(run.size() - 2, run.size())) != null) {
            return; // a place declined: "(Болельщики) Саудовской Аравии"
        }
        // a given name, also declined ("Марии Ивановой")
        boolean given = known.isGivenName(run.get(0)) || !DeclinedNames.nominative(name, language, this::givenName).equals(name);
        if (shouted(run.get(0)) && run.size() > 1) {
            return; // a dateline or a shouted heading
        }
        if (run.size() == 1 && NOT_ORGANISATIONS.contains(run.get(0))) {
            return;
        }
        if (run.size() == 1 && WEB_NAME.matcher(run.get(0)).matches()) {
            count(name, Kind.ORGANISATION, kinds, mentions); // an outlet named by its web address: "News.Az"
            return;
        }
        if (run.size() == 2 && known.isGivenName(run.get(0)) && run.get(1).length() == 1
                && Character.isUpperCase(run.get(1).charAt(0))) {
            count(name, Kind.PERSON, kinds, mentions); // "Taleb A.": the surname cut to its initial, as the press does
            return;
        }
        if (run.size() == 2 && known.isGivenName(run.get(0)) && !isAcronym(run.get(1))
                && !(isOrganisationWord(run.get(1)) && !SURNAME_LIKE_ORGANISATION_WORDS.contains(run.get(1)))) {
            count(name, Kind.PERSON, kinds, mentions); // "Margaret Court", though a court is an organisation word
            return;
        }
        if (run.size() == 1 && style != Style.CAPITALISED_NOUNS && isOrganisationWord(run.get(0))
                && lowercase.contains(run.get(0).toLowerCase(java.util.Locale.ROOT))) {
            return; // "Union leaders said …" after "their union accepted": a common noun that starts a sentence
        }
        if (run.size() == 1 && style == Style.CAPITALISED_NOUNS && (ORGANISATION_WORDS.contains(run.get(0))
                || FOREIGN_ORGANISATION_WORDS.contains(run.get(0)) || GERMAN_BODY_ENDING.matcher(run.get(0)).find())) {
            return; // "die Polizei", "das Landgericht": a kind of body, where German capitalises every noun
        }
        boolean organisation = run.stream().anyMatch(w -> ORGANISATION_WORDS.contains(w) || FOREIGN_ORGANISATION_WORDS.contains(w))
                || (style == Style.CAPITALISED_NOUNS && run.size() > 1 && GERMAN_BODY_ENDING.matcher(run.get(0)).find()
                        && gazetteer.findPrimary(String.join(" ", run.subList(1, run.size()))) != null)
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
        boolean looksLikeAName = switch (style) {
            case ENGLISH -> true;
            case CAPITALISED_NOUNS -> titled || given;
            case OTHER_LATIN, OTHER_SCRIPT -> titled || given
                    || run.stream().noneMatch(w -> lowercase.contains(w.toLowerCase(java.util.Locale.ROOT)));
        };
        boolean nameShaped = run.get(0).length() > 1 && run.get(run.size() - 1).length() > 1
                && run.stream().noneMatch(NameFinder::isAcronym)
                && run.stream().noneMatch(w -> REGION_ADJECTIVES.contains(w) || isCountry(w))
                && gazetteer.findPrimary(String.join(" ", run.subList(0, Math.min(2, run.size())))) == null;
        // "Kahramanmaraş Pazarcık": a town and its district (a surname may be a town too: "Xóchitl Gálvez"); "Nysie
        // Kłodzkiej", "Władze Nysy": a place declined, or a place adjective, in a language that declines them
        boolean foreign = style != Style.ENGLISH && !given && !titled;
        boolean holdsAPlace = foreign && (gazetteer.findPrimary(run.get(0)) != null
                || FEATURE_FIRST_WORDS.contains(run.get(0))
                || PlaceFinder.inflectsNames(language) && (run.stream().anyMatch(w -> PLACE_ADJECTIVE.matcher(w).find())
                        || gazetteer.findInflected(run.get(run.size() - 1)) != null));
        if (looksLikeAName && nameShaped && !holdsAPlace && run.size() <= 3 && run.stream().noneMatch(CONNECTORS::contains)
                && !THING_WORDS.contains(run.get(run.size() - 1))
                && run.stream().noneMatch(w -> gazetteer.countryOfDemonym(w) != null)) {
            count(name, Kind.PERSON, kinds, mentions);
        }
    }

    /** A name found by a script's own finder, counted as often as the text writes it, unless it names a place. */
    private void countUnlessPlace(String text, String name, boolean person, Map<String, Kind> kinds,
            Map<String, Integer> mentions) {
        if (gazetteer.findPrimary(name) == null) {
            kinds.putIfAbsent(name, person ? Kind.PERSON : Kind.ORGANISATION);
            mentions.merge(name, occurrences(text, name), Integer::sum);
        }
    }

    private static int occurrences(String text, String name) {
        int n = 0;
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
            n++;
        }
        return Math.max(1, n);
    }

    private static void count(String name, Kind kind, Map<String, Kind> kinds, Map<String, Integer> mentions) {
        kinds.putIfAbsent(name, kind);
        mentions.merge(name, 1, Integer::sum);
    }

    private static String stripTrailing(String word) {
        int end = word.length();
        while (end > 0 && (word.charAt(end - 1) == '.' || word.charAt(end - 1) == '-')) {
            end--;
        }
        return word.substring(0, end);
    }

    private boolean isCountry(String word) {
        Gazetteer.Entry entry = gazetteer.findPrimary(word);
        return entry != null && entry.country();
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
