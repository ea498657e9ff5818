package dev.forecourt.crm.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CallPlannerTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<LocalTime[]> WINDOWS = List.of(
            new LocalTime[] {LocalTime.of(10, 0), LocalTime.of(12, 0)},
            new LocalTime[] {LocalTime.of(15, 0), LocalTime.of(18, 0)});
    static final Set<DayOfWeek> MONDAY_TO_SATURDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** Friday 2026-11-20, 17:55 in Shanghai. */
    static final Instant FRIDAY_1755 = OffsetDateTime.parse("2026-11-20T17:55:00+08:00").toInstant();

    static CallPlanner planner(ZoneId zone, Set<DayOfWeek> days) {
        return new CallPlanner(zone, WINDOWS, days, Duration.ofMinutes(15));
    }

    @Test
    void aHandoverAt1755OnFridayIsDueSaturdayMorningWhenSaturdayIsACallDay() {
        CallSlot slot = planner(SHANGHAI, MONDAY_TO_SATURDAY).followUp(FRIDAY_1755);

        assertThat(slot.start()).isEqualTo(OffsetDateTime.parse("2026-11-21T10:00:00+08:00").toInstant());
        assertThat(slot.end()).isEqualTo(OffsetDateTime.parse("2026-11-21T12:00:00+08:00").toInstant());
        assertThat(slot.day().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void aHandoverAt1755OnFridayIsDueMondayMorningWhenWeekendsAreNotCallDays() {
        CallSlot slot = planner(SHANGHAI, WEEKDAYS).followUp(FRIDAY_1755);

        assertThat(slot.start()).isEqualTo(OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant());
        assertThat(Duration.between(FRIDAY_1755, slot.start())).isLessThan(Duration.ofDays(3));
    }

    @Test
    void theStoresZoneNotUtcDecidesWhichDayAnEventBelongsTo() {
        // 16:30 UTC on Friday is already 00:30 on Saturday in Shanghai: the follow-up is due Monday
        // (Sunday is no call day), where a UTC calendar would have said Saturday.
        Instant fridayEveningUtc = Instant.parse("2026-11-20T16:30:00Z");

        CallSlot slot = planner(SHANGHAI, MONDAY_TO_SATURDAY).followUp(fridayEveningUtc);

        assertThat(slot.start()).isEqualTo(OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant());
    }

    @Test
    void aStoreInAnotherZoneGetsWindowsInItsOwnLocalTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        CallSlot slot = planner(berlin, MONDAY_TO_SATURDAY).followUp(FRIDAY_1755);

        // 17:55 Shanghai is 10:55 Friday in Berlin; next day 10:00 Berlin (CET, +01:00).
        assertThat(slot.start()).isEqualTo(OffsetDateTime.parse("2026-11-21T10:00:00+01:00").toInstant());
        assertThat(planner(berlin, MONDAY_TO_SATURDAY).isInsideWindow(slot.start())).isTrue();
        assertThat(slot.start()).isNotEqualTo(planner(SHANGHAI, MONDAY_TO_SATURDAY).followUp(FRIDAY_1755).start());
    }

    @Test
    void aWindowWithLessThanTheMinimumCallTimeLeftIsSkipped() {
        CallPlanner planner = planner(SHANGHAI, MONDAY_TO_SATURDAY);

        CallSlot fiveMinutesLeft = planner.firstSlotFrom(FRIDAY_1755);
        CallSlot plentyLeft = planner.firstSlotFrom(OffsetDateTime.parse("2026-11-20T16:00:00+08:00").toInstant());

        assertThat(fiveMinutesLeft.start()).isEqualTo(OffsetDateTime.parse("2026-11-21T10:00:00+08:00").toInstant());
        assertThat(plentyLeft.start()).isEqualTo(OffsetDateTime.parse("2026-11-20T16:00:00+08:00").toInstant());
        assertThat(plentyLeft.end()).isEqualTo(OffsetDateTime.parse("2026-11-20T18:00:00+08:00").toInstant());
    }

    @Test
    void anUnansweredMorningCallIsRetriedOnAnotherDayInTheAfternoon() {
        CallPlanner planner = planner(SHANGHAI, MONDAY_TO_SATURDAY);
        CallSlot monday = planner.firstSlotFrom(OffsetDateTime.parse("2026-11-23T09:00:00+08:00").toInstant());
        Instant triedAt = OffsetDateTime.parse("2026-11-23T10:20:00+08:00").toInstant();

        CallSlot retry = planner.retryAfter(monday, triedAt);

        assertThat(retry.start()).isEqualTo(OffsetDateTime.parse("2026-11-24T15:00:00+08:00").toInstant());
        CallSlot third = planner.retryAfter(retry, OffsetDateTime.parse("2026-11-24T15:10:00+08:00").toInstant());
        assertThat(third.start()).isEqualTo(OffsetDateTime.parse("2026-11-25T10:00:00+08:00").toInstant());
    }

    @Test
    void everyPlannedSlotLiesInsideAWindowOfACallDay() {
        CallPlanner planner = planner(SHANGHAI, WEEKDAYS);
        Instant event = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 24 * 14; i++) {
            Instant at = event.plus(Duration.ofMinutes(37L * i));
            CallSlot slot = planner.followUp(at);
            assertThat(planner.isInsideWindow(slot.start())).as("follow-up of %s", at).isTrue();
            assertThat(Duration.between(at, slot.start())).as("follow-up of %s", at).isLessThanOrEqualTo(Duration.ofDays(4));
        }
    }

    @Test
    void whenTheNextDayRuleWouldMissTheDeadlineTheEventsOwnDayIsUsed() {
        // Monday–Friday store, 3-day limit, handover Friday 09:00: Monday 10:00 would be 3 days and 1 hour later.
        Instant fridayMorning = OffsetDateTime.parse("2026-11-20T09:00:00+08:00").toInstant();

        CallSlot slot = planner(SHANGHAI, WEEKDAYS).followUp(fridayMorning, Duration.ofDays(3));

        assertThat(slot.start()).isEqualTo(OffsetDateTime.parse("2026-11-20T10:00:00+08:00").toInstant());
        assertThat(planner(SHANGHAI, WEEKDAYS).followUp(FRIDAY_1755, Duration.ofDays(3)).start())
                .isEqualTo(OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant());
    }
}
