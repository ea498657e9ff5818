package dev.forecourt.hr.identity;

import java.time.Instant;

/** Too many wrong passwords: the username is locked until {@link #until()}. Answered 429 with Retry-After. */
class AccountLockedException extends RuntimeException {

    private final Instant until;

    AccountLockedException(Instant until) {
        super("Too many failed logins; try again later");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
