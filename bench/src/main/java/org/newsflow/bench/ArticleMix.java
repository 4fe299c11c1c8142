package org.newsflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pipeline benchmark's workload, from a fixed seed: articles of 300 to 1,500 words in English, German, Spanish
 * and French (sentences written for Newsflow, recombined), about one in ten a reprint of an earlier article under
 * another publisher's uri, one in twenty an update of an earlier article, one in fifty a kill.
 */
final class ArticleMix {

    /** One push: the article, which publisher sends it, and what kind of version it is. */
    record Push(ObjectNode article, int publisher, String kind) {

        String key() {
            return article.get("uri").asText() + "#" + article.get("version").asText();
        }
    }

    private static final String[][] SUBJECTS = {
            { "The council", "The ministry", "Local fishermen", "The port authority", "Union leaders", "Engineers",
                    "The central bank", "Residents of Karlshamn", "The rail operator", "Prime Minister Lena Okafor" },
            { "Der Stadtrat", "Das Ministerium", "Die Fischer", "Die Hafenbehörde", "Die Gewerkschaft", "Ingenieure",
                    "Die Zentralbank", "Anwohner in Bremen", "Die Bahn", "Ministerin Anna Berger" },
            { "El ayuntamiento", "El ministerio", "Los pescadores", "La autoridad portuaria", "Los sindicatos",
                    "Los ingenieros", "El banco central", "Los vecinos de Vigo", "La empresa ferroviaria", "La ministra Ana Ruiz" },
            { "Le conseil municipal", "Le ministère", "Les pêcheurs", "L'autorité portuaire", "Les syndicats",
                    "Les ingénieurs", "La banque centrale", "Les habitants de Brest", "La compagnie ferroviaire",
                    "La ministre Claire Martin" } };
    private static final String[][] VERBS = {
            { "announced", "rejected", "approved", "questioned", "postponed", "welcomed", "criticised", "presented" },
            { "kündigte", "lehnte", "billigte", "verschob", "begrüßte", "kritisierte", "stellte", "prüfte" },
            { "anunció", "rechazó", "aprobó", "cuestionó", "aplazó", "celebró", "criticó", "presentó" },
            { "a annoncé", "a rejeté", "a approuvé", "a contesté", "a reporté", "a salué", "a critiqué", "a présenté" } };
    private static final String[][] OBJECTS = {
            { "a plan to expand the harbour", "new rules for offshore wind farms", "the budget for next year",
                    "a two-year pay offer", "higher tariffs on imported steel", "the new rail timetable" },
            { "den Ausbau des Hafens an", "neue Regeln für Windparks auf See", "den Haushalt für das nächste Jahr",
                    "ein Lohnangebot über zwei Jahre", "höhere Zölle auf Stahl", "den neuen Fahrplan" },
            { "un plan para ampliar el puerto", "nuevas normas para los parques eólicos", "el presupuesto del próximo año",
                    "una oferta salarial de dos años", "aranceles más altos al acero", "el nuevo horario de trenes" },
            { "un projet d'agrandissement du port", "de nouvelles règles pour l'éolien en mer", "le budget de l'an prochain",
                    "une offre salariale sur deux ans", "des droits de douane sur l'acier", "les nouveaux horaires des trains" } };
    private static final String[][] TAILS = {
            { "on Tuesday", "after a long debate", "despite protests", "in a statement", "at a press conference" },
            { "am Dienstag", "nach langer Debatte", "trotz Protesten", "in einer Mitteilung", "auf einer Pressekonferenz" },
            { "el martes", "tras un largo debate", "pese a las protestas", "en un comunicado", "en una rueda de prensa" },
            { "mardi", "après un long débat", "malgré les protestations", "dans un communiqué", "lors d'une conférence de presse" } };
    private static final String[] LANGUAGES = { "en", "de", "es", "fr" };

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private final String run;
    private final List<Push> sent = new ArrayList<>();
    private int serial;

    ArticleMix(long seed, String run) {
        this.random = new Random(seed);
        this.run = run;
    }

    /** The next push of the mix, for one of {@code publishers} publishers. */
    Push next(int publishers) {
        int roll = random.nextInt(100);
        // versions of articles pushed at least 100 pushes ago, so that concurrent clients cannot overtake version 1
        List<Push> originals = sent.subList(0, Math.max(0, sent.size() - 100)).stream()
                .filter(p -> p.kind().equals("new")).toList();
        Push push;
        if (roll < 2 && !originals.isEmpty()) {
            Push target = originals.get(random.nextInt(originals.size()));
            ObjectNode kill = target.article().deepCopy();
            kill.put("version", Integer.toString(latestVersion(target) + 1)).put("pubStatus", "canceled");
            push = new Push(kill, target.publisher(), "kill");
        } else if (roll < 7 && !originals.isEmpty()) {
            Push target = originals.get(random.nextInt(originals.size()));
            ObjectNode update = target.article().deepCopy();
            update.put("version", Integer.toString(latestVersion(target) + 1));
            update.withArray("headlines").removeAll();
            update.withArray("headlines").addObject().put("role", "main")
                    .put("value", target.article().at("/headlines/0/value").asText() + " (updated)");
            push = new Push(update, target.publisher(), "update");
        } else if (roll < 17 && !originals.isEmpty()) {
            Push original = originals.get(random.nextInt(originals.size()));
            ObjectNode copy = original.article().deepCopy();
            copy.put("uri", "urn:newsflow:bench:" + run + ":" + serial++).put("version", "1").put("pubStatus", "usable");
            push = new Push(copy, (original.publisher() + 1) % publishers, "reprint");
        } else {
            push = new Push(article(), random.nextInt(publishers), "new");
        }
        sent.add(push);
        return push;
    }

    private int latestVersion(Push target) {
        String uri = target.article().get("uri").asText();
        return sent.stream().filter(p -> p.article().get("uri").asText().equals(uri))
                .mapToInt(p -> Integer.parseInt(p.article().get("version").asText())).max().orElse(1);
    }

    private ObjectNode article() {
        int language = random.nextInt(LANGUAGES.length);
        int words = 300 + random.nextInt(1201);
        ObjectNode article = json.createObjectNode();
        article.put("uri", "urn:newsflow:bench:" + run + ":" + serial++).put("type", "text").put("version", "1")
                .put("pubStatus", "usable").put("language", LANGUAGES[language]);
        article.putArray("headlines").addObject().put("role", "main").put("value", sentence(language).replace(".", ""));
        StringBuilder body = new StringBuilder();
        int written = 0;
        while (written < words) {
            body.append("<p>");
            for (int s = 0; s < 4 && written < words; s++) {
                String sentence = sentence(language);
                body.append(sentence).append(' ');
                written += sentence.split(" ").length;
            }
            body.append("</p>");
        }
        article.putArray("bodies").addObject().put("role", "main").put("contentType", "text/html").put("value", body.toString());
        return article;
    }

    private String sentence(int language) {
        return pick(SUBJECTS[language]) + " " + pick(VERBS[language]) + " " + pick(OBJECTS[language]) + " "
                + pick(TAILS[language]) + ", " + random.nextInt(100_000) + ".";
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }
}
