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

    @Test
    void aRepairsItemsScoreReceptionWorkshopAndPartsAndADeliverysItemsScoreSales() {
        // reception: 9, 8 (staff), 6 (checkout) → 76.7; workshop: 10 (quality), 7 (labour price) → 85.0; parts: 4 → 40.0
        Questionnaire scores = new Questionnaire(9, null, 6, 4, 7, 8, true, null, 10, null, null, 7);

        assertThat(scores.csiByDepartment(false)).containsExactly(java.util.Map.entry("reception", new BigDecimal("76.7")),
                java.util.Map.entry("workshop", new BigDecimal("85.0")), java.util.Map.entry("parts", new BigDecimal("40.0")));
        assertThat(scores.csiByDepartment(true)).containsExactly(java.util.Map.entry("sales", scores.csi()));
        assertThat(Questionnaire.departmentOf("overall", false)).isNull();
    }
}
