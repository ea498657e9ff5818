package dev.forecourt.workshop.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.forecourt.workshop.repairorder.Job;
import dev.forecourt.workshop.repairorder.JobStatus;
import dev.forecourt.workshop.repairorder.RepairOrder;

/**
 * A technician's month (月度考核), worked out from the repair orders:
 * <ul>
 * <li>jobs finished in the month, the hours sold on them (the job's hours) and the hours clocked (start to finish,
 *     pauses included), and hours sold per hour clocked;</li>
 * <li>first-time quality-check pass rate: of the technician's jobs on orders whose first quality check was in the
 *     month, those the inspector never sent back (no quality finding);</li>
 * <li>rework: orders opened in the month as rework of an earlier order on which the technician did a job (one per
 *     rework order, whoever did the rework).</li>
 * </ul>
 * A job counts for the technician it was finished by (after a re-dispatch, the last one).
 */
public record TechnicianEvaluation(String employeeId, String name, long jobsFinished, BigDecimal hoursSold, BigDecimal hoursClocked,
                                   BigDecimal hoursSoldPerHourClocked, long qualityChecked, long firstTimePassed,
                                   BigDecimal firstTimePassRate, long reworkOrders) {

    public record Month(String month, List<TechnicianEvaluation> technicians) {
    }

    /**
     * @param orders     the orders with a job finished or a first quality check in the month
     * @param reworkedOf the earlier order of each order opened as rework in the month (one entry per rework order)
     */
    public static Month of(YearMonth month, ZoneId zone, List<RepairOrder> orders, List<RepairOrder> reworkedOf) {
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Predicate<Instant> inMonth = t -> t != null && !t.isBefore(start) && t.isBefore(end);
        Map<String, Figures> byTechnician = new TreeMap<>();
        for (RepairOrder o : orders) {
            boolean firstCheckedInMonth = inMonth.test(o.getFirstQualityCheckAt());
            for (Job j : o.getJobs()) {
                if (j.getTechnician() == null || j.getStatus() == JobStatus.DECLINED) {
                    continue;
                }
                Figures f = byTechnician.computeIfAbsent(j.getTechnician().id(), id -> new Figures(j.getTechnician().displayName()));
                if (inMonth.test(j.getFinishedAt())) {
                    f.jobs++;
                    f.sold = f.sold.add(j.getHours());
                    if (j.getStartedAt() != null) {
                        f.clockedMinutes += Duration.between(j.getStartedAt(), j.getFinishedAt()).toMinutes();
                    }
                }
                if (firstCheckedInMonth && j.getFinishedAt() != null) {
                    f.checked++;
                    if (j.getQualityFindings().isEmpty()) {
                        f.passed++;
                    }
                }
            }
        }
        for (RepairOrder earlier : reworkedOf) {
            Set<String> technicians = new HashSet<>();
            earlier.getJobs().stream().filter(j -> j.getTechnician() != null && j.getStatus() != JobStatus.DECLINED)
                    .forEach(j -> {
                        if (technicians.add(j.getTechnician().id())) {
                            byTechnician.computeIfAbsent(j.getTechnician().id(), id -> new Figures(j.getTechnician().displayName()))
                                    .rework++;
                        }
                    });
        }
        List<TechnicianEvaluation> technicians = byTechnician.entrySet().stream().filter(e -> e.getValue().counts()).map(e -> {
            Figures f = e.getValue();
            BigDecimal clocked = BigDecimal.valueOf(f.clockedMinutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
            return new TechnicianEvaluation(e.getKey(), f.name, f.jobs, f.sold, clocked,
                    clocked.signum() == 0 ? null : f.sold.divide(clocked, 2, RoundingMode.HALF_UP), f.checked, f.passed,
                    f.checked == 0 ? null : BigDecimal.valueOf(f.passed).divide(BigDecimal.valueOf(f.checked), 4, RoundingMode.HALF_UP),
                    f.rework);
        }).toList();
        return new Month(month.toString(), technicians);
    }

    private static final class Figures {
        final String name;
        long jobs;
        BigDecimal sold = BigDecimal.ZERO;
        long clockedMinutes;
        long checked;
        long passed;
        long rework;

        Figures(String name) {
            this.name = name;
        }

        boolean counts() {
            return jobs > 0 || checked > 0 || rework > 0;
        }
    }
}
