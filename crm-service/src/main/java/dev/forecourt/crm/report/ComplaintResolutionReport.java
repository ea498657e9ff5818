package dev.forecourt.crm.report;

import java.time.LocalDate;
import java.util.List;

/**
 * How the complaints opened in a period were handled: the monthly complaint resolution report,
 * due on the 3rd of the following month, for any date range.
 *
 * @param dueOn            the 3rd of the month after the period
 * @param resolvedOnTime   resolved by their due date
 * @param verifiedClosed   closed because the verifying callback found the customer satisfied
 * @param reopened         reopened at least once because the customer rejected the resolution
 * @param stillOpen        open or resolved-but-not-closed today
 * @param overdue          open and past their due date today
 * @param averageHoursToResolve from opening to the (latest) resolution; null when none was resolved
 */
public record ComplaintResolutionReport(Period period, LocalDate dueOn, Counts total, List<DepartmentRow> departments) {

    public record Counts(long opened, long major, long normal, long resolved, long resolvedOnTime, long closed,
                         long verifiedClosed, long reopened, long stillOpen, long overdue, Double averageHoursToResolve) {
    }

    public record DepartmentRow(String department, Counts counts) {
    }
}
