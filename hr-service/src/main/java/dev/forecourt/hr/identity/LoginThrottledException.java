package dev.forecourt.hr.identity;

import java.time.Instant;

/** Too many wrong passwords from this address or for this username: held back until {@link #until()}. Answered 429 with Retry-After. */
class LoginThrottledException extends RuntimeException {

    private final Instant until;

    LoginThrottledException(Instant until) {
        super("Too many failed logins; try again later");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
