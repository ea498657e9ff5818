package dev.forecourt.crm.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class QuestionnaireTest {

    @Test
    void csiIsTheMeanOfTheAnsweredItemsTimesTen() {
        // 9 + 8 + 10 + 7 = 34 over 4 items = 8.5 → 85.0
        Questionnaire scores = new Questionnaire(9, null, null, null, null, 8, true, null, 10, null, null, 7);

        assertThat(scores.csi()).isEqualByComparingTo(new BigDecimal("85.0"));
        assertThat(scores.answered()).containsOnlyKeys("receptionSpeed", "staff", "repairQuality", "overall");
    }

    @Test
    void itemsAtOrBelowTheThresholdAreLowScores() {
        Questionnaire scores = new Questionnaire(9, 5, 6, null, null, null, null, null, 3, null, null, 6);

        assertThat(scores.lowScores(5)).containsExactly(java.util.Map.entry("completionSpeed", 5), java.util.Map.entry("repairQuality", 3));
        assertThat(scores.lowScores(2)).isEmpty();
    }
}
