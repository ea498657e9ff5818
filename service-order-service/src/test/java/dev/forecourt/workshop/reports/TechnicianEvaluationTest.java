package dev.forecourt.workshop.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.Customer;
import dev.forecourt.workshop.repairorder.LabourOperation;
import dev.forecourt.workshop.repairorder.PayType;
import dev.forecourt.workshop.repairorder.QualityFinding;
import dev.forecourt.workshop.repairorder.Reception;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.SelfCheck;
import dev.forecourt.workshop.repairorder.Tariff;
import dev.forecourt.workshop.repairorder.Vehicle;
import dev.forecourt.workshop.repairorder.WalkAround;

/** A known month of two technicians: every figure of their evaluation equals the sums worked out by hand. */
class TechnicianEvaluationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Actor ADVISOR = new Actor("emp-advisor", "advisor", "王顾问", "service-advisor");
    static final Actor QC = new Actor("emp-qc", "qc", "赵主管", "workshop-supervisor");
    static final Actor T1 = new Actor("emp-t1", "t1", "李师傅", "technician");
    static final Actor T2 = new Actor("emp-t2", "t2", "周师傅", "technician");

    @Test
    void aTechniciansMonthHoursPassRateAndReworkEqualTheSumsWorkedOutByHand() {
        // November: T1's order that comes back as rework in December
        RepairOrder earlier = order("ro-0", "2026-11-20T01:00:00Z");
        job(earlier, "1.0");
        earlier.approveEstimate("signature", ADVISOR, t("2026-11-20T01:10:00Z"));
        work(earlier, "job-1", T1, "2026-11-20T02:00:00Z", "2026-11-20T03:00:00Z");
        earlier.qualityCheck(true, List.of(), QC, t("2026-11-20T03:10:00Z"));

        // A: T1, 1.0 h sold, 60 min clocked, passes its first check
        RepairOrder a = order("ro-a", "2026-12-03T01:00:00Z");
        job(a, "1.0");
        a.approveEstimate("signature", ADVISOR, t("2026-12-03T01:10:00Z"));
        work(a, "job-1", T1, "2026-12-03T02:00:00Z", "2026-12-03T03:00:00Z");
        a.qualityCheck(true, List.of(), QC, t("2026-12-03T03:10:00Z"));

        // B: T1 2.0 h sold in 90 min; T2 1.0 h in 30 min, sent back at the first check, passes the second
        RepairOrder b = order("ro-b", "2026-12-04T01:00:00Z");
        job(b, "2.0");
        job(b, "1.0");
        b.approveEstimate("signature", ADVISOR, t("2026-12-04T01:10:00Z"));
        work(b, "job-1", T1, "2026-12-04T04:00:00Z", "2026-12-04T05:30:00Z");
        b.dispatch("job-2", T2, "B2", t("2026-12-04T03:55:00Z"));
        b.startJob("job-2", t("2026-12-04T04:00:00Z"));
        b.finishJob("job-2", new SelfCheck(true, "ok"), t("2026-12-04T04:30:00Z"));
        b.qualityCheck(false, List.of(new QualityFinding("job-2", "hose clamp loose")), QC, t("2026-12-04T06:00:00Z"));
        b.dispatch("job-2", T2, "B2", t("2026-12-04T06:05:00Z"));
        b.startJob("job-2", t("2026-12-04T06:10:00Z"));
        b.finishJob("job-2", new SelfCheck(true, "clamp tightened"), t("2026-12-04T06:40:00Z"));
        b.qualityCheck(true, List.of(), QC, t("2026-12-04T07:00:00Z"));

        TechnicianEvaluation.Month month = TechnicianEvaluation.of(YearMonth.of(2026, 12), SHANGHAI, List.of(earlier, a, b),
                List.of(earlier));
        assertThat(month.technicians()).extracting(TechnicianEvaluation::employeeId).containsExactly("emp-t1", "emp-t2");
        TechnicianEvaluation t1 = month.technicians().get(0);
        assertThat(t1.name()).isEqualTo("李师傅");
        assertThat(t1.jobsFinished()).isEqualTo(2);                       // November's job is not this month's
        assertThat(t1.hoursSold()).isEqualByComparingTo("3.0");
        assertThat(t1.hoursClocked()).isEqualByComparingTo("2.50");        // 60 + 90 min
        assertThat(t1.hoursSoldPerHourClocked()).isEqualByComparingTo("1.20");
        assertThat(t1.qualityChecked()).isEqualTo(2);
        assertThat(t1.firstTimePassRate()).isEqualByComparingTo("1");
        assertThat(t1.reworkOrders()).isEqualTo(1);

        TechnicianEvaluation t2 = month.technicians().get(1);
        assertThat(t2.jobsFinished()).isEqualTo(1);
        assertThat(t2.hoursSold()).isEqualByComparingTo("1.0");
        assertThat(t2.qualityChecked()).isEqualTo(1);
        assertThat(t2.firstTimePassed()).isZero();
        assertThat(t2.firstTimePassRate()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(t2.reworkOrders()).isZero();
    }

    @Test
    void aMonthWithoutWorkHasNoTechnicians() {
        assertThat(TechnicianEvaluation.of(YearMonth.of(2026, 12), SHANGHAI, List.of(), List.of()).technicians()).isEmpty();
    }

    private static RepairOrder order(String id, String openedAt) {
        return RepairOrder.open(id, id.toUpperCase(), "store-001", new Reception(new Vehicle("LSVAB4BM9RN000002", "沪A12345",
                "Volkswagen", "Lavida"), Customer.of("张伟", "13800000001"), 42000, "保养", new WalkAround("ok", "ok", "none"),
                t(openedAt).plusSeconds(36000), null), ADVISOR, Tariff.flat(Money.cny("280"), new BigDecimal("0.13")), null, t(openedAt));
    }

    private static void job(RepairOrder o, String hours) {
        o.addJob(new LabourOperation("MNT", "service"), new BigDecimal(hours), PayType.CUSTOMER, null, null, o.getOpenedAt());
    }

    private static void work(RepairOrder o, String jobId, Actor technician, String start, String finish) {
        o.dispatch(jobId, technician, "B1", t(start).minusSeconds(60));
        o.startJob(jobId, t(start));
        o.finishJob(jobId, new SelfCheck(true, "ok"), t(finish));
    }

    private static Instant t(String at) {
        return Instant.parse(at);
    }
}
