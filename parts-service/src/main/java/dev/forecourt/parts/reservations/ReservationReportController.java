package dev.forecourt.parts.reservations;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Reservations", description = "Stock set aside for repair-order lines")
class ReservationReportController {

    private final StaleReservations stale;

    ReservationReportController(StaleReservations stale) {
        this.stale = stale;
    }

    @GetMapping("/api/v1/parts-reports/stale-reservations")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "Reservations holding stock whose repair order is unknown, handed over or cancelled, oldest first",
            operationId = "reportStaleReservations")
    Page<StaleReservations.StaleReservation> list(@Valid @ParameterObject Paging paging) {
        return Page.of(stale.list(), paging);
    }
}
