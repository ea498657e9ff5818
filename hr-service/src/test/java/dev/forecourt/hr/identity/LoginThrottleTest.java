package dev.forecourt.hr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.forecourt.hr.HrProperties;
import dev.forecourt.hr.HrServiceTestBase;

/** The login throttle's rules against the real store, with a clock the test moves. */
class LoginThrottleTest extends HrServiceTestBase {

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

    private LoginThrottle throttle() {
        return new LoginThrottle(mongo, clock, properties);
    }

    @Test
    void theHoldStartsAtTheFifthFailureAndDoublesWithEveryFurtherOne() {
        LoginThrottle throttle = throttle();
        assertThat(throttle.delayAfter(4)).isZero();
        assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(6)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delayAfter(7)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.delayAfter(40)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aGuesserFromOneAddressWaitsLongerAndLongerButOnlyForAWhile() {
        // an address no other test here fails from: their clocks start at the same instant in the same store
        String address = "198.51.100.200";
        LoginThrottle throttle = throttle();
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.recordFailure(unique("user"), address)).as("failure " + i).isEmpty();
        }
        assertThat(throttle.recordFailure(unique("user"), address)).map(LoginThrottle.Hold::until)
                .contains(clock.instant().plusSeconds(2));
        assertThat(throttle.holdOn(unique("anyone"), address)).map(LoginThrottle.Hold::reason).contains("address");

        clock.advance(Duration.ofSeconds(3));
        assertThat(throttle.holdOn(unique("anyone"), address)).isEmpty();
        assertThat(throttle.recordFailure(unique("user"), address)).map(LoginThrottle.Hold::until)
                .contains(clock.instant().plusSeconds(4));
    }

    @Test
    void fiveAnonymousFailuresDoNotHoldBackTheUserAtHerOwnDesk() {
        String username = unique("victim");
        LoginThrottle throttle = throttle();
        throttle.recordSuccess(username, "203.0.113.10");
        for (int i = 1; i <= 5; i++) {
            throttle.recordFailure(username, "198.51.100." + i);
        }

        assertThat(throttle.holdOn(username, "203.0.113.10")).isEmpty();
        assertThat(throttle.holdOn(username, "198.51.100.99")).map(LoginThrottle.Hold::reason).contains("username");
        assertThat(throttle.unlock(username)).isTrue();
        assertThat(throttle.holdOn(username, "198.51.100.99")).isEmpty();
    }

    @Test
    void anExemptAddressIsNotHeldBackButTheUsernamesItGuessesAre() {
        HrProperties.Identity i = properties.identity();
        HrProperties exempting = new HrProperties(new HrProperties.Identity(i.accessTokenTtl(), i.refreshTokenTtl(), i.loginThrottleThreshold(),
                i.loginThrottleBaseDelay(), i.loginThrottleMaxDelay(), i.loginThrottleWindow(), List.of("203.0.113.0/24", ""),
                i.keyRotationPeriod(), i.passwordHashStrength(), i.keyEncryptionKey(), i.devKeyEncryptionKey(), i.requireKeyEncryptionKey()),
                properties.serviceAccounts());
        LoginThrottle throttle = new LoginThrottle(mongo, clock, exempting);
        String username = unique("rig");
        for (int n = 1; n <= 4; n++) {
            throttle.recordFailure(unique("other"), "203.0.113.77");
            throttle.recordFailure(unique("other"), "127.0.0.9");
        }

        assertThat(throttle.recordFailure(unique("other"), "203.0.113.77")).isEmpty();
        assertThat(throttle.recordFailure(unique("other"), "127.0.0.9")).as("an empty entry exempts nothing").isPresent();
        for (int n = 1; n <= 5; n++) {
            throttle.recordFailure(username, "203.0.113.77");
        }
        assertThat(throttle.holdOn(username, "203.0.113.78")).map(LoginThrottle.Hold::reason).contains("username");
    }

    @Test
    void wrongPasswordsFarApartDoNotAddUp() {
        String username = unique("forgetful");
        LoginThrottle throttle = throttle();
        for (int i = 1; i <= 4; i++) {
            throttle.recordFailure(username, "192.0.2." + i);
        }
        clock.advance(Duration.ofMinutes(16));

        assertThat(throttle.recordFailure(username, "192.0.2.5")).isEmpty();
        assertThat(throttle.holdOn(username, "192.0.2.6")).isEmpty();
    }
}
