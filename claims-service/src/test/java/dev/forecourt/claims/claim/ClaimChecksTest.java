package dev.forecourt.claims.claim;

import static dev.forecourt.claims.claim.ClaimFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.money.Money;

class ClaimChecksTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WarrantyTerms VW = new WarrantyTerms(3, 60_000, 30, Money.cny("160.00"));
    static final Delivery DELIVERED_LAST_YEAR = new Delivery(LocalDate.parse("2025-11-01"), 10);

    @Test
    void aCompleteEligibleClaimWithinTheDeadlineHasNoProblems() {
        assertThat(ClaimChecks.problems(ClaimFixtures.complete(), DELIVERED_LAST_YEAR, VW, 1, TODAY, SHANGHAI)).isEmpty();
    }

    @Test
    void everyMissingFieldIsListedByName() {
        ClaimContent empty = new ClaimContent(null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), null, true, null);

        List<String> fields = ClaimChecks.problems(empty, DELIVERED_LAST_YEAR, VW, 1, TODAY, SHANGHAI).stream()
                .map(FieldProblem::field).toList();

        assertThat(fields).contains("vin", "brand", "repairOrderId", "odometerKm", "failureDate", "complaint", "cause",
                "correction", "labourOperations", "causalPartNumber", "outsideServiceKm", "handedOverAt");
    }

    @Test
    void aFailureAfterThreeYearsFromDeliveryIsOutsideTheWarrantyPeriod() {
        Delivery longAgo = new Delivery(LocalDate.parse("2023-11-10"), 5);

        assertThat(ClaimChecks.problems(ClaimFixtures.complete(), longAgo, VW, 1, TODAY, SHANGHAI))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("failureDate",
                        "outside the warranty period: 3 years from delivery on 2023-11-10 ended on 2026-11-10"));
    }

    @Test
    void mileageBeyondTheBrandsLimitSinceDeliveryIsOutsideTheWarranty() {
        WarrantyTerms strict = new WarrantyTerms(3, 20_000, 30, Money.cny("160.00"));

        assertThat(ClaimChecks.problems(ClaimFixtures.complete(), DELIVERED_LAST_YEAR, strict, 1, TODAY, SHANGHAI))
                .extracting(FieldProblem::field).containsExactly("odometerKm");
    }

    @Test
    void aFirstSubmissionMoreThanThirtyDaysAfterHandoverMissedTheDeadlineButAResubmissionDoesNot() {
        ClaimContent late = ClaimFixtures.complete().withHandedOverAt(java.time.Instant.parse("2026-10-15T08:00:00Z"));

        assertThat(ClaimChecks.problems(late, DELIVERED_LAST_YEAR, VW, 1, TODAY, SHANGHAI))
                .extracting(FieldProblem::field).containsExactly("handedOverAt");
        assertThat(ClaimChecks.problems(late, DELIVERED_LAST_YEAR, VW, 2, TODAY, SHANGHAI)).isEmpty();
    }

    @Test
    void withoutADeliveryOnRecordTheWarrantyStartMustBeEnteredByHand() {
        assertThat(ClaimChecks.problems(ClaimFixtures.complete(), null, VW, 1, TODAY, SHANGHAI))
                .extracting(FieldProblem::field).containsExactly("warrantyStartDate");
    }

    @Test
    void outsideServiceMileageBelongsToRoadServiceOnly() {
        ClaimContent c = ClaimFixtures.complete();
        ClaimContent notRoadService = new ClaimContent(c.vin(), c.brand(), c.model(), c.repairOrderId(), c.orderNumber(), c.odometerKm(),
                c.failureDate(), c.handedOverAt(), c.warrantyStartDate(), c.complaint(), c.cause(), c.correction(),
                c.labourOperations(), c.parts(), c.causalPartNumber(), false, 40);

        assertThat(ClaimChecks.problems(notRoadService, DELIVERED_LAST_YEAR, VW, 1, TODAY, SHANGHAI))
                .extracting(FieldProblem::field).containsExactly("outsideServiceKm");
    }
}
