package dev.forecourt.crm.message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The hours of the store's day in which no message is sent (e.g. 21:00–08:00, wrapping midnight). */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    public static QuietHours parse(String hours, ZoneId zone) {
        String[] parts = hours.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Quiet hours look like 21:00-08:00: " + hours);
        }
        return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()), zone);
    }

    public boolean contains(Instant at) {
        LocalTime time = at.atZone(zone).toLocalTime();
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
    }

    /** {@code at} itself outside quiet hours, else the moment they end. */
    public Instant nextAllowed(Instant at) {
        if (!contains(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate endDay = from.isBefore(to) || local.toLocalTime().isBefore(to) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return endDay.atTime(to).atZone(zone).toInstant();
    }
}
