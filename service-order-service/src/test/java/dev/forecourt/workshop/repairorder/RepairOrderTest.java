package dev.forecourt.workshop.repairorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.ExtraWorkDeclined;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.ExtraWorkProposed;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.JobStarted;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.PartsLineAdded;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.RepairOrderHandedOver;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.WarrantyJobCompleted;

/** The repair order's rules, without Spring. */
class RepairOrderTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final Actor ADVISOR = new Actor("emp-advisor", "advisor", "王顾问", "service-advisor");
    static final Actor TECH = new Actor("emp-tech", "tech", "李师傅", "technician");
    static final Actor OTHER_TECH = new Actor("emp-tech-2", "tech2", "周师傅", "technician");
    static final Actor CASHIER = new Actor("emp-cashier", "cashier", "钱收银", "cashier");
    static final Tariff TARIFF = Tariff.flat(Money.cny("280"), new BigDecimal("0.13"));
    static final WarrantyDetails WARRANTY = new WarrantyDetails("worn plug", "replaced plugs", "04E905612C",
            LocalDate.parse("2026-11-20"), true, 12);

    @Test
    void aVehicleCannotBeHandedOverBeforeItsQualityCheck() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        assertThatThrownBy(() -> order.handOver(42010, true, ADVISOR, NOW))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("IN_WORK"));
        assertThat(order.getStatus()).isEqualTo(RepairOrderStatus.IN_WORK);
    }

    @Test
    void workStartsOnlyAfterTheCustomerApprovedTheEstimate() {
        RepairOrder order = open();
        order.addJob(new LabourOperation("BRK-01", "brake pads"), new BigDecimal("1.2"), PayType.CUSTOMER, null, null, NOW);
        assertThatThrownBy(() -> order.dispatch("job-1", TECH, "B1", NOW)).isInstanceOf(IllegalTransition.class);
        order.approveEstimate("signature", ADVISOR, NOW);
        order.dispatch("job-1", TECH, "B1", NOW);
        assertThat(order.job("job-1").getStatus()).isEqualTo(JobStatus.DISPATCHED);
    }

    @Test
    void extraWorkNeedsTheCustomersApprovalAgain() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        Job extra = order.addJob(new LabourOperation("SUS-22", "control arm"), new BigDecimal("1.5"), PayType.CUSTOMER, null, null, NOW);
        assertThat(extra.isExtraWork()).isTrue();
        assertThat(order.newEvents()).filteredOn(ExtraWorkProposed.class::isInstance).hasSize(1);
        assertThatThrownBy(() -> order.dispatch(extra.getId(), TECH, "B2", NOW))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("PROPOSED"));
        EstimateApproval approval = order.approveEstimate("phone", ADVISOR, NOW);
        assertThat(approval.jobIds()).containsExactly(extra.getId());
        assertThat(approval.total().amount()).isEqualByComparingTo("420.00");
    }

    @Test
    void aDeclinedExtraJobIsNeitherDoneNorBilled() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        Job extra = order.addJob(new LabourOperation("SUS-22", "control arm"), new BigDecimal("1.5"), PayType.CUSTOMER, null, null, NOW);
        order.declineJob(extra.getId(), NOW);
        assertThat(order.newEvents()).filteredOn(ExtraWorkDeclined.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ExtraWorkDeclined) e).extraWork()).isTrue());
        finish(order, "job-1");
        order.qualityCheck(true, List.of(), ADVISOR, NOW);
        assertThat(order.getBill().lines()).extracting(BillLine::reference).containsExactly("job-1");
    }

    @Test
    void aFailedQualityCheckSendsTheJobBackAndOnlyAPassLetsTheCarGo() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        finish(order, "job-1");
        order.qualityCheck(false, List.of(new QualityFinding("job-1", "pads squeal")), ADVISOR, NOW);
        assertThat(order.job("job-1").getStatus()).isEqualTo(JobStatus.RETURNED);
        assertThat(order.job("job-1").getQualityFindings()).containsExactly("pads squeal");
        assertThat(order.getFirstQualityCheckPassed()).isFalse();
        assertThatThrownBy(() -> order.qualityCheck(true, List.of(), ADVISOR, NOW)).isInstanceOf(IllegalTransition.class);
        finish(order, "job-1");
        order.qualityCheck(true, List.of(), ADVISOR, NOW);
        order.recordPayment("pay-1", PaymentMethod.CARD, order.outstanding(), CASHIER, NOW);
        order.handOver(42010, true, ADVISOR, NOW);
        assertThat(order.getStatus()).isEqualTo(RepairOrderStatus.HANDED_OVER);
    }

    @Test
    void theSelfCheckMustPassAndPausedWorkResumes() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        order.dispatch("job-1", TECH, "B1", NOW);
        assertThat(order.job("job-1").isAssignedTo(TECH.id())).isTrue();
        assertThat(order.job("job-1").isAssignedTo("emp-someone-else")).isFalse();
        order.startJob("job-1", NOW);
        order.pauseJob("job-1", NOW);
        order.startJob("job-1", NOW);
        assertThat(order.newEvents()).filteredOn(JobStarted.class::isInstance).extracting(e -> ((JobStarted) e).resumed())
                .containsExactly(false, true);
        assertThatThrownBy(() -> order.finishJob("job-1", new SelfCheck(false, "leak"), NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("self-check-failed"));
        assertThat(order.job("job-1").getStatus()).isEqualTo(JobStatus.IN_PROGRESS);
    }

    @Test
    void aJobWhoseTechnicianLeftPassesToAnotherTechnicianWithTheWorkDoneSoFar() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        order.dispatch("job-1", TECH, "B1", NOW);
        order.startJob("job-1", NOW);
        assertThatThrownBy(() -> order.dispatch("job-1", OTHER_TECH, "B2", NOW))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("IN_PROGRESS"));
        order.redispatch("job-1", OTHER_TECH, "B2", NOW);
        Job job = order.job("job-1");
        assertThat(job.getStatus()).isEqualTo(JobStatus.DISPATCHED);
        assertThat(job.isAssignedTo(OTHER_TECH.id())).isTrue();
        assertThat(job.getBayId()).isEqualTo("B2");
        assertThat(job.getFormerTechnicianIds()).containsExactly(TECH.id());
        assertThat(job.getStartedAt()).isEqualTo(NOW);
    }

    @Test
    void aWarrantyJobNeedsWhatTheClaimNeeds() {
        RepairOrder order = open();
        assertThatThrownBy(() -> order.addJob(new LabourOperation("ENG-1", "plugs"), BigDecimal.ONE, PayType.WARRANTY, null,
                new WarrantyDetails(null, "replaced", null, null, true, null), NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.fieldProblems()).extracting("field")
                        .containsExactly("warranty.cause", "warranty.causalPartNumber", "warranty.failureDate", "warranty.outsideServiceKm"));
        assertThat(order.getJobs()).isEmpty();
    }

    @Test
    void handoverRaisesOneWarrantyJobCompletedPerWarrantyJob() {
        RepairOrder order = open();
        order.addJob(new LabourOperation("MNT", "service"), BigDecimal.ONE, PayType.CUSTOMER, null, null, NOW);
        order.addJob(new LabourOperation("ENG-1", "plugs"), new BigDecimal("0.8"), PayType.WARRANTY, null, WARRANTY, NOW);
        order.addPartsLine("job-2", "04E905612C", "spark plug", 4, null);
        order.partsReserved("line-1", "res-1", Money.cny("95.50"), NOW);
        order.approveEstimate("signature", ADVISOR, NOW);
        finish(order, "job-1");
        finish(order, "job-2");
        order.partsIssued("line-1", "issue-1", 4, NOW);
        order.qualityCheck(true, List.of(), ADVISOR, NOW);
        order.recordPayment("pay-1", PaymentMethod.CASH, order.outstanding(), CASHIER, NOW);
        order.handOver(42005, true, ADVISOR, NOW);

        List<WarrantyJobCompleted> warranty = order.newEvents().stream()
                .filter(WarrantyJobCompleted.class::isInstance).map(WarrantyJobCompleted.class::cast).toList();
        assertThat(warranty).singleElement().satisfies(w -> {
            assertThat(w.jobId()).isEqualTo("job-2");
            assertThat(w.parts()).extracting("partNumber").containsExactly("04E905612C");
            assertThat(w.parts().get(0).unitPrice()).isEqualTo(Money.cny("95.50"));
            assertThat(w.outsideServiceKm()).isEqualTo(12);
            assertThat(w.odometerKm()).isEqualTo(42005);
        });
        RepairOrderHandedOver handedOver = order.newEvents().stream().filter(RepairOrderHandedOver.class::isInstance)
                .map(RepairOrderHandedOver.class::cast).findFirst().orElseThrow();
        assertThat(handedOver.payTypes()).containsExactly(PayType.CUSTOMER, PayType.WARRANTY);
        assertThat(handedOver.customerId()).isEqualTo("cust-13800000001");
    }

    @Test
    void aPartsLineTakesTheCatalogueRetailPriceAndAnApprovedLineKeepsIt() {
        RepairOrder order = open();
        order.addPartsLine(null, "06L115562B", "oil filter", 2, null);
        assertThat(order.getPartsLines().get(0).getUnitPrice()).isNull();
        order.partsReserved("line-1", "res-1", Money.cny("85.00"), NOW);
        assertThat(order.getPartsLines().get(0).getUnitPrice()).isEqualTo(Money.cny("85.00"));
        assertThat(order.getEstimate().parts()).isEqualTo(Money.cny("170.00"));
        assertThat(order.newEvents()).filteredOn(PartsLineAdded.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((PartsLineAdded) e).unitPrice()).isEqualTo(Money.cny("85.00")));

        order.addPartsLine(null, "G052195M2", "engine oil 1L", 4, null);
        order.approveEstimate("signature", ADVISOR, NOW);
        order.partsInsufficient("line-2", 1, Money.cny("78.00"), NOW);
        assertThat(order.line("line-2").getUnitPrice()).isEqualTo(Money.cny("78.00")); // priced for the first time
    }

    @Test
    void everyReservedPartMustBeIssuedOrReleasedBeforeHandover() {
        RepairOrder order = open();
        order.addJob(new LabourOperation("BRK-01", "brake pads"), new BigDecimal("1.2"), PayType.CUSTOMER, null, null, NOW);
        order.addPartsLine("job-1", "5Q0698151", "front brake pads", 1, null);
        order.addPartsLine("job-1", "06L115562B", "oil filter", 2, null);
        order.partsReserved("line-1", "res-1", Money.cny("680.00"), NOW);
        order.partsReserved("line-2", "res-2", Money.cny("85.00"), NOW);
        order.approveEstimate("signature", ADVISOR, NOW);
        finish(order, "job-1");
        order.partsIssued("line-2", "issue-1", 1, NOW);
        order.qualityCheck(true, List.of(), ADVISOR, NOW);
        order.recordPayment("pay-1", PaymentMethod.CASH, order.outstanding(), CASHIER, NOW);

        assertThatThrownBy(() -> order.handOver(42010, true, ADVISOR, NOW))
                .isInstanceOfSatisfying(Conflict.class, e -> {
                    assertThat(e.type()).isEqualTo("parts-lines-open");
                    assertThat(e.properties().get("openLines")).isEqualTo(List.of("line-1", "line-2"));
                });
        order.partsIssued("line-1", "issue-2", 1, NOW);
        order.partsIssued("line-1", "issue-2", 1, NOW); // redelivered: counted once
        order.reservationReleased("line-2");            // the storekeeper released the second filter
        assertThat(order.line("line-1").getIssuedQuantity()).isEqualTo(1);
        assertThatThrownBy(() -> order.handOver(42010, true, ADVISOR, NOW))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.type()).isEqualTo("bill-unpaid"));
        order.recordPayment("pay-2", PaymentMethod.CASH, order.outstanding(), CASHIER, NOW);
        order.handOver(42010, true, ADVISOR, NOW);
        assertThat(order.getStatus()).isEqualTo(RepairOrderStatus.HANDED_OVER);
    }

    @Test
    void theBillSplitsLabourPartsChargesAndDiscountsByPayerWithVatShownSeparately() {
        RepairOrder order = RepairOrder.open("ro-1", "RO2026000001", "store-001", reception("LSVAB4BM9RN000002"), ADVISOR,
                new Tariff(java.util.Map.of(PayType.CUSTOMER, Money.cny("280"), PayType.WARRANTY, Money.cny("250"),
                        PayType.INSURANCE, Money.cny("300"), PayType.INTERNAL, Money.cny("200")), new BigDecimal("0.13")), null, NOW);
        order.addJob(new LabourOperation("MNT", "service"), new BigDecimal("1.5"), PayType.CUSTOMER, null, null, NOW);
        order.addJob(new LabourOperation("ENG-1", "plugs"), new BigDecimal("0.8"), PayType.WARRANTY, null, WARRANTY, NOW);
        order.addPartsLine("job-1", "06L115562B", "oil filter", 1, null);
        order.addPartsLine("job-2", "04E905612C", "spark plug", 4, null);
        order.partsReserved("line-1", "res-1", Money.cny("85.00"), NOW);
        order.partsReserved("line-2", "res-2", Money.cny("95.50"), NOW);
        order.approveEstimate("signature", ADVISOR, NOW);
        order.addCharge("waste oil disposal", Money.cny("15.00"), PayType.CUSTOMER, false, ADVISOR, NOW);
        order.addCharge("loyal customer", Money.cny("50.00"), PayType.CUSTOMER, true, ADVISOR, NOW);
        finish(order, "job-1");
        finish(order, "job-2");
        order.partsIssued("line-1", "i-1", 1, NOW);
        order.partsIssued("line-2", "i-2", 4, NOW);
        order.partsReturned("line-2", "r-1", 1, NOW); // one plug came back unused
        order.qualityCheck(true, List.of(), ADVISOR, NOW);

        Bill bill = order.getBill();
        BillShare customer = share(bill, PayType.CUSTOMER);
        assertThat(customer.labour()).isEqualTo(Money.cny("420.00"));      // 1.5 h × 280
        assertThat(customer.parts()).isEqualTo(Money.cny("85.00"));
        assertThat(customer.otherCharges()).isEqualTo(Money.cny("15.00"));
        assertThat(customer.discounts()).isEqualTo(Money.cny("50.00"));
        assertThat(customer.net()).isEqualTo(Money.cny("470.00"));
        assertThat(customer.vat()).isEqualTo(Money.cny("61.10"));          // 13 %
        assertThat(customer.gross()).isEqualTo(Money.cny("531.10"));
        BillShare warranty = share(bill, PayType.WARRANTY);
        assertThat(warranty.labour()).isEqualTo(Money.cny("200.00"));      // 0.8 h × 250
        assertThat(warranty.parts()).isEqualTo(Money.cny("286.50"));       // 3 issued net × 95.50
        assertThat(warranty.vat()).isEqualTo(Money.cny("63.25"));          // 486.50 × 13 % = 63.245 → 63.25
        assertThat(bill.total()).isEqualTo(Money.cny("1080.85"));
        assertThat(bill.customerDue()).isEqualTo(Money.cny("531.10"));

        order.recordPayment("pay-1", PaymentMethod.WECHAT_PAY, Money.cny("500.00"), CASHIER, NOW);
        assertThat(order.outstanding()).isEqualTo(Money.cny("31.10"));
        assertThatThrownBy(() -> order.recordPayment("pay-2", PaymentMethod.CASH, Money.cny("40.00"), CASHIER, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("payment-exceeds-outstanding"));
        order.recordPayment("pay-2", PaymentMethod.CASH, Money.cny("31.10"), CASHIER, NOW);
        assertThat(order.getBill().settledAt()).isEqualTo(NOW);
    }

    @Test
    void aDiscountCannotExceedWhatThePayerIsCharged() {
        RepairOrder order = approvedOrder(PayType.CUSTOMER); // 1.2 h × 280 = 336
        assertThatThrownBy(() -> order.addCharge("too generous", Money.cny("336.01"), PayType.CUSTOMER, true, ADVISOR, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("discount-too-large"));
    }

    @Test
    void aWarrantyOnlyOrderOwesTheCustomerNothingAndIsSettledAtOnce() {
        RepairOrder order = open();
        order.addJob(new LabourOperation("ENG-1", "plugs"), new BigDecimal("0.8"), PayType.WARRANTY, null, WARRANTY, NOW);
        order.approveEstimate("signature", ADVISOR, NOW);
        finish(order, "job-1");
        order.qualityCheck(true, List.of(), ADVISOR, NOW);
        assertThat(order.outstanding()).isEqualTo(Money.zero("CNY"));
        assertThat(order.getBill().settledAt()).isNotNull();
        order.handOver(42001, true, ADVISOR, NOW);
    }

    @Test
    void aPartsLineWithPartsOnTheCarCannotBeRemoved() {
        RepairOrder order = open();
        order.addPartsLine(null, "06L115562B", "oil filter", 1, null);
        order.partsReserved("line-1", "res-1", Money.cny("85.00"), NOW);
        order.partsIssued("line-1", "issue-1", 1, NOW);
        assertThatThrownBy(() -> order.removePartsLine("line-1", "not needed", NOW))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.type()).isEqualTo("parts-line-issued"));
        order.partsReturned("line-1", "return-1", 1, NOW);
        order.removePartsLine("line-1", "not needed", NOW);
        assertThat(order.line("line-1").isRemoved()).isTrue();
        assertThat(order.getEstimate().parts()).isEqualTo(Money.zero("CNY"));
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
    void pendingPartsStayPendingUntilReserved() {
        RepairOrder order = open();
        order.addPartsLine(null, "06L115562B", "oil filter", 1, null);
        assertThat(order.isPartsPending()).isTrue();
        order.partsReserved("line-1", "res-1", Money.cny("85.00"), NOW);
        assertThat(order.isPartsPending()).isFalse();
    }

    @Test
    void reworkMustBeOfTheSameVehicleAndOfAHandedOverOrder() {
        RepairOrder earlier = open();
        assertThatThrownBy(() -> RepairOrder.open("ro-2", "RO2026000002", "store-001", reception("LSVAB4BM7RN000001"), ADVISOR,
                TARIFF, earlier, NOW)).isInstanceOfSatisfying(RuleViolated.class,
                e -> assertThat(e.type()).isEqualTo("rework-other-vehicle"));
        assertThatThrownBy(() -> RepairOrder.open("ro-2", "RO2026000002", "store-001", reception("LSVAB4BM9RN000002"), ADVISOR,
                TARIFF, earlier, NOW)).isInstanceOfSatisfying(IllegalTransition.class,
                e -> assertThat(e.currentState()).isEqualTo("OPEN"));
    }

    @Test
    void everyStatusNamesTheStatusesItMayBecome() {
        assertThat(RepairOrderStatus.HANDED_OVER.isFinal()).isTrue();
        assertThat(RepairOrderStatus.QC_PASSED.mayBecome(RepairOrderStatus.IN_WORK)).isTrue();
        assertThat(RepairOrderStatus.OPEN.mayBecome(RepairOrderStatus.HANDED_OVER)).isFalse();
        assertThat(JobStatus.FINISHED.mayBecome(JobStatus.DISPATCHED)).isFalse();
        assertThat(ReservationStatus.RELEASED.isFinal()).isTrue();
        RepairOrder order = approvedOrder(PayType.CUSTOMER);
        order.cancel("customer withdrew", NOW);
        assertThatThrownBy(() -> order.cancel("again", NOW))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("CANCELLED"));
    }

    private static BillShare share(Bill bill, PayType payer) {
        return bill.shares().stream().filter(s -> s.payer() == payer).findFirst().orElseThrow();
    }

    private static void finish(RepairOrder order, String jobId) {
        order.dispatch(jobId, TECH, "B1", NOW);
        order.startJob(jobId, NOW);
        order.finishJob(jobId, new SelfCheck(true, "ok"), NOW);
    }

    private static RepairOrder approvedOrder(PayType payType) {
        RepairOrder order = open();
        order.addJob(new LabourOperation("BRK-01", "brake pads"), new BigDecimal("1.2"), payType, null, null, NOW);
        order.approveEstimate("signature", ADVISOR, NOW);
        return order;
    }

    private static RepairOrder open() {
        return RepairOrder.open("ro-1", "RO2026000001", "store-001", reception("LSVAB4BM9RN000002"), ADVISOR, TARIFF, null, NOW);
    }

    private static Reception reception(String vin) {
        return new Reception(new Vehicle(vin, "沪A12345", "Volkswagen", "Lavida"), Customer.of("张伟", "13800000001"),
                42000, "刹车异响", new WalkAround("ok", "ok", "none"), NOW.plus(Duration.ofHours(4)), null);
    }
}
