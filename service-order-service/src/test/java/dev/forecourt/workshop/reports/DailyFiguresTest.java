package dev.forecourt.workshop.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.Customer;
import dev.forecourt.workshop.repairorder.LabourOperation;
import dev.forecourt.workshop.repairorder.PayType;
import dev.forecourt.workshop.repairorder.PaymentMethod;
import dev.forecourt.workshop.repairorder.QualityFinding;
import dev.forecourt.workshop.repairorder.Reception;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.SelfCheck;
import dev.forecourt.workshop.repairorder.Tariff;
import dev.forecourt.workshop.repairorder.Vehicle;
import dev.forecourt.workshop.repairorder.WalkAround;
import dev.forecourt.workshop.repairorder.WarrantyDetails;

/** A known store day (2026-11-23, Shanghai): every figure of the daily report equals the sums worked out by hand. */
class DailyFiguresTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.parse("2026-11-23"); // 2026-11-22T16:00Z … 2026-11-23T16:00Z
    static final Tariff TARIFF = Tariff.flat(Money.cny("280"), new BigDecimal("0.13"));
    static final Actor ADV1 = new Actor("emp-adv1", "adv1", "王顾问", "service-advisor");
    static final Actor ADV2 = new Actor("emp-adv2", "adv2", "孙顾问", "service-advisor");
    static final Actor T1 = new Actor("emp-t1", "t1", "李师傅", "technician");
    static final Actor T2 = new Actor("emp-t2", "t2", "周师傅", "technician");
    static final Actor QC = new Actor("emp-qc", "qc", "赵主管", "workshop-supervisor");
    static final Actor CASHIER = new Actor("emp-cash", "cash", "钱收银", "cashier");

    @Test
    void everyFigureOfAKnownDayEqualsTheSumsWorkedOutByHand() {
        // E: handed over the day before; C reworks it today
        RepairOrder e = open("RO2026000001", "LSVAB4BM9RN000002", ADV1, "2026-11-21T01:00:00Z", "2026-11-21T08:00:00Z", null);
        job(e, PayType.CUSTOMER, "1.0", "2026-11-21T01:10:00Z");
        e.approveEstimate("signature", ADV1, t("2026-11-21T01:20:00Z"));
        work(e, "job-1", T1, "2026-11-21T02:00:00Z", "2026-11-21T03:00:00Z");
        handOver(e, "2026-11-21T03:30:00Z", "2026-11-22T03:00:00Z");

        // A: customer-paid, 1.5 h + an oil filter, passes its first check, handed over 05:00Z (promised 06:00Z)
        RepairOrder a = open("RO2026000002", "LSVAB4BM7RN000001", ADV1, "2026-11-23T01:00:00Z", "2026-11-23T06:00:00Z", null);
        job(a, PayType.CUSTOMER, "1.5", "2026-11-23T01:05:00Z");
        a.addPartsLine("job-1", "06L115562B", "oil filter", 1, null);
        a.partsReserved("line-1", "res-1", Money.cny("85.00"), t("2026-11-23T01:06:00Z"));
        a.approveEstimate("signature", ADV1, t("2026-11-23T01:10:00Z"));
        work(a, "job-1", T1, "2026-11-23T02:00:00Z", "2026-11-23T03:00:00Z");
        a.partsIssued("line-1", "iss-1", 1, t("2026-11-23T02:10:00Z"));
        handOver(a, "2026-11-23T03:30:00Z", "2026-11-23T05:00:00Z");

        // B: warranty 0.8 h + customer 1.0 h, fails its first check, handed over 06:00Z (promised 05:30Z: late)
        RepairOrder b = open("RO2026000003", "LSVCD6AZ9RN100001", ADV2, "2026-11-23T01:30:00Z", "2026-11-23T05:30:00Z", null);
        b.addJob(new LabourOperation("ENG-1", "plugs"), new BigDecimal("0.8"), PayType.WARRANTY, null,
                new WarrantyDetails("worn", "replaced", "04E905612C", DAY, false, null), t("2026-11-23T01:31:00Z"));
        job(b, PayType.CUSTOMER, "1.0", "2026-11-23T01:32:00Z");
        b.approveEstimate("signature", ADV2, t("2026-11-23T01:40:00Z"));
        work(b, "job-1", T2, "2026-11-23T02:00:00Z", "2026-11-23T02:30:00Z");
        work(b, "job-2", T2, "2026-11-23T03:00:00Z", "2026-11-23T04:00:00Z");
        b.qualityCheck(false, List.of(new QualityFinding("job-2", "loose clip")), QC, t("2026-11-23T04:10:00Z"));
        work(b, "job-2", T2, "2026-11-23T04:20:00Z", "2026-11-23T04:50:00Z");
        handOver(b, "2026-11-23T05:00:00Z", "2026-11-23T06:00:00Z");

        // C: rework of E, opened today, promised 08:00Z, still in the workshop at close
        RepairOrder c = open("RO2026000004", "LSVAB4BM9RN000002", ADV1, "2026-11-23T02:00:00Z", "2026-11-23T08:00:00Z", e);
        job(c, PayType.CUSTOMER, "1.0", "2026-11-23T02:05:00Z");

        // D: opened the day before, still in work
        RepairOrder d = open("RO2026000005", "LFV3A23C0R3000001", ADV2, "2026-11-22T02:00:00Z", "2026-11-22T09:00:00Z", null);
        job(d, PayType.INTERNAL, "2.0", "2026-11-22T02:05:00Z");
        d.approveEstimate("internal", ADV2, t("2026-11-22T02:10:00Z"));

        DailyFigures f = DailyFigures.of(DAY, SHANGHAI, List.of(e, a, b, c, d), 3, 1);

        assertThat(f.ordersOpened()).isEqualTo(3);                                        // A, B, C
        assertThat(f.ordersOpenedByPayType()).isEqualTo(Map.of("CUSTOMER", 3L, "WARRANTY", 1L));
        assertThat(f.ordersHandedOver()).isEqualTo(2);                                    // A, B
        assertThat(f.ordersHandedOverByPayType()).isEqualTo(Map.of("CUSTOMER", 2L, "WARRANTY", 1L));
        DailyFigures.Output customer = f.output().get(0);
        assertThat(customer.payer()).isEqualTo(PayType.CUSTOMER);
        assertThat(customer.labour()).isEqualTo(Money.cny("700.00"));                     // 1.5 h × 280 + 1.0 h × 280
        assertThat(customer.parts()).isEqualTo(Money.cny("85.00"));
        assertThat(customer.net()).isEqualTo(Money.cny("785.00"));
        DailyFigures.Output warranty = f.output().get(1);
        assertThat(warranty.payer()).isEqualTo(PayType.WARRANTY);
        assertThat(warranty.labour()).isEqualTo(Money.cny("224.00"));                     // 0.8 h × 280
        assertThat(f.outputNet()).isEqualTo(Money.cny("1009.00"));
        assertThat(f.hoursSold()).isEqualByComparingTo("3.3");                            // 1.5 + 0.8 + 1.0
        assertThat(f.hoursClocked()).isEqualByComparingTo("2.00");                        // 1 h + 0.5 h + 0.5 h (the redone job)
        assertThat(f.averageRepairMinutes()).isEqualTo(255);                              // (240 + 270) / 2
        assertThat(f.firstQualityChecks()).isEqualTo(2);
        assertThat(f.firstTimePassed()).isEqualTo(1);
        assertThat(f.firstTimePassRate()).isEqualByComparingTo("0.5");
        assertThat(f.reworkOrders()).isEqualTo(1);                                        // C
        assertThat(f.reworkRequests()).isEqualTo(3);
        assertThat(f.reworkCases()).isEqualTo(2);                                         // C + one request still waiting
        assertThat(f.reworkRate()).isEqualByComparingTo("1.0");                           // 2 cases / 2 handed over
        assertThat(f.carsInWorkshopAtClose()).isEqualTo(2);                               // C, D
        assertThat(f.lateVehicles()).containsExactly("RO2026000003", "RO2026000004");     // B handed over late, C not done
        assertThat(f.advisors()).containsExactly(
                new DailyFigures.AdvisorFigures("emp-adv1", "王顾问", 2, 1, Money.cny("505.00")),
                new DailyFigures.AdvisorFigures("emp-adv2", "孙顾问", 1, 1, Money.cny("504.00")));
        assertThat(f.technicians()).containsExactly(
                new DailyFigures.TechnicianFigures("emp-t1", "李师傅", 1, new BigDecimal("1.5")),
                new DailyFigures.TechnicianFigures("emp-t2", "周师傅", 2, new BigDecimal("1.8")));
    }

    private static RepairOrder open(String number, String vin, Actor advisor, String at, String promised, RepairOrder earlier) {
        return RepairOrder.open(number, number, "store-001", new Reception(new Vehicle(vin, "沪A12345", "Volkswagen", "Lavida"),
                Customer.of("张伟", "13800000001"), 42000, "noise", new WalkAround("ok", "ok", "none"), t(promised), null),
                advisor, TARIFF, earlier, t(at));
    }

    private static void job(RepairOrder order, PayType payType, String hours, String at) {
        order.addJob(new LabourOperation("OP-" + payType, "work"), new BigDecimal(hours), payType, null, null, t(at));
    }

    private static void work(RepairOrder order, String jobId, Actor technician, String from, String to) {
        order.dispatch(jobId, technician, "B1", t(from));
        order.startJob(jobId, t(from));
        order.finishJob(jobId, new SelfCheck(true, "ok"), t(to));
    }

    private static void handOver(RepairOrder order, String checkedAt, String at) {
        order.qualityCheck(true, List.of(), QC, t(checkedAt));
        if (order.outstanding().amount().signum() > 0) {
            order.recordPayment("pay-" + order.getId(), PaymentMethod.CARD, order.outstanding(), CASHIER, t(at));
        }
        order.handOver(43000, true, ADV1, t(at));
    }

    private static Instant t(String at) {
        return Instant.parse(at);
    }
}
