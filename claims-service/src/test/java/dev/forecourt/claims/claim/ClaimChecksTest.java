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

    static final WarrantyTerms VW_FAMILY_CAR = new WarrantyTerms(3, 60_000, 30, Money.cny("160.00"), 2, 50_000);

    @Test
    void aFailureTwoAndAHalfYearsAfterDeliveryIsWithinTheWarrantyButOutsideTheThreeGuaranteesPeriodNamingIt() {
        Delivery twoAndAHalfYearsAgo = new Delivery(LocalDate.parse("2024-05-20"), 10);

        assertThat(ClaimChecks.problems(ClaimFixtures.complete(), twoAndAHalfYearsAgo, VW_FAMILY_CAR, 1, TODAY, SHANGHAI))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("failureDate",
                        "outside the three-guarantees period (三包): 2 years from delivery on 2024-05-20 ended on 2026-05-20"));
        assertThat(ClaimChecks.breaches(ClaimFixtures.complete(), twoAndAHalfYearsAgo, VW_FAMILY_CAR, TODAY))
                .extracting(ClaimChecks.Breach::rule).containsExactly(ClaimChecks.THREE_GUARANTEES_PERIOD);
    }

    @Test
    void beyondFiftyThousandKilometresTheThreeGuaranteesMileageIsBrokenThoughTheWarrantyMileageHolds() {
        ClaimContent c = ClaimFixtures.complete();
        ClaimContent driven55k = new ClaimContent(c.vin(), c.brand(), c.model(), c.repairOrderId(), c.orderNumber(), 55_010,
                c.failureDate(), c.handedOverAt(), c.warrantyStartDate(), c.complaint(), c.cause(), c.correction(),
                c.labourOperations(), c.parts(), c.causalPartNumber(), false, null);

        assertThat(ClaimChecks.breaches(driven55k, DELIVERED_LAST_YEAR, VW_FAMILY_CAR, TODAY))
                .extracting(ClaimChecks.Breach::rule).containsExactly(ClaimChecks.THREE_GUARANTEES_MILEAGE);
        assertThat(ClaimChecks.problems(driven55k, DELIVERED_LAST_YEAR, VW_FAMILY_CAR, 1, TODAY, SHANGHAI))
                .extracting(FieldProblem::message).containsExactly(
                        "outside the three-guarantees mileage (三包): 55000 km since delivery, the three guarantees cover 50000 km");
    }

    @Test
    void aCarPastBothPeriodsBreaksEveryRuleAndEachIsNamed() {
        Delivery fourYearsAgo = new Delivery(LocalDate.parse("2022-10-01"), 0);
        ClaimContent c = ClaimFixtures.complete();
        ClaimContent old = new ClaimContent(c.vin(), c.brand(), c.model(), c.repairOrderId(), c.orderNumber(), 90_000,
                c.failureDate(), c.handedOverAt(), c.warrantyStartDate(), c.complaint(), c.cause(), c.correction(),
                c.labourOperations(), c.parts(), c.causalPartNumber(), false, null);

        assertThat(ClaimChecks.breaches(old, fourYearsAgo, VW_FAMILY_CAR, TODAY)).extracting(ClaimChecks.Breach::rule).containsExactly(
                ClaimChecks.WARRANTY_PERIOD, ClaimChecks.THREE_GUARANTEES_PERIOD, ClaimChecks.WARRANTY_MILEAGE,
                ClaimChecks.THREE_GUARANTEES_MILEAGE);
    }

    @Test
    void goodwillAndCampaignWorkAreNotBoundByTheWarrantyOrTheThreeGuaranteesPeriod() {
        Delivery fourYearsAgo = new Delivery(LocalDate.parse("2022-10-01"), 0);
        ClaimContent c = ClaimFixtures.complete();
        ClaimContent goodwill = c.as(ClaimType.GOODWILL);
        ClaimContent campaign = new ClaimContent(c.vin(), c.brand(), c.model(), c.repairOrderId(), c.orderNumber(), c.odometerKm(),
                c.failureDate(), c.handedOverAt(), c.warrantyStartDate(), c.complaint(), c.cause(), c.correction(),
                c.labourOperations(), c.parts(), c.causalPartNumber(), false, null, ClaimType.WARRANTY, "RC-2026-014", null);

        assertThat(ClaimChecks.problems(goodwill, fourYearsAgo, VW_FAMILY_CAR, 1, TODAY, SHANGHAI)).isEmpty();
        assertThat(ClaimChecks.problems(campaign, fourYearsAgo, VW_FAMILY_CAR, 1, TODAY, SHANGHAI)).isEmpty();
        assertThat(ClaimChecks.problems(c, fourYearsAgo, VW_FAMILY_CAR, 1, TODAY, SHANGHAI)).isNotEmpty();
    }

    @Test
    void theOutsideServiceMileageMustMatchTheRoadServiceOrderWhenOneIsGiven() {
        ClaimContent matching = roadService(46, new OutsideServiceOrder("FW-2026-0031", "陈浩", 12_300, 12_346));
        ClaimContent padded = roadService(80, new OutsideServiceOrder("FW-2026-0031", "陈浩", 12_300, 12_346));
        ClaimContent backwards = roadService(46, new OutsideServiceOrder("FW-2026-0031", "陈浩", 12_346, 12_300));

        assertThat(ClaimChecks.problems(matching, DELIVERED_LAST_YEAR, VW, 1, TODAY, SHANGHAI)).isEmpty();
        assertThat(ClaimChecks.problems(roadService(80, null), DELIVERED_LAST_YEAR, VW, 1, TODAY, SHANGHAI)).as("no order given").isEmpty();
        assertThat(ClaimChecks.problems(padded, DELIVERED_LAST_YEAR, VW, 1, TODAY, SHANGHAI))
                .extracting(FieldProblem::field, FieldProblem::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "outsideServiceKm", "does not match outside-service order FW-2026-0031: 80 km claimed, the order records 46 km"));
        assertThat(ClaimChecks.problems(backwards, DELIVERED_LAST_YEAR, VW, 1, TODAY, SHANGHAI))
                .extracting(FieldProblem::field).containsExactly("outsideServiceOrder.returnOdometerKm");
    }

    private static ClaimContent roadService(int km, OutsideServiceOrder order) {
        ClaimContent c = ClaimFixtures.complete();
        return new ClaimContent(c.vin(), c.brand(), c.model(), c.repairOrderId(), c.orderNumber(), c.odometerKm(), c.failureDate(),
                c.handedOverAt(), c.warrantyStartDate(), c.complaint(), c.cause(), c.correction(), c.labourOperations(), c.parts(),
                c.causalPartNumber(), true, km, ClaimType.WARRANTY, null, order);
    }
}
