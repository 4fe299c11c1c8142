package org.newsflow.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsflow.enrich.config.StandaloneConfig;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector(StandaloneConfig.load());

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
    void saysUndeterminedWhenThereIsNothingToGoOn() {
        LanguageGuess guess = detector.detect("2026 — 42");
        assertThat(guess.language()).isEqualTo(LanguageGuess.UNDETERMINED);
        assertThat(guess.confidence()).isZero();
    }

    @Test
    void tellsCloseLanguagesApart() {
        assertThat(detector.detect("Regeringen meddelade på tisdagen att skatten på bensin sänks från och med "
                + "nästa månad, enligt finansministern.").language()).isEqualTo("sv");
        assertThat(detector.detect("Regeringen meddelte tirsdag, at afgiften på benzin sænkes fra næste måned, "
                + "oplyser finansministeren.").language()).isEqualTo("da");
        assertThat(detector.detect("Hökumət çərşənbə axşamı bildirib ki, benzin üzərində vergi gələn aydan "
                + "azaldılacaq.").language()).isEqualTo("az");
    }

    @Test
    void clearEnglishIsRecognisedByItsFunctionWordsAndNeighboursStillByTheModels() {
        LanguageGuess english = detector.detect("The minister said on Tuesday that the bridge over the river will be "
                + "opened to traffic in the spring, and that the works have cost less than was feared by the council.");
        LanguageGuess norwegian = detector.detect("Regjeringen sa tirsdag at broen over elven skal åpnes for trafikk "
                + "til våren, og at arbeidet har kostet mindre enn det som ble fryktet av kommunen og av de som bor der.");
        LanguageGuess catalan = detector.detect("El govern va anunciar dimarts que el pont sobre el riu s'obrirà al "
                + "trànsit a la primavera i que les obres han costat menys del que es temia per part de l'ajuntament.");
        LanguageGuess portuguese = detector.detect("O governo disse na terça-feira que a ponte sobre o rio será aberta ao "
                + "trânsito na primavera e que as obras custaram menos do que se temia, segundo a câmara municipal.");

        assertThat(english).isEqualTo(new LanguageGuess("en", 0.99, "english-function-words"));
        assertThat(norwegian.language()).isEqualTo("nb");
        assertThat(catalan.language()).isEqualTo("ca");
        assertThat(portuguese.language()).isEqualTo("pt");
        assertThat(norwegian.source()).isEqualTo("lingua-1.2.2-low-accuracy");
    }

    @Test
    void trustsTheLanguageThePublisherDeclares() {
        LanguageGuess guess = detector.decide("pt-BR", org.newsflow.enrich.text.ArticleText.of(
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()));
        assertThat(guess).isEqualTo(new LanguageGuess("pt-BR", 1.0, "publisher"));
    }
}
