package dev.forecourt.workshop.repairorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.RepairOrderHandedOver;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.WarrantyJobCompleted;

/** The repair order's rules, without Spring. */
class RepairOrderTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final Person ADVISOR = new Person("emp-advisor", "王顾问");
    static final Person TECH = new Person("emp-tech", "李师傅");
    static final WarrantyDetails WARRANTY = new WarrantyDetails("worn plug", "replaced plugs", "04E905612C",
            LocalDate.parse("2026-11-20"), true, 12);

    @Test
    void aVehicleCannotBeHandedOverBeforeItsQualityCheck() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        assertThatThrownBy(() -> order.handOver(42010, true, true, null, ADVISOR, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.properties()).containsEntry("currentState", "IN_WORK"));
        assertThat(order.getStatus()).isEqualTo(RepairOrderStatus.IN_WORK);
    }

    @Test
    void workStartsOnlyAfterTheCustomerApprovedTheEstimate() {
        RepairOrder order = open();
        order.addJob(new LabourOperation("BRK-01", "brake pads"), new BigDecimal("1.2"), PayType.CUSTOMER, null, null);
        assertThatThrownBy(() -> order.dispatch("job-1", TECH, "B1", NOW)).isInstanceOf(ProblemException.class);
        order.approveEstimate("signature", ADVISOR, NOW);
        order.dispatch("job-1", TECH, "B1", NOW);
        assertThat(order.job("job-1").getStatus()).isEqualTo(JobStatus.DISPATCHED);
    }

    @Test
    void extraWorkNeedsTheCustomersApprovalAgain() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        Job extra = order.addJob(new LabourOperation("SUS-22", "control arm"), new BigDecimal("1.5"), PayType.CUSTOMER, null, null);
        assertThat(extra.isExtraWork()).isTrue();
        assertThatThrownBy(() -> order.dispatch(extra.getId(), TECH, "B2", NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.properties()).containsEntry("currentState", "PROPOSED"));
        EstimateApproval approval = order.approveEstimate("phone", ADVISOR, NOW);
        assertThat(approval.jobIds()).containsExactly(extra.getId());
        assertThat(approval.total().amount()).isEqualByComparingTo("420.00");
    }

    @Test
    void aFailedQualityCheckSendsTheJobBackAndOnlyAPassLetsTheCarGo() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        finish(order, "job-1");
        order.qualityCheck(false, List.of(new QualityFinding("job-1", "pads squeal")), ADVISOR, NOW);
        assertThat(order.job("job-1").getStatus()).isEqualTo(JobStatus.RETURNED);
        assertThat(order.job("job-1").getQualityFindings()).containsExactly("pads squeal");
        assertThatThrownBy(() -> order.qualityCheck(true, List.of(), ADVISOR, NOW)).isInstanceOf(ProblemException.class);
        finish(order, "job-1");
        order.qualityCheck(true, List.of(), ADVISOR, NOW);
        order.handOver(42010, true, true, Money.cny("336.00"), ADVISOR, NOW);
        assertThat(order.getStatus()).isEqualTo(RepairOrderStatus.HANDED_OVER);
    }

    @Test
    void theSelfCheckMustPassAndOnlyTheAssignedTechnicianRecordsWork() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        order.dispatch("job-1", TECH, "B1", NOW);
        assertThatThrownBy(() -> order.startJob("job-1", "emp-someone-else", NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("not-assigned-technician"));
        order.startJob("job-1", TECH.employeeId(), NOW);
        order.pauseJob("job-1", TECH.employeeId());
        order.startJob("job-1", TECH.employeeId(), NOW);
        assertThatThrownBy(() -> order.finishJob("job-1", TECH.employeeId(), new SelfCheck(false, "leak"), NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("self-check-failed"));
        assertThat(order.job("job-1").getStatus()).isEqualTo(JobStatus.IN_PROGRESS);
    }

    @Test
    void aWarrantyJobNeedsWhatTheClaimNeeds() {
        RepairOrder order = open();
        assertThatThrownBy(() -> order.addJob(new LabourOperation("ENG-1", "plugs"), BigDecimal.ONE, PayType.WARRANTY, null,
                new WarrantyDetails(null, "replaced", null, null, true, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldProblems()).extracting("field")
                        .containsExactly("warranty.cause", "warranty.causalPartNumber", "warranty.failureDate", "warranty.outsideServiceKm"));
        assertThat(order.getJobs()).isEmpty();
    }

    @Test
    void handoverRaisesOneWarrantyJobCompletedPerWarrantyJob() {
        RepairOrder order = open();
        order.addJob(new LabourOperation("MNT", "service"), BigDecimal.ONE, PayType.CUSTOMER, null, null);
        order.addJob(new LabourOperation("ENG-1", "plugs"), new BigDecimal("0.8"), PayType.WARRANTY, null, WARRANTY);
        order.addPartsLine("job-2", "04E905612C", "spark plug", 4, Money.cny("95.50"));
        order.approveEstimate("signature", ADVISOR, NOW);
        finish(order, "job-1");
        finish(order, "job-2");
        order.qualityCheck(true, List.of(), ADVISOR, NOW);
        order.handOver(42005, true, true, null, ADVISOR, NOW);

        List<WarrantyJobCompleted> warranty = order.newEvents().stream()
                .filter(WarrantyJobCompleted.class::isInstance).map(WarrantyJobCompleted.class::cast).toList();
        assertThat(warranty).singleElement().satisfies(w -> {
            assertThat(w.jobId()).isEqualTo("job-2");
            assertThat(w.parts()).extracting("partNumber").containsExactly("04E905612C");
            assertThat(w.outsideServiceKm()).isEqualTo(12);
            assertThat(w.odometerKm()).isEqualTo(42005);
        });
        RepairOrderHandedOver handedOver = order.newEvents().stream().filter(RepairOrderHandedOver.class::isInstance)
                .map(RepairOrderHandedOver.class::cast).findFirst().orElseThrow();
        assertThat(handedOver.payTypes()).containsExactly(PayType.CUSTOMER, PayType.WARRANTY);
    }

    @Test
    void aCarIsFlaggedLateOnceWithinTheWarningBeforeThePromisedTime() {
        RepairOrder order = open();
        Duration warning = Duration.ofMinutes(30);
        assertThat(order.flagIfRunningLate(warning, order.getPromisedAt().minus(Duration.ofMinutes(31)))).isFalse();
        assertThat(order.flagIfRunningLate(warning, order.getPromisedAt().minus(Duration.ofMinutes(29)))).isTrue();
        assertThat(order.flagIfRunningLate(warning, order.getPromisedAt())).isFalse();
        assertThat(order.isLate()).isTrue();
    }

    @Test
    void pendingPartsAreAnnouncedToTheCustomerUntilReserved() {
        RepairOrder order = open();
        order.addPartsLine(null, "06L115562B", "oil filter", 1, Money.cny("85.00"));
        assertThat(order.getPartsNotice()).contains("automatically");
        order.partsReserved("line-1", "res-1");
        assertThat(order.getPartsNotice()).isNull();
        assertThat(order.isPartsPending()).isFalse();
    }

    @Test
    void reworkMustBeOfTheSameVehicleAndOfAHandedOverOrder() {
        RepairOrder earlier = open();
        assertThatThrownBy(() -> RepairOrder.open("ro-2", "RO2026000002", "store-001", reception("LSVAB4BM7RN000001"), ADVISOR,
                Money.cny("280"), earlier, NOW)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo("rework-other-vehicle"));
        assertThatThrownBy(() -> RepairOrder.open("ro-2", "RO2026000002", "store-001", reception("LSVAB4BM9RN000002"), ADVISOR,
                Money.cny("280"), earlier, NOW)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.properties()).containsEntry("currentState", "OPEN"));
    }

    private static void finish(RepairOrder order, String jobId) {
        order.dispatch(jobId, TECH, "B1", NOW);
        order.startJob(jobId, TECH.employeeId(), NOW);
        order.finishJob(jobId, TECH.employeeId(), new SelfCheck(true, "ok"), NOW);
    }

    private static RepairOrder approvedOrder(PayType payType) {
        RepairOrder order = open();
        order.addJob(new LabourOperation("BRK-01", "brake pads"), new BigDecimal("1.2"), payType, null, null);
        order.approveEstimate("signature", ADVISOR, NOW);
        return order;
    }

    private static RepairOrder open() {
        return RepairOrder.open("ro-1", "RO2026000001", "store-001", reception("LSVAB4BM9RN000002"), ADVISOR, Money.cny("280"), null, NOW);
    }

    private static Reception reception(String vin) {
        return new Reception(new Vehicle(vin, "沪A12345", "Volkswagen", "Lavida"), new Customer(null, "张伟", "13800000001"),
                42000, "刹车异响", new WalkAround("ok", "ok", "none"), NOW.plus(Duration.ofHours(4)), null);
    }
}
