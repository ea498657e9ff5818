package dev.forecourt.claims.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;

/**
 * Sends a submission to the OEM with Resilience4j around it: a few quick retries with backoff for
 * a blip, a circuit breaker (instance {@code oem}, state in {@code /actuator/prometheus}) so a
 * down OEM is not hammered, and a defined answer instead of an exception when it is down: the
 * claim then stays SUBMISSION_PENDING for the resender.
 */
@Component
public class OemClaimsGateway {

    private static final Logger log = LoggerFactory.getLogger(OemClaimsGateway.class);

    private final OemClaimsClient client;

    OemClaimsGateway(OemClaimsClient client) {
        this.client = client;
    }

    // fallbackMethod sits on @Retry, the outermost aspect: on the circuit breaker it would stop the retries.
    @Retry(name = "oem", fallbackMethod = "notDelivered")
    @CircuitBreaker(name = "oem")
    public SubmissionOutcome submit(String idempotencyKey, OemClaimSubmission submission) {
        OemReceipt receipt = client.submit(idempotencyKey, submission);
        return SubmissionOutcome.delivered(receipt == null ? null : receipt.oemReference());
    }

    SubmissionOutcome notDelivered(String idempotencyKey, OemClaimSubmission submission, Throwable cause) {
        String failure = cause instanceof CallNotPermittedException
                ? "the OEM is unavailable (circuit open)"
                : cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
        log.warn("Claim {} not delivered to the OEM, it stays queued: {}", idempotencyKey, failure);
        return SubmissionOutcome.notDelivered(failure);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
