package dev.forecourt.crm.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final QuietHours NIGHT = QuietHours.parse("21:00-08:00", ZoneId.of("Asia/Shanghai"));

    static Instant shanghai(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    @Test
    void aMessageInTheEveningWaitsForTheMorningAndOneAfterMidnightForThatMorning() {
        assertThat(NIGHT.nextAllowed(shanghai("2026-11-20T22:30:00"))).isEqualTo(shanghai("2026-11-21T08:00:00"));
        assertThat(NIGHT.nextAllowed(shanghai("2026-11-21T02:00:00"))).isEqualTo(shanghai("2026-11-21T08:00:00"));
        assertThat(NIGHT.nextAllowed(shanghai("2026-11-21T08:00:00"))).isEqualTo(shanghai("2026-11-21T08:00:00"));
        assertThat(NIGHT.contains(shanghai("2026-11-21T20:59:00"))).isFalse();
        assertThat(NIGHT.contains(shanghai("2026-11-21T21:00:00"))).isTrue();
    }

    @Test
    void quietHoursWithinOneDayWork() {
        QuietHours lunch = QuietHours.parse("12:00-13:30", ZoneId.of("Asia/Shanghai"));
        assertThat(lunch.nextAllowed(shanghai("2026-11-21T12:10:00"))).isEqualTo(shanghai("2026-11-21T13:30:00"));
        assertThat(lunch.contains(shanghai("2026-11-21T11:59:00"))).isFalse();
    }
}
