package org.newsflow.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void recognisesLatinScriptLanguagesByTheirFunctionWords() {
        assertThat(detector.detect("Die Regierung hat am Montag beschlossen, dass die Steuern für kleine Betriebe "
                + "nicht steigen werden, wie der Minister in Berlin sagte.").language()).isEqualTo("de");
        assertThat(detector.detect("Le gouvernement a annoncé mardi que les prix de l'énergie seront gelés pour "
                + "les ménages, une mesure qui sera financée par l'État.").language()).isEqualTo("fr");
        assertThat(detector.detect("El gobierno aprobó el martes una ley que reduce los impuestos de las "
                + "pequeñas empresas, según el ministro de economía.").language()).isEqualTo("es");
    }

    @Test
    void recognisesLanguagesWithTheirOwnScript() {
        assertThat(detector.detect("Правительство объявило о новых мерах поддержки экономики.").language()).isEqualTo("ru");
        assertThat(detector.detect("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.").language()).isEqualTo("el");
    }

    @Test
    void saysUndeterminedWhenThereIsTooLittleToGoOn() {
        LanguageGuess guess = detector.detect("Xyz 2026");
        assertThat(guess.language()).isEqualTo(LanguageGuess.UNDETERMINED);
        assertThat(guess.confidence()).isZero();
    }

    @Test
    void trustsTheLanguageThePublisherDeclares() {
        LanguageGuess guess = detector.decide("pt-BR", org.newsflow.enrich.text.ArticleText.of(
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()));
        assertThat(guess).isEqualTo(new LanguageGuess("pt-BR", 1.0, "publisher"));
    }
}
