package dev.forecourt.workshop.parts;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** parts-service's reservation API (docs/service-guide.md): idempotent per repair order and line. */
@FeignClient(name = "parts", url = "${forecourt.peers.parts.url:http://localhost:8084}",
        configuration = ServiceAccountAuthorization.class)
interface PartsClient {

    record ReservationRequest(String repairOrderId, String lineId, String partNumber, int quantity) {
    }

    /**
     * The reservation as parts-service answers it (its {@code ReservationView}: the id is
     * {@code reservationId}, derived from repair order and line); {@code unitPrice} is the part's
     * catalogue retail price, which the parts line takes.
     */
    record Reservation(String reservationId, dev.forecourt.platform.money.Money unitPrice) {
    }

    @PostMapping("/api/v1/reservations")
    Reservation reserve(@RequestBody ReservationRequest request);
}
