package dev.forecourt.workshop.parts;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.forecourt.workshop.parts.PartsClient.ReservationRequest;
import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls parts-service under Resilience4j: the Feign read timeout bounds each attempt, Retry backs
 * off between attempts and the circuit breaker stops calling a service that keeps failing. The
 * retry wraps the breaker, and "unavailable" is the answer after the last attempt. (Decorated in
 * code rather than with Resilience4j's annotations: their AspectJ aspects matched every bean of
 * the context against their pointcuts at start-up, seconds of CPU.) A 409 (too little stock) is an answer, not a failure: it is neither retried nor
 * counted by the breaker; neither is another 4xx about the request itself (e.g. an unknown
 * part number), which the line records as REJECTED.
 */
@Component
class PartsReservations {

    static final String BREAKER = "parts";
    private static final Logger log = LoggerFactory.getLogger(PartsReservations.class);

    private final PartsClient parts;
    private final ServiceAccountToken token;
    private final JsonMapper json;
    private final Retry retry;
    private final CircuitBreaker breaker;

    PartsReservations(PartsClient parts, ServiceAccountToken token, JsonMapper json, RetryRegistry retries,
                      CircuitBreakerRegistry breakers) {
        this.parts = parts;
        this.token = token;
        this.json = json;
        this.retry = retries.retry(BREAKER);
        this.breaker = breakers.circuitBreaker(BREAKER);
    }

    public ReservationOutcome reserve(ReservationRequest request) {
        Supplier<ReservationOutcome> call = () -> call(request);
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
        } catch (RuntimeException failure) {
            return unavailable(request, failure);
        }
    }

    private ReservationOutcome call(ReservationRequest request) {
        try {
            PartsClient.Reservation reservation = parts.reserve(request);
            return new ReservationOutcome.Reserved(reservation.reservationId(), reservation.unitPrice());
        } catch (FeignException.Conflict e) {
            return new ReservationOutcome.Insufficient(available(e), unitPrice(e));
        } catch (FeignException.Unauthorized e) {
            token.forget();
            throw e;
        } catch (FeignException e) {
            if (isRefusal(e.status())) {
                return new ReservationOutcome.Rejected(e.status() + " " + abbreviate(e.contentUTF8()));
            }
            throw e;
        }
    }

    private static ReservationOutcome unavailable(ReservationRequest request, RuntimeException cause) {
        log.warn("Parts line {} of {} stays pending: {}", request.lineId(), request.repairOrderId(), cause.toString());
        return new ReservationOutcome.Unavailable(cause.getClass().getSimpleName());
    }

    /** 4xx answers about the request itself; 401/403 (token), 408 and 429 (load) may pass on a later try. */
    private static boolean isRefusal(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
    }

    /** parts-service may name the catalogue price in its "too little stock" answer too. */
    private dev.forecourt.platform.money.Money unitPrice(FeignException.Conflict e) {
        try {
            var price = json.readTree(e.contentUTF8()).path("unitPrice");
            if (price.path("amount").isNumber() && price.path("currency").isString()) {
                return new dev.forecourt.platform.money.Money(price.path("amount").decimalValue(), price.path("currency").asString());
            }
            return null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private int available(FeignException.Conflict e) {
        try {
            return json.readTree(e.contentUTF8()).path("available").asInt(0);
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }
}
