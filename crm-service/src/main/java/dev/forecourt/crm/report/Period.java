package dev.forecourt.crm.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A report period in the store's calendar: a week runs Monday to Sunday, a month from the 1st;
 * {@code from} inclusive, {@code to} exclusive, both as store-local dates.
 */
public record Period(String label, LocalDate from, LocalDate to) {

    public static Period weekOf(LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period("week of " + monday, monday, monday.plusWeeks(1));
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return to.atStartOfDay(zone).toInstant();
    }
}
