package dev.forecourt.workshop.parts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.forecourt.workshop.parts.PartsClient.ReservationRequest;
import feign.FeignException;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls parts-service under Resilience4j: the Feign read timeout bounds each attempt, Retry backs
 * off between attempts and the circuit breaker stops calling a service that keeps failing. The
 * fallback sits on {@code @Retry}, the outermost aspect, so retries happen before it answers
 * "unavailable". A 409 (too little stock) is an answer, not a failure: it is neither retried nor
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

    PartsReservations(PartsClient parts, ServiceAccountToken token, JsonMapper json) {
        this.parts = parts;
        this.token = token;
        this.json = json;
    }

    @Retry(name = BREAKER, fallbackMethod = "unavailable")
    @CircuitBreaker(name = BREAKER)
    public ReservationOutcome reserve(ReservationRequest request) {
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

    ReservationOutcome unavailable(ReservationRequest request, Throwable cause) {
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
