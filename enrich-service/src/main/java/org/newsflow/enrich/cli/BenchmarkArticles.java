package org.newsflow.enrich.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generated news articles for the enrichment benchmark: sentences written for Newsflow with people, organisations,
 * places and numbers drawn at random (fixed seed, so every run enriches the same articles); 70 % English and 10 %
 * each German, French and Spanish; about one in ten is a reprint of an earlier article with a new lede.
 */
final class BenchmarkArticles {

    private static final String[] PEOPLE = { "Maria Lindqvist", "Tomas Okafor", "Elena Marchetti", "David Achterberg",
            "Amina Haddad", "Jonas Petersen", "Sofia Duarte", "Rahul Menon", "Claire Dubois", "Hiroshi Tanaka",
            "Lucia Romero", "Peter Novak", "Fatima Benali", "Anders Holm", "Grace Mwangi", "Marek Kowalski" };
    private static final String[] ORGANISATIONS = { "Baltic Ports Authority", "Nordic Energy Agency",
            "Central Bank of Norway", "European Commission", "United Nations", "World Health Organization", "Reuters",
            "Harbour Workers Union", "Riverside University", "Siemens", "Airbus", "Maersk", "Red Cross",
            "Ministry of Transport", "National Railway Company", "Green Party" };
    private static final String[] PLACES = { "Hamburg", "Rotterdam", "Gdansk", "Oslo", "Lisbon", "Nairobi", "Mumbai",
            "Toronto", "Norway", "Germany", "Kenya", "Portugal", "Poland", "Brazil", "Japan", "Canada" };

    private static final String[] ENGLISH = {
            "%P said on Monday that the plan would be presented to the %O before the end of the month.",
            "The %O confirmed that talks with officials in %L had resumed after a pause of several weeks.",
            "Speaking to reporters in %L, %P described the agreement as a turning point for the region.",
            "According to figures published by the %O, prices rose by %N per cent in the third quarter.",
            "Critics argue that the project will cost far more than the %N million euros set aside for it.",
            "%P, who has led the %O since %Y, is expected to step down after the vote next spring.",
            "Workers gathered outside the offices of the %O in %L to demand higher wages and shorter hours.",
            "The storm forced the closure of the port of %L for two days and damaged dozens of homes.",
            "Scientists at %O say the new data will help predict floods along the coast of %L.",
            "Police in %L said %N people had been detained after clashes near the parliament building.",
            "The company reported a net profit of %N million dollars, beating the forecasts of analysts.",
            "In a statement, the %O said it would review the decision and respond within thirty days.",
            "Negotiators from %L and the %O agreed to meet again next week to settle the remaining issues.",
            "%P told the committee that the reforms were necessary to keep the railway running safely.",
            "The court in %L will hear the case in January, a spokesperson for %P said.",
            "Local farmers fear that the drought will cut this year's harvest by as much as %N per cent.",
            "Tourism in %L has recovered strongly, with hotel bookings up %N per cent on last year.",
            "The minister said the government would invest in wind power and solar energy to cut emissions.",
            "Fans celebrated in the streets of %L after the team won the final in extra time.",
            "Doctors at the main hospital in %L reported a rise in cases of the virus among children.",
            "The %O has warned that the shortage of engineers could delay the construction of new bridges.",
            "%P, a spokesperson for the %O, said the ferry service would resume on Thursday morning.",
            "Residents of %L were told to conserve water as reservoirs fell to their lowest level since %Y.",
            "The agreement, signed in %L, commits both sides to reduce tariffs on steel and grain." };
    private static final String[] GERMAN = {
            "%P sagte am Montag, der Plan werde dem %O noch in diesem Monat vorgelegt.",
            "Die Gespräche in %L wurden nach einer Pause von mehreren Wochen wieder aufgenommen.",
            "Nach Angaben des %O stiegen die Preise im dritten Quartal um %N Prozent.",
            "Die Gewerkschaft fordert höhere Löhne und eine kürzere Arbeitszeit für die Beschäftigten.",
            "Der Sturm zwang den Hafen von %L für zwei Tage zur Schließung.",
            "Die Polizei in %L nahm nach Zusammenstößen %N Menschen fest.",
            "Das Unternehmen meldete einen Gewinn von %N Millionen Euro.",
            "%P erklärte, die Reform sei notwendig, um den Bahnverkehr sicher zu halten." };
    private static final String[] FRENCH = {
            "%P a déclaré lundi que le projet serait présenté au %O avant la fin du mois.",
            "Les négociations à %L ont repris après une pause de plusieurs semaines.",
            "Selon le %O, les prix ont augmenté de %N pour cent au troisième trimestre.",
            "Les salariés se sont rassemblés devant les bureaux du %O pour réclamer des hausses de salaire.",
            "La tempête a contraint le port de %L à fermer pendant deux jours.",
            "La police de %L a interpellé %N personnes après des affrontements.",
            "L'entreprise a annoncé un bénéfice de %N millions d'euros.",
            "%P a affirmé que la réforme était nécessaire pour garantir la sécurité du réseau ferroviaire." };
    private static final String[] SPANISH = {
            "%P dijo el lunes que el plan se presentará al %O antes de fin de mes.",
            "Las conversaciones en %L se reanudaron tras una pausa de varias semanas.",
            "Según el %O, los precios subieron un %N por ciento en el tercer trimestre.",
            "Los trabajadores se concentraron frente a las oficinas del %O para exigir salarios más altos.",
            "La tormenta obligó a cerrar el puerto de %L durante dos días.",
            "La policía de %L detuvo a %N personas tras los enfrentamientos.",
            "La empresa registró un beneficio de %N millones de euros.",
            "%P afirmó que la reforma es necesaria para mantener la seguridad del ferrocarril." };

    private BenchmarkArticles() {
    }

    /** {@code count} articles of about {@code words} words each. */
    static List<ObjectNode> generate(int count, int words, ObjectMapper json) {
        Random random = new Random(20261128L);
        List<ObjectNode> articles = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body;
            if (i > 10 && random.nextInt(10) == 0) { // a reprint: an earlier text with a new first paragraph
                String original = bodies.get(random.nextInt(bodies.size()));
                body = paragraph(ENGLISH, 3, random) + original.substring(original.indexOf("\n\n"));
            } else {
                int language = random.nextInt(10);
                String[] sentences = language < 7 ? ENGLISH : language == 7 ? GERMAN : language == 8 ? FRENCH : SPANISH;
                StringBuilder text = new StringBuilder();
                while (text.toString().split("\\s+").length < words) {
                    text.append(text.length() == 0 ? "" : "\n\n").append(paragraph(sentences, 3 + random.nextInt(3), random));
                }
                body = text.toString();
            }
            bodies.add(body);
            ObjectNode article = json.createObjectNode();
            article.put("uri", "urn:newsflow:benchmark:" + i).put("type", "text")
                    .put("firstCreated", "2026-11-%02dT%02d:00:00Z".formatted(1 + i % 28, i % 24));
            String lede = body.substring(0, body.indexOf(". ") > 0 ? body.indexOf(". ") : Math.min(body.length(), 80));
            article.putArray("headlines").addObject().put("role", "main").put("value", lede);
            article.putArray("bodies").addObject().put("role", "main").put("contentType", "text/plain").put("value", body);
            articles.add(article);
        }
        return articles;
    }

    private static String paragraph(String[] sentences, int length, Random random) {
        StringBuilder paragraph = new StringBuilder();
        for (int s = 0; s < length; s++) {
            paragraph.append(s == 0 ? "" : " ").append(fill(sentences[random.nextInt(sentences.length)], random));
        }
        return paragraph.toString();
    }

    private static String fill(String template, Random random) {
        return template.replace("%P", PEOPLE[random.nextInt(PEOPLE.length)])
                .replace("%O", ORGANISATIONS[random.nextInt(ORGANISATIONS.length)])
                .replace("%L", PLACES[random.nextInt(PLACES.length)])
                .replace("%N", Integer.toString(2 + random.nextInt(90)))
                .replace("%Y", Integer.toString(1995 + random.nextInt(30)));
    }
}
