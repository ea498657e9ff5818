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
 * 429 {@code login-throttled} with {@code Retry-After}: the platform's problems cannot carry response
 * headers, so this one is answered here, in the same problem+json shape.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoginThrottledAdvice {

    private final Clock clock;

    LoginThrottledAdvice(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        long seconds = Math.max(1, Duration.between(clock.instant(), e.until()).toSeconds() + 1);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed logins; try again in " + seconds + " s");
        body.setType(ProblemTypes.uri("login-throttled"));
        body.setTitle("Too many failed logins");
        body.setProperty("retryAt", e.until().toString());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
