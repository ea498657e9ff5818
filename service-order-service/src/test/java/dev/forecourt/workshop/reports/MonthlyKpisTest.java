package dev.forecourt.workshop.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.Customer;
import dev.forecourt.workshop.repairorder.LabourOperation;
import dev.forecourt.workshop.repairorder.PayType;
import dev.forecourt.workshop.repairorder.PaymentMethod;
import dev.forecourt.workshop.repairorder.Reception;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.SelfCheck;
import dev.forecourt.workshop.repairorder.Tariff;
import dev.forecourt.workshop.repairorder.Vehicle;
import dev.forecourt.workshop.repairorder.WalkAround;
import dev.forecourt.workshop.targets.ServiceTarget;

/** The month's KPIs against its targets, worked out by hand. */
class MonthlyKpisTest {

    static final Actor DIRECTOR = new Actor("emp-director", "director", "孙总监", "service-director");
    static final Actor ADVISOR = new Actor("emp-advisor", "advisor", "王顾问", "service-advisor");
    static final Actor TECH = new Actor("emp-tech", "tech", "李师傅", "technician");
    static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Test
    void eachKpiMeetsItsTargetFromTheRightSide() {
        ServiceTarget target = ServiceTarget.set(DECEMBER, Money.cny("1000.00"), 3, new BigDecimal("85"), new BigDecimal("0.25"),
                new BigDecimal("0.10"), DIRECTOR, Instant.now());
        // no order handed over: output 0 below target, both rates unknown
        MonthlyKpis none = MonthlyKpis.of(DECEMBER, target, List.of(), 3, 1, 2, new BigDecimal("84.50"), 0);
        assertThat(none.output().actual()).isEqualTo(Money.cny("0.00"));
        assertThat(none.output().met()).isFalse();
        assertThat(none.repairOrders().met()).isTrue();            // 3 opened, target 3
        assertThat(none.csi().met()).isFalse();                     // 84.50 < 85
        assertThat(none.returnRate().actual()).isNull();
        assertThat(none.returnRate().met()).isNull();
        assertThat(none.complaintRate().met()).isNull();
        assertThat(none.targetSet()).isTrue();
    }

    @Test
    void aKnownMonthsFiguresEqualTheSumsWorkedOutByHand() {
        // two customer-paid orders of 1.0 h and 2.5 h at 280/h: output 280 + 700 = 980 net of VAT
        List<RepairOrder> handedOver = List.of(handedOver("RO2026000011", "1.0"), handedOver("RO2026000012", "2.5"));
        ServiceTarget target = ServiceTarget.set(DECEMBER, Money.cny("980.00"), 5, new BigDecimal("90"), new BigDecimal("0.40"),
                new BigDecimal("0.50"), DIRECTOR, Instant.now());
        MonthlyKpis kpis = MonthlyKpis.of(DECEMBER, target, handedOver, 4, 1, 3, new BigDecimal("91.67"), 1);
        assertThat(kpis.output().actual()).isEqualTo(Money.cny("980.00"));
        assertThat(kpis.output().met()).isTrue();                          // exactly the target
        assertThat(kpis.repairOrders().actual()).isEqualTo(4);
        assertThat(kpis.repairOrders().met()).isFalse();                   // 4 < 5
        assertThat(kpis.csi().met()).isTrue();
        assertThat(kpis.returnRate().actual()).isEqualByComparingTo("0.5"); // 1 rework / 2 handed over
        assertThat(kpis.returnRate().met()).isFalse();                     // above 0.40
        assertThat(kpis.complaintRate().actual()).isEqualByComparingTo("0.5");
        assertThat(kpis.complaintRate().met()).isTrue();                   // at the limit
        assertThat(kpis.ordersHandedOver()).isEqualTo(2);
    }

    static RepairOrder handedOver(String number, String hours) {
        Instant at = Instant.parse("2026-12-03T02:00:00Z");
        RepairOrder o = RepairOrder.open(number, number, "store-001", new Reception(new Vehicle("LSVAB4BM9RN000002", "沪A12345",
                "Volkswagen", "Lavida"), Customer.of("张伟", "13800000001"), 42000, "保养", new WalkAround("ok", "ok", "none"),
                at.plusSeconds(14400), null), ADVISOR, Tariff.flat(Money.cny("280"), new BigDecimal("0.13")), null, at);
        o.addJob(new LabourOperation("MNT", "service"), new BigDecimal(hours), PayType.CUSTOMER, null, null, at);
        o.approveEstimate("signature", ADVISOR, at);
        o.dispatch("job-1", TECH, "B1", at);
        o.startJob("job-1", at);
        o.finishJob("job-1", new SelfCheck(true, "ok"), at);
        o.qualityCheck(true, List.of(), ADVISOR, at);
        o.recordPayment("pay-1", PaymentMethod.CASH, o.outstanding(), ADVISOR, at);
        o.handOver(42010, true, ADVISOR, at);
        return o;
    }

    @Test
    void withoutTargetsTheFiguresStandAlone() {
        MonthlyKpis kpis = MonthlyKpis.of(DECEMBER, null, List.of(), 0, 0, 0, null, 0);
        assertThat(kpis.targetSet()).isFalse();
        assertThat(kpis.output().target()).isNull();
        assertThat(kpis.output().met()).isNull();
        assertThat(kpis.csi().actual()).isNull();
        assertThat(kpis.month()).isEqualTo("2026-12");
    }

    @Test
    void targetsOutsideWhatAMonthCanReachAreRefused() {
        assertThatThrownBy(() -> ServiceTarget.set(DECEMBER, Money.cny("-1"), 3, new BigDecimal("85"), new BigDecimal("0.02"),
                new BigDecimal("0.01"), DIRECTOR, Instant.now())).isInstanceOfSatisfying(RuleViolated.class,
                e -> assertThat(e.type()).isEqualTo("target-out-of-range"));
        assertThatThrownBy(() -> ServiceTarget.set(DECEMBER, Money.cny("1"), 3, new BigDecimal("101"), new BigDecimal("0.02"),
                new BigDecimal("0.01"), DIRECTOR, Instant.now())).isInstanceOf(RuleViolated.class);
        assertThatThrownBy(() -> ServiceTarget.set(DECEMBER, Money.cny("1"), 3, new BigDecimal("85"), new BigDecimal("1.5"),
                new BigDecimal("0.01"), DIRECTOR, Instant.now())).isInstanceOf(RuleViolated.class);
        ServiceTarget target = ServiceTarget.set(DECEMBER, Money.cny("1"), 3, new BigDecimal("85"), new BigDecimal("0.02"),
                new BigDecimal("0.01"), DIRECTOR, Instant.now());
        assertThat(target.newEvents()).hasSize(1);
        assertThat(target.month()).isEqualTo(DECEMBER);
    }
}
