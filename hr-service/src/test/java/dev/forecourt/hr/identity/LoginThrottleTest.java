package dev.forecourt.hr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.forecourt.hr.HrProperties;
import dev.forecourt.hr.HrServiceTestBase;

/** The lockout rules against the real store, with a clock the test moves. */
class LoginAttemptsTest extends HrServiceTestBase {

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HrProperties properties;

    private final MovableClock clock = new MovableClock();

    private LoginAttempts attempts() {
        return new LoginAttempts(mongo, clock, properties);
    }

    @Test
    void theFifthWrongPasswordInARowLocksForTheLockoutPeriodOnly() {
        String username = unique("guess");
        LoginAttempts attempts = attempts();
        for (int i = 1; i <= 4; i++) {
            assertThat(attempts.recordFailure(username)).as("failure " + i).isEmpty();
        }

        assertThat(attempts.recordFailure(username)).contains(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(attempts.lockedUntil(username)).isPresent();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(attempts.lockedUntil(username)).isEmpty();
    }

    @Test
    void wrongPasswordsFarApartDoNotAddUp() {
        String username = unique("forgetful");
        LoginAttempts attempts = attempts();
        for (int i = 1; i <= 4; i++) {
            attempts.recordFailure(username);
        }
        clock.advance(Duration.ofMinutes(16));

        assertThat(attempts.recordFailure(username)).isEmpty();
        assertThat(attempts.lockedUntil(username)).isEmpty();
    }
}
