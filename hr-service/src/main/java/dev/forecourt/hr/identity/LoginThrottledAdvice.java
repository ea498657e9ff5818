package dev.forecourt.hr.identity;

import java.time.Clock;
import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.forecourt.platform.errors.ProblemTypes;

/**
 * 429 with {@code Retry-After}: the platform's ProblemException cannot carry response headers, so
 * this one problem is answered here, in the same problem+json shape.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountLockedAdvice {

    private final Clock clock;

    AccountLockedAdvice(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(AccountLockedException.class)
    ResponseEntity<ProblemDetail> locked(AccountLockedException e) {
        long seconds = Math.max(1, Duration.between(clock.instant(), e.until()).toSeconds() + 1);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed logins; this account is locked for " + seconds + " s");
        body.setType(ProblemTypes.uri("account-locked"));
        body.setTitle("Account locked");
        body.setProperty("lockedUntil", e.until().toString());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
