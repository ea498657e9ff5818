package dev.forecourt.claims.submission;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a submission to the OEM with Resilience4j around it: a few quick retries with backoff for
 * a blip, a circuit breaker (instance {@code oem}, state in {@code /actuator/prometheus}) so a
 * down OEM is not hammered, and a defined answer instead of an exception when it is down: the
 * claim then stays SUBMISSION_PENDING for the resender. A refusal of the claim itself (a 4xx other
 * than 408 and 429) is an answer, not a failure: it is neither retried nor counted by the breaker.
 * The retry wraps the breaker (each attempt asks it), and the answer for a failure comes after the
 * last attempt. Decorated in code rather than with Resilience4j's annotations: their AspectJ
 * aspects matched every bean of the context against their pointcuts at start-up (seconds of CPU).
 */
@Component
public class OemClaimsGateway {

    private static final Logger log = LoggerFactory.getLogger(OemClaimsGateway.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OemClaimsClient client;
    private final Retry retry;
    private final CircuitBreaker breaker;

    OemClaimsGateway(OemClaimsClient client, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        this.client = client;
        this.retry = retries.retry("oem");
        this.breaker = breakers.circuitBreaker("oem");
    }

    public SubmissionOutcome submit(String idempotencyKey, OemClaimSubmission submission) {
        Supplier<SubmissionOutcome> send = () -> send(idempotencyKey, submission);
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, send)).get();
        } catch (RuntimeException failure) {
            return notDelivered(idempotencyKey, failure);
        }
    }

    private SubmissionOutcome send(String idempotencyKey, OemClaimSubmission submission) {
        try {
            OemReceipt receipt = client.submit(idempotencyKey, submission);
            return new SubmissionOutcome.Delivered(receipt == null ? null : receipt.oemReference());
        } catch (FeignException answered) {
            if (!isRefusal(answered.status())) {
                throw answered;
            }
            SubmissionOutcome.Refused refused = refusal(answered.status(), answered.contentUTF8());
            log.warn("The OEM refused claim {} (HTTP {}): {}", idempotencyKey, refused.httpStatus(), refused.reason());
            return refused;
        }
    }

    private static SubmissionOutcome notDelivered(String idempotencyKey, RuntimeException cause) {
        String failure = cause instanceof CallNotPermittedException
                ? "the OEM is unavailable (circuit open)"
                : cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
        log.warn("Claim {} not delivered to the OEM, it stays queued: {}", idempotencyKey, failure);
        return new SubmissionOutcome.NotDelivered(failure);
    }

    /** A 4xx says the OEM will not take this claim as sent; 408 (timeout) and 429 (slow down) say try again later. */
    static boolean isRefusal(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    /**
     * Reads the OEM's reason from its answer: problem+json ({@code detail}, {@code title}) or the
     * OEM's own {@code {code|reasonCode, message|error}}; otherwise the body's first line.
     */
    static SubmissionOutcome.Refused refusal(int status, String body) {
        String code = null;
        String reason = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode answer = JSON.readTree(body);
                code = text(answer, "reasonCode", "code");
                reason = text(answer, "message", "detail", "error", "title");
            } catch (RuntimeException notJson) {
                reason = firstLine(body);
            }
        }
        return new SubmissionOutcome.Refused(status, code, reason == null || reason.isBlank() ? "HTTP " + status : firstLine(reason));
    }

    private static String text(JsonNode node, String... names) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
