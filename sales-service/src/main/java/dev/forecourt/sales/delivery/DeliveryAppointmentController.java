package dev.forecourt.sales.delivery;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.web.Versioned;
import dev.forecourt.sales.customers.Customer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/delivery-appointments")
@Tag(name = "Delivery appointments", description = "The showroom supervisor schedules when each car is handed over (交车预约)")
class DeliveryAppointmentController {

    record Schedule(@NotBlank String salesOrderId, @NotNull OffsetDateTime scheduledAt, @Size(max = 500) String note) {
    }

    record Reschedule(@NotNull OffsetDateTime scheduledAt, Long version) {
    }

    record Cancel(@NotBlank @Size(max = 500) String reason, Long version) {
    }

    record DeliveryAppointmentView(String id, String salesOrderId, String vin, String model, Customer customer, String customerId,
                                   String consultantId, String consultantName, Instant scheduledAt, String note,
                                   DeliveryAppointmentStatus status, Instant scheduledOn, String scheduledBy, Instant closedAt,
                                   String cancelReason, CancellationCause cancelCause, Long version) implements Versioned {
        static DeliveryAppointmentView of(DeliveryAppointment a) {
            return new DeliveryAppointmentView(a.getId(), a.getSalesOrderId(), a.getVin(), a.getModel(), a.getCustomer(),
                    a.getCustomer().customerId(), a.getConsultantId(), a.getConsultantName(), a.getScheduledAt(), a.getNote(), a.getStatus(),
                    a.getScheduledOn(), a.getScheduledBy(), a.getClosedAt(), a.getCancelReason(), a.getCancelCause(),
                    a.getVersion());
        }
    }

    private static final String IF_MATCH = "If-Match";

    private final DeliveryAppointments appointments;

    DeliveryAppointmentController(DeliveryAppointments appointments) {
        this.appointments = appointments;
    }

    static ExpectedVersion expected(ExpectedVersion ifMatch, Long bodyVersion) {
        return ifMatch == null ? ExpectedVersion.of(bodyVersion) : ifMatch.or(bodyVersion);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('delivery-appointments:write')")
    @Operation(summary = "Schedule the delivery of a confirmed or paid order; 409 delivery-already-scheduled when it has one; "
            + "422 order-not-deliverable (currentState) for a draft, cancelled or delivered order, also one cancelled or delivered while "
            + "this was being scheduled (the appointment stored meanwhile is then cancelled with it and named as appointmentId)",
            operationId = "scheduleDelivery")
    @ApiResponse(responseCode = "201", description = "Scheduled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryAppointmentView.class)))
    @ApiResponse(responseCode = "404", description = "No such sales order; nothing is written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<DeliveryAppointmentView> schedule(@Valid @RequestBody Schedule r, Actor actor) {
        DeliveryAppointment a = appointments.schedule(r.salesOrderId(), r.scheduledAt().toInstant(), r.note(), actor);
        return ResponseEntity.created(URI.create("/api/v1/delivery-appointments/" + a.getId())).body(DeliveryAppointmentView.of(a));
    }

    @PostMapping("/{id}/reschedule")
    @PreAuthorize("hasAuthority('delivery-appointments:write')")
    @Operation(summary = "Move a scheduled delivery to another time", operationId = "rescheduleDelivery")
    DeliveryAppointmentView reschedule(@PathVariable String id, @Valid @RequestBody Reschedule r,
                                       @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return DeliveryAppointmentView.of(appointments.reschedule(id, expected(ifMatch, r.version()), r.scheduledAt().toInstant(), actor));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('delivery-appointments:write')")
    @Operation(summary = "Cancel a scheduled delivery (cancelCause BY_HAND); cancelling or delivering its order closes it too",
            operationId = "cancelDelivery")
    DeliveryAppointmentView cancel(@PathVariable String id, @Valid @RequestBody Cancel r,
                                   @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return DeliveryAppointmentView.of(appointments.cancel(id, expected(ifMatch, r.version()), r.reason(), actor));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('sales-orders:read')")
    @Operation(summary = "A delivery appointment; ETag is its version", operationId = "getDeliveryAppointment")
    DeliveryAppointmentView get(@PathVariable String id) {
        return DeliveryAppointmentView.of(appointments.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('sales-orders:read')")
    @Operation(summary = "The delivery calendar of a day (store time zone), by time", operationId = "listDeliveryAppointments")
    Page<DeliveryAppointmentView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                       @RequestParam(required = false) DeliveryAppointmentStatus status, @Valid @ParameterObject Paging paging) {
        return appointments.list(date, status, paging).map(DeliveryAppointmentView::of);
    }
}
