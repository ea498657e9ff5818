package dev.forecourt.oemsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.oemsim.claims.Adjudication;
import dev.forecourt.oemsim.claims.ClaimSubmission;
import dev.forecourt.oemsim.claims.ClaimSubmission.Line;

class AdjudicationTest {

    static ClaimSubmission claim(int submission, String cause, String hours, String partAmount) {
        return new ClaimSubmission("WC-1", submission, "store-001", "LSVAB4BM7RN000001", cause,
                List.of(new Line("1734", "Replace housing", new BigDecimal(hours), new BigDecimal("240.00"))),
                List.of(new Line("06L115562B", "Oil filter", BigDecimal.ONE, new BigDecimal(partAmount))),
                "06L115562B", null, "CNY");
    }

    @Test
    void aWellDescribedClaimIsAcceptedApprovedInFullAndPaid() {
        List<Adjudication.Step> steps = Adjudication.of(claim(1, "Oil filter housing seal hardened and cracked", "1.5", "88.00"));

        assertThat(steps).extracting(Adjudication.Step::status).containsExactly("ACCEPTED", "APPROVED", "PAID");
        assertThat(steps.get(1).approvedLines()).extracting(l -> l.amount().toPlainString()).containsExactly("240.00", "88.00");
        assertThat(steps.get(2).paidAmount()).isEqualByComparingTo("328.00");
        assertThat(steps.get(0).partReturnRequested()).isFalse();
    }

    @Test
    void aThinCauseIsSentBackForInformationOnTheFirstSubmissionOnly() {
        assertThat(Adjudication.of(claim(1, "worn", "1.5", "88.00"))).extracting(Adjudication.Step::status)
                .containsExactly("ACCEPTED", "NEEDS_INFO");
        assertThat(Adjudication.of(claim(2, "worn", "1.5", "88.00"))).extracting(Adjudication.Step::status)
                .containsExactly("ACCEPTED", "APPROVED", "PAID");
    }

    @Test
    void excessiveLabourTimeIsRejectedWithAReasonCode() {
        List<Adjudication.Step> steps = Adjudication.of(claim(1, "Oil filter housing seal hardened and cracked", "12", "88.00"));

        assertThat(steps).extracting(Adjudication.Step::status).containsExactly("ACCEPTED", "REJECTED");
        assertThat(steps.get(1).reasonCode()).isEqualTo("LABOUR_TIME_EXCEEDED");
    }

    @Test
    void expensivePartsAreAskedBack() {
        assertThat(Adjudication.of(claim(1, "Control arm bushing worn through completely", "2", "1200.00")).get(0)
                .partReturnRequested()).isTrue();
    }
}
