package dev.forecourt.workshop.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.Bill;
import dev.forecourt.workshop.repairorder.BillShare;
import dev.forecourt.workshop.repairorder.Job;
import dev.forecourt.workshop.repairorder.JobStatus;
import dev.forecourt.workshop.repairorder.PayType;
import dev.forecourt.workshop.repairorder.RepairOrder;

/**
 * The figures of one store day (日报), worked out from the repair orders the day touched:
 * <ul>
 * <li>orders opened and handed over, in total and per pay type (an order with jobs of two pay types counts under both);</li>
 * <li>output (产值) of the orders handed over that day, from their bills: labour, parts, other charges, discounts and
 *     net per payer, before VAT;</li>
 * <li>hours sold (the hours of the jobs not declined on the orders handed over) and hours clocked (start to finish of
 *     the jobs finished that day, pauses included);</li>
 * <li>average repair time (opened → handed over, minutes) of the orders handed over;</li>
 * <li>first-time quality-check pass rate of the orders whose first check was that day;</li>
 * <li>rework: orders opened as rework that day, rework requests received that day, and the rework cases (rework orders
 *     plus the requests not yet turned into one) per order handed over;</li>
 * <li>cars in the workshop at close (opened before the day's end, neither handed over nor cancelled by then);</li>
 * <li>late vehicles: orders promised within the day and not handed over by the promised time;</li>
 * <li>per advisor (orders opened, handed over, net output) and per technician (jobs finished, hours of those jobs).</li>
 * </ul>
 */
public record DailyFigures(LocalDate date, long ordersOpened, Map<String, Long> ordersOpenedByPayType, long ordersHandedOver,
                           Map<String, Long> ordersHandedOverByPayType, List<Output> output, Money outputNet,
                           BigDecimal hoursSold, BigDecimal hoursClocked, Long averageRepairMinutes, long firstQualityChecks,
                           long firstTimePassed, BigDecimal firstTimePassRate, long reworkOrders, long reworkRequests,
                           long reworkCases, BigDecimal reworkRate, long carsInWorkshopAtClose, List<String> lateVehicles,
                           List<AdvisorFigures> advisors, List<TechnicianFigures> technicians) {

    public record Output(PayType payer, Money labour, Money parts, Money otherCharges, Money discounts, Money net) {
    }

    public record AdvisorFigures(String employeeId, String name, long ordersOpened, long ordersHandedOver, Money outputNet) {
    }

    public record TechnicianFigures(String employeeId, String name, long jobsFinished, BigDecimal hours) {
    }

    public static DailyFigures of(LocalDate date, ZoneId zone, List<RepairOrder> orders, long reworkRequests,
                                  long reworkRequestsWaiting) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        Predicate<Instant> inDay = t -> t != null && !t.isBefore(start) && t.isBefore(end);
        List<RepairOrder> opened = orders.stream().filter(o -> inDay.test(o.getOpenedAt())).toList();
        List<RepairOrder> handedOver = orders.stream().filter(o -> o.getHandover() != null && inDay.test(o.getHandover().handedOverAt())).toList();

        Map<PayType, Money[]> byPayer = new TreeMap<>();
        Money outputNet = zero();
        BigDecimal hoursSold = BigDecimal.ZERO;
        long repairMinutes = 0;
        for (RepairOrder o : handedOver) {
            Bill bill = o.getBill();
            if (bill != null) {
                for (BillShare share : bill.shares()) {
                    Money[] sums = byPayer.computeIfAbsent(share.payer(), p -> new Money[] {zero(), zero(), zero(), zero(), zero()});
                    sums[0] = sums[0].plus(share.labour());
                    sums[1] = sums[1].plus(share.parts());
                    sums[2] = sums[2].plus(share.otherCharges());
                    sums[3] = sums[3].plus(share.discounts());
                    sums[4] = sums[4].plus(share.net());
                    outputNet = outputNet.plus(share.net());
                }
            }
            hoursSold = hoursSold.add(o.getJobs().stream().filter(j -> j.getStatus().counts()).map(Job::getHours)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            repairMinutes += Duration.between(o.getOpenedAt(), o.getHandover().handedOverAt()).toMinutes();
        }
        List<Output> output = byPayer.entrySet().stream().map(e -> new Output(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3], e.getValue()[4])).toList();

        List<Job> finishedToday = new ArrayList<>();
        orders.forEach(o -> o.getJobs().stream().filter(j -> j.getStatus() != JobStatus.DECLINED && inDay.test(j.getFinishedAt()))
                .forEach(finishedToday::add));
        BigDecimal hoursClocked = finishedToday.stream().filter(j -> j.getStartedAt() != null)
                .map(j -> BigDecimal.valueOf(Duration.between(j.getStartedAt(), j.getFinishedAt()).toMinutes())
                        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        List<RepairOrder> firstChecked = orders.stream().filter(o -> inDay.test(o.getFirstQualityCheckAt())).toList();
        long firstTimePassed = firstChecked.stream().filter(o -> Boolean.TRUE.equals(o.getFirstQualityCheckPassed())).count();
        long reworkOrders = opened.stream().filter(o -> o.getReworkOf() != null).count();

        long inWorkshop = orders.stream().filter(o -> o.getOpenedAt() != null && o.getOpenedAt().isBefore(end))
                .filter(o -> o.getHandover() == null || !o.getHandover().handedOverAt().isBefore(end))
                .filter(o -> o.getCancelledAt() == null || !o.getCancelledAt().isBefore(end)).count();
        List<String> late = orders.stream().filter(o -> inDay.test(o.getPromisedAt()))
                .filter(o -> o.getCancelledAt() == null || o.getCancelledAt().isAfter(o.getPromisedAt()))
                .filter(o -> o.getHandover() == null || o.getHandover().handedOverAt().isAfter(o.getPromisedAt()))
                .map(RepairOrder::getOrderNumber).sorted().toList();

        Map<String, AdvisorFigures> advisors = new TreeMap<>();
        for (RepairOrder o : orders) {
            boolean o1 = opened.contains(o);
            boolean h1 = handedOver.contains(o);
            if (!o1 && !h1) {
                continue;
            }
            AdvisorFigures a = advisors.getOrDefault(o.getAdvisor().id(),
                    new AdvisorFigures(o.getAdvisor().id(), o.getAdvisor().displayName(), 0, 0, zero()));
            Money net = h1 && o.getBill() != null ? o.getBill().shares().stream().map(BillShare::net).reduce(zero(), Money::plus) : zero();
            advisors.put(a.employeeId(), new AdvisorFigures(a.employeeId(), a.name(), a.ordersOpened() + (o1 ? 1 : 0),
                    a.ordersHandedOver() + (h1 ? 1 : 0), a.outputNet().plus(net)));
        }
        Map<String, TechnicianFigures> technicians = new TreeMap<>();
        for (Job j : finishedToday) {
            TechnicianFigures t = technicians.getOrDefault(j.getTechnician().id(),
                    new TechnicianFigures(j.getTechnician().id(), j.getTechnician().displayName(), 0, BigDecimal.ZERO));
            technicians.put(t.employeeId(), new TechnicianFigures(t.employeeId(), t.name(), t.jobsFinished() + 1, t.hours().add(j.getHours())));
        }

        return new DailyFigures(date, opened.size(), byPayType(opened), handedOver.size(), byPayType(handedOver), output, outputNet,
                hoursSold, hoursClocked, handedOver.isEmpty() ? null : repairMinutes / handedOver.size(), firstChecked.size(),
                firstTimePassed, rate(firstTimePassed, firstChecked.size()), reworkOrders, reworkRequests,
                reworkOrders + reworkRequestsWaiting, rate(reworkOrders + reworkRequestsWaiting, handedOver.size()), inWorkshop, late,
                List.copyOf(advisors.values()), technicians.values().stream()
                        .sorted(Comparator.comparing(TechnicianFigures::employeeId)).toList());
    }

    private static Map<String, Long> byPayType(List<RepairOrder> orders) {
        Map<String, Long> counts = new TreeMap<>();
        for (RepairOrder o : orders) {
            o.getJobs().stream().filter(j -> j.getStatus().counts()).map(Job::getPayType).filter(Objects::nonNull).distinct()
                    .forEach(p -> counts.merge(p.name(), 1L, Long::sum));
        }
        return counts;
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static Money zero() {
        return Money.zero(Money.CNY);
    }
}
