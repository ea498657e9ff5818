package dev.forecourt.workshop.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.BillShare;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.targets.ServiceTarget;

/**
 * The month's after-sales KPIs against the month's targets (售后 KPI):
 * <ul>
 * <li>output (产值): the net (before VAT) of the bills of the orders handed over in the month, every payer;</li>
 * <li>repair orders (进厂台次): orders opened in the month and not cancelled;</li>
 * <li>CSI: the mean CSI (0–100) of the after-sales callbacks whose questionnaire was answered in the month;</li>
 * <li>return rate (回厂率): orders opened in the month as rework of an earlier order, per order handed over in the month;</li>
 * <li>complaint rate: after-sales complaints opened in the month that are major (as classified now), per order handed
 *     over in the month.</li>
 * </ul>
 * Output, repair orders and CSI meet their target at or above it; the two rates at or below it. Without a target (or a
 * figure, e.g. no order handed over) {@code met} is null.
 */
public record MonthlyKpis(String month, boolean targetSet, MoneyKpi output, CountKpi repairOrders, RateKpi csi, RateKpi returnRate,
                          RateKpi complaintRate, long ordersHandedOver, long reworkOrders, long csiResponses,
                          long majorComplaints) {

    public record MoneyKpi(Money actual, Money target, Boolean met) {
    }

    public record CountKpi(long actual, Integer target, Boolean met) {
    }

    public record RateKpi(BigDecimal actual, BigDecimal target, Boolean met) {
    }

    public static MonthlyKpis of(YearMonth month, ServiceTarget target, List<RepairOrder> handedOver, long ordersOpened,
                                 long reworkOrders, long csiResponses, BigDecimal csi, long majorComplaints) {
        Money output = handedOver.stream().filter(o -> o.getBill() != null).flatMap(o -> o.getBill().shares().stream())
                .map(BillShare::net).reduce(Money.zero(Money.CNY), Money::plus);
        BigDecimal returnRate = rate(reworkOrders, handedOver.size());
        BigDecimal complaintRate = rate(majorComplaints, handedOver.size());
        boolean set = target != null;
        return new MonthlyKpis(month.toString(), set,
                new MoneyKpi(output, set ? target.getOutput() : null,
                        set ? output.amount().compareTo(target.getOutput().amount()) >= 0 : null),
                new CountKpi(ordersOpened, set ? target.getRepairOrders() : null, set ? ordersOpened >= target.getRepairOrders() : null),
                new RateKpi(csi, set ? target.getCsi() : null, set && csi != null ? csi.compareTo(target.getCsi()) >= 0 : null),
                new RateKpi(returnRate, set ? target.getReturnRate() : null,
                        set && returnRate != null ? returnRate.compareTo(target.getReturnRate()) <= 0 : null),
                new RateKpi(complaintRate, set ? target.getComplaintRate() : null,
                        set && complaintRate != null ? complaintRate.compareTo(target.getComplaintRate()) <= 0 : null),
                handedOver.size(), reworkOrders, csiResponses, majorComplaints);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
