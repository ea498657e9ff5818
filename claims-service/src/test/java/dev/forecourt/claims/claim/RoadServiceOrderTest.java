package dev.forecourt.claims.claim;

import static dev.forecourt.claims.claim.ClaimFixtures.ADMINISTRATOR;
import static dev.forecourt.claims.claim.ClaimFixtures.NOW;
import static dev.forecourt.claims.claim.ClaimFixtures.RATE;
import static dev.forecourt.claims.claim.ClaimFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;

/** The workshop's road-service order (外出服务令) is what the claimed outside-service kilometres are checked against. */
class RoadServiceOrderTest {

    static final OutsideServiceOrder VAN_TRIP = new OutsideServiceOrder("FW-2026-0031", "emp-technician", "陈浩", 12_300, 12_346);
    static final Delivery DELIVERED_LAST_YEAR = new Delivery(LocalDate.parse("2025-11-01"), 10);
    static final WarrantyTerms VW = new WarrantyTerms(3, 60_000, 30, RATE, 2, 50_000);

    @Test
    void aClaimDraftedFromARoadServiceJobCarriesTheOrderAndPassesWhenTheKilometresMatchIt() {
        WarrantyClaim claim = fromWorkshop(46, VAN_TRIP);

        assertThat(claim.getContent().outsideServiceOrder()).isEqualTo(VAN_TRIP);
        assertThat(problems(claim)).isEmpty();
    }

    @Test
    void aClaimDraftedWithKilometresTheOrderDoesNotRecordCannotGoToTheOem() {
        WarrantyClaim claim = fromWorkshop(60, VAN_TRIP);

        assertThat(problems(claim)).extracting(FieldProblem::field, FieldProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("outsideServiceKm",
                        "does not match outside-service order FW-2026-0031: 60 km claimed, the order records 46 km"));
        assertThatThrownBy(() -> claim.queueForSubmission(problems(claim), ADMINISTRATOR, NOW, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("claim-not-ready"));
    }

    @Test
    void aCorrectionThatPadsTheOutsideServiceKilometresIsStillCheckedAgainstTheWorkshopsOrder() {
        WarrantyClaim claim = fromWorkshop(46, VAN_TRIP);

        claim.correct(roadService(80, VAN_TRIP), RATE, ADMINISTRATOR, NOW);

        assertThat(problems(claim)).extracting(FieldProblem::field).containsExactly("outsideServiceKm");
    }

    @Test
    void aCorrectionThatLeavesTheOrderOutKeepsTheWorkshopsOrder() {
        WarrantyClaim claim = fromWorkshop(46, VAN_TRIP);

        claim.correct(roadService(80, null), RATE, ADMINISTRATOR, NOW);

        assertThat(claim.getContent().outsideServiceOrder()).isEqualTo(VAN_TRIP);
        assertThat(problems(claim)).extracting(FieldProblem::message).singleElement().asString().contains("FW-2026-0031");
    }

    @Test
    void aCorrectionCannotReplaceTheWorkshopsOrderWithAnotherTrip() {
        WarrantyClaim claim = fromWorkshop(46, VAN_TRIP);
        OutsideServiceOrder longerTrip = new OutsideServiceOrder("FW-2026-0031", "陈浩", 12_300, 12_380);

        assertThatThrownBy(() -> claim.correct(roadService(80, longerTrip), RATE, ADMINISTRATOR, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> {
                    assertThat(e.type()).isEqualTo("outside-service-order-from-workshop");
                    assertThat(e.fieldProblems()).extracting(FieldProblem::field).containsExactly("outsideServiceOrder");
                });
        assertThat(claim.getContent().outsideServiceOrder()).isEqualTo(VAN_TRIP);
        // sent back as read, but without the technician's id: the same trip, kept as the workshop recorded it
        claim.correct(roadService(46, new OutsideServiceOrder("FW-2026-0031", "陈浩", 12_300, 12_346)), RATE, ADMINISTRATOR, NOW);
        assertThat(claim.getContent().outsideServiceOrder()).isEqualTo(VAN_TRIP);
    }

    @Test
    void anOrderTypedInByHandIsTheAdministratorsToCorrect() {
        WarrantyClaim claim = WarrantyClaim.draft("claim-h", "WC-store-001-2026-000011", "store-001", ClaimSource.MANUAL, null,
                roadService(46, VAN_TRIP), RATE, ADMINISTRATOR, NOW);
        OutsideServiceOrder corrected = new OutsideServiceOrder("FW-2026-0032", "陈浩", 12_300, 12_380);

        claim.correct(roadService(80, corrected), RATE, ADMINISTRATOR, NOW);

        assertThat(claim.getContent().outsideServiceOrder()).isEqualTo(corrected);
        assertThat(problems(claim)).isEmpty();
    }

    private static WarrantyClaim fromWorkshop(int km, OutsideServiceOrder order) {
        return WarrantyClaim.draft("claim-ro-1-job-1", "WC-store-001-2026-000010", "store-001", ClaimSource.WARRANTY_JOB, "job-1",
                roadService(km, order), RATE, Actor.system("workshop"), NOW);
    }

    private static ClaimContent roadService(int km, OutsideServiceOrder order) {
        ClaimContent c = ClaimFixtures.complete();
        return new ClaimContent(c.vin(), c.brand(), c.model(), c.repairOrderId(), c.orderNumber(), c.odometerKm(), c.failureDate(),
                c.handedOverAt(), c.warrantyStartDate(), c.complaint(), c.cause(), c.correction(), c.labourOperations(), c.parts(),
                c.causalPartNumber(), true, km, ClaimType.WARRANTY, null, order);
    }

    private static java.util.List<FieldProblem> problems(WarrantyClaim claim) {
        return ClaimChecks.problems(claim.getContent(), DELIVERED_LAST_YEAR, VW, 1, TODAY, ZoneId.of("Asia/Shanghai"));
    }
}
