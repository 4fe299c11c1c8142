package org.newsflow.publish.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast folding pass must give exactly what the folding rules give: search terms are stored folded. */
class FoldTest {

    private static final String POOL = "abcXYZ019 .,;:-'\"«»()¡¿!?ÀÉÎÕÜçñøßÆœŁłŠžİıĳǅ½²°¨´ˆ\u0301\u0308\u0327\t\n"
            + "ΣσςΑθ Москваёй 北京 東京 ﾃｽﾄ Ⅻ ①";

    @Test
    void theFastPassFoldsRandomTextExactlyAsTheRulesDo() {
        Random random = new Random(20261128);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            boolean latinOnly = random.nextBoolean();
            for (int j = 0; j < length; j++) {
                char c = POOL.charAt(random.nextInt(POOL.length()));
                text.append(latinOnly && c >= '\u0370' ? 'q' : c);
            }
            String sample = text.toString();
            assertThat(SubscriptionFilter.fold(sample)).as("fold of [%s]", sample).isEqualTo(SubscriptionFilter.foldByRules(sample));
        }
    }

    @Test
    void namesFoldWithoutCaseAccentsOrPunctuation() {
        assertThat(SubscriptionFilter.fold("  Île-de-France: São Paulo, Łódź!  ")).isEqualTo("ile de france sao paulo łodz");
    }
}
