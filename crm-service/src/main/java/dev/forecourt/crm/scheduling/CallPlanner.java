package dev.forecourt.crm.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.forecourt.crm.config.CrmProperties;

/**
 * The store's call-window policy: a callback is only ever due inside a call window, on a call day,
 * in the store's time zone (never the server's). Pure and deterministic, so it is unit-tested with
 * plain instants.
 */
public final class CallPlanner {

    /** Far enough to cross any holiday-free week; a store with no call day at all is a configuration error. */
    private static final int SEARCH_DAYS = 62;

    private final ZoneId zone;
    private final List<LocalTime[]> windows;
    private final Set<DayOfWeek> callDays;
    private final Duration minimumCallTime;

    public CallPlanner(ZoneId zone, List<LocalTime[]> windows, Set<DayOfWeek> callDays, Duration minimumCallTime) {
        if (windows.isEmpty() || callDays.isEmpty()) {
            throw new IllegalArgumentException("A store needs at least one call window and one call day");
        }
        List<LocalTime[]> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(w -> w[0]));
        for (LocalTime[] window : sorted) {
            if (!window[0].isBefore(window[1])) {
                throw new IllegalArgumentException("A call window must end after it starts: " + window[0] + "-" + window[1]);
            }
        }
        this.zone = zone;
        this.windows = List.copyOf(sorted);
        this.callDays = Set.copyOf(callDays);
        this.minimumCallTime = minimumCallTime;
    }

    public static CallPlanner of(ZoneId zone, CrmProperties crm) {
        return new CallPlanner(zone, crm.callWindows().stream().map(CrmProperties::parseWindow).toList(),
                crm.callDays(), crm.minimumCallTime());
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * A follow-up after a delivery or a handover: from the next day on, because the customer needs
     * at least an evening with the car to judge the work, and a call while they are still driving
     * home reaches nobody. A handover at 17:55 on Friday is therefore due Saturday 10:00 (or
     * Monday 10:00 when Saturday is not a call day).
     */
    public CallSlot followUp(Instant event) {
        return firstSlotFrom(startOfNextDay(event), -1);
    }

    /**
     * A follow-up that must happen within a deadline: the next-day rule above, unless the call days
     * leave no window before the deadline (e.g. a Monday–Friday store and a Friday-night handover
     * with a 3-day limit); then a later window of the event's own day is better than a late call.
     */
    public CallSlot followUp(Instant event, Duration within) {
        CallSlot nextDay = followUp(event);
        if (!nextDay.start().isAfter(event.plus(within))) {
            return nextDay;
        }
        CallSlot sameDay = firstSlotFrom(event.plus(minimumCallTime), -1);
        return sameDay.start().isBefore(nextDay.start()) ? sameDay : nextDay;
    }

    /** The first usable slot at or after {@code notBefore}: a window still open for at least the minimum call time. */
    public CallSlot firstSlotFrom(Instant notBefore) {
        return firstSlotFrom(notBefore, -1);
    }

    /** A reminder planned for a day (e.g. 14 days before maintenance): the first window of that day or later. */
    public CallSlot onOrAfter(LocalDate day, Instant now) {
        Instant start = day.atStartOfDay(zone).toInstant();
        return firstSlotFrom(start.isAfter(now) ? start : now, -1);
    }

    /**
     * The next attempt after the customer was not reached: on a later day (the rule asks for
     * different days), and preferably in the other window than last time, since a customer who
     * works mornings is not reached by calling every morning.
     */
    public CallSlot retryAfter(CallSlot previous, Instant attemptedAt) {
        LocalDate attemptDay = LocalDate.ofInstant(attemptedAt, zone);
        LocalDate after = attemptDay.isAfter(previous.day()) ? attemptDay : previous.day();
        Instant from = after.plusDays(1).atStartOfDay(zone).toInstant();
        return firstSlotFrom(from, windows.size() > 1 ? previous.window() : -1);
    }

    /** True when the instant lies inside a window of a call day. */
    public boolean isInsideWindow(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (!callDays.contains(local.getDayOfWeek())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return windows.stream().anyMatch(w -> !time.isBefore(w[0]) && time.isBefore(w[1]));
    }

    private CallSlot firstSlotFrom(Instant notBefore, int avoidWindow) {
        LocalDate day = LocalDate.ofInstant(notBefore, zone);
        CallSlot fallback = null;
        for (int d = 0; d < SEARCH_DAYS; d++, day = day.plusDays(1)) {
            if (!callDays.contains(day.getDayOfWeek())) {
                continue;
            }
            for (int i = 0; i < windows.size(); i++) {
                Instant start = day.atTime(windows.get(i)[0]).atZone(zone).toInstant();
                Instant end = day.atTime(windows.get(i)[1]).atZone(zone).toInstant();
                if (Duration.between(notBefore.isAfter(start) ? notBefore : start, end).compareTo(minimumCallTime) < 0) {
                    continue;
                }
                CallSlot slot = new CallSlot(notBefore.isAfter(start) ? notBefore : start, end, day, i);
                if (i != avoidWindow) {
                    return slot;
                }
                if (fallback == null) {
                    fallback = slot;
                }
            }
            if (fallback != null) {
                // Only the avoided window was left on this day: a different day matters more than a different window.
                return fallback;
            }
        }
        throw new IllegalStateException("No call window within " + SEARCH_DAYS + " days of " + notBefore);
    }

    private Instant startOfNextDay(Instant instant) {
        return LocalDate.ofInstant(instant, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }
}
