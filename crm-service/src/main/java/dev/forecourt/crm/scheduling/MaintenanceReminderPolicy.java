package dev.forecourt.crm.scheduling;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import dev.forecourt.crm.config.CrmProperties;

/**
 * When to remind a customer of the next maintenance: whichever comes first of the time limit and
 * the distance limit, minus the reminder lead (14 days, or 1,000 km at the vehicle's average
 * usage). Without two odometer readings the usage is unknown and only time counts.
 */
public final class MaintenanceReminderPolicy {

    private final CrmProperties.Maintenance rules;

    public MaintenanceReminderPolicy(CrmProperties.Maintenance rules) {
        this.rules = rules;
    }

    public enum Kind { FIRST, SCHEDULED }

    public enum Basis { TIME, DISTANCE }

    /** The next maintenance and when to call about it. */
    public record MaintenanceDue(Kind kind, LocalDate dueOn, Integer dueAtKm, LocalDate remindOn, Basis basis) {
    }

    /**
     * @param kind         first maintenance after delivery, or scheduled maintenance after a visit
     * @param model        the model, for per-model intervals
     * @param fromDate     delivery date (first) or the last visit's date (scheduled)
     * @param fromKm       odometer on that date
     * @param kmPerDay     average usage, or null when not known yet
     */
    public MaintenanceDue next(Kind kind, String model, LocalDate fromDate, int fromKm, Double kmPerDay) {
        CrmProperties.ModelMaintenance intervals = rules.forModel(model);
        int months = kind == Kind.FIRST ? intervals.firstMonths() : intervals.intervalMonths();
        int km = kind == Kind.FIRST ? intervals.firstKm() : intervals.intervalKm();
        LocalDate dueByTime = fromDate.plusMonths(months);
        LocalDate remindByTime = dueByTime.minusDays(rules.reminderDays());
        int dueAtKm = fromKm + km;
        if (kmPerDay == null || kmPerDay <= 0) {
            return new MaintenanceDue(kind, dueByTime, dueAtKm, remindByTime, Basis.TIME);
        }
        LocalDate dueByDistance = fromDate.plusDays((long) Math.ceil(km / kmPerDay));
        LocalDate remindByDistance = fromDate.plusDays((long) Math.max(0, Math.floor((km - rules.reminderKm()) / kmPerDay)));
        if (dueByDistance.isBefore(dueByTime)) {
            return new MaintenanceDue(kind, dueByDistance, dueAtKm, remindByDistance, Basis.DISTANCE);
        }
        return new MaintenanceDue(kind, dueByTime, dueAtKm, remindByTime, Basis.TIME);
    }

    /** Average km per day between two readings; null when they are too close to say anything (under 30 days). */
    public static Double usage(LocalDate firstDate, int firstKm, LocalDate lastDate, int lastKm) {
        long days = ChronoUnit.DAYS.between(firstDate, lastDate);
        if (days < 30 || lastKm <= firstKm) {
            return null;
        }
        return (lastKm - firstKm) / (double) days;
    }
}
