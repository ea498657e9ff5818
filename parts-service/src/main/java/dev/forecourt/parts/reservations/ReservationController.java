package dev.forecourt.parts.reservations;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/reservations")
@Tag(name = "Reservations", description = "Stock set aside for repair-order lines")
class ReservationController {

    record ReleaseRequest(@Size(max = 200) String reason) {
    }

    private final Reservations reservations;

    ReservationController(Reservations reservations) {
        this.reservations = reservations;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:reserve')")
    @Operation(summary = "Reserve for a repair-order line: 201 new, 200 when the line already has it, 409 stock-insufficient",
            operationId = "reserveParts")
    @ApiResponse(responseCode = "201", description = "Reserved now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReservationView.class)))
    @ApiResponse(responseCode = "200", description = "The line already had this reservation (a retry)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReservationView.class)))
    ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReservationRequest request, Actor actor) {
        Reservations.Outcome outcome = reservations.reserve(request, actor);
        ReservationView view = outcome.reservation();
        URI location = URI.create("/api/v1/reservations/" + view.reservationId());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).location(location).body(view);
    }

    @PostMapping("/{id}/release")
    @PreAuthorize("hasAuthority('parts:reserve')")
    @Operation(summary = "Give the reserved stock back", operationId = "releaseReservation")
    ReservationView release(@PathVariable String id, @Valid @RequestBody(required = false) ReleaseRequest request, Actor actor) {
        String reason = request == null || request.reason() == null ? "released" : request.reason();
        return reservations.release(id, reason, actor);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "One reservation", operationId = "getReservation")
    ReservationView get(@PathVariable String id) {
        return reservations.get(id);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "The reservations of a repair order", operationId = "listReservationsOfRepairOrder")
    List<ReservationView> ofRepairOrder(@RequestParam @Size(min = 1, max = 64) String repairOrderId) {
        return reservations.ofRepairOrder(repairOrderId);
    }
}
